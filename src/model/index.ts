export * from './language-model.js';
export * from './providers/index.js';
