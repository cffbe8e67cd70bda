export * from './anthropic.js';
export * from './openai-compatible.js';
export * from './model-from-spec.js';
