export * from './registry.js';
export * from './start-environment.js';
export * from './predicates.js';
export * from './text-match.js';
