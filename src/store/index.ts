export * from './atomic-write.js';
export * from './layout.js';
export * from './parse-file.js';
export * from './chain-writer.js';
export * from './run-store.js';
