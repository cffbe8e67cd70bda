export * from './anthropic.js';
export * from './openai-compatible.js';
