export * from './build-site.js';
export * from './site-server.js';
export * from './snapshot-diff.js';
export type * from './site-model.js';
