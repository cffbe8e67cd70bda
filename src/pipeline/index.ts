export * from './events.js';
export * from './derive-checker.js';
export * from './chain-runner.js';
export * from './synthesize.js';
export * from './run-setup.js';
export * from './chain-of-run.js';
export * from './version.js';
