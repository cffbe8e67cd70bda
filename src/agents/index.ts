export * from './roles.js';
export * from './personas.js';
export * from './summary-constants.js';
export * from './heuristic/index.js';
