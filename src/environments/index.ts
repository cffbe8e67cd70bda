export * from './registry.js';
export * from './start-environment.js';
export * from './url-environment.js';
export * from './environment-source.js';
export * from './coverage.js';
export * from './predicates.js';
