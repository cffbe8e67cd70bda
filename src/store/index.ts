export * from './atomic-write.js';
export * from './layout.js';
export * from './parse-file.js';
export * from './trajectory-writer.js';
export * from './chain-writer.js';
export * from './run-store.js';
export * from './eval-store.js';
export * from './results-file.js';
