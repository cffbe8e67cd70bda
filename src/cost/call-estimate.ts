import type { TokenCounts } from '../core/usage.js';
import type { ModelRequest } from '../model/language-model.js';
import { priceUsage, type PriceTable } from './price-table.js';
import { anthropicCachesPrefix } from '../model/providers/anthropic.js';
import { estimateRequestTokens } from './token-estimate.js';

/** A request that was rendered but not sent, priced: the dry run's unit. */
export interface CallEstimate {
  usage: TokenCounts;
  images: number;
  /** Undefined when the model is unpriced. */
  costUsd: number | undefined;
}

/**
 * Tokens and USD of one call, estimated from its rendered request (see token-estimate.ts) and an
 * assumed output length. Anthropic caches a prompt prefix (tools and system) of at least
 * ANTHROPIC_MIN_CACHEABLE_TOKENS (the provider's rule): the first call with a prefix writes it, later ones read it; other providers
 * and shorter prefixes pay it as input. `cached` remembers which prefixes were written.
 */
export function estimateCall(
  request: ModelRequest,
  options: {
    spec: string;
    prefixKey: string;
    outputTokens: number;
    extraMessageTokens?: number;
    tables: readonly PriceTable[];
    cached: Set<string>;
  },
): CallEstimate {
  const { spec, prefixKey, cached } = options;
  const tokens = estimateRequestTokens(request);
  const provider = spec.startsWith('anthropic:') ? 'anthropic' : 'openai-compatible';
  const cacheable = provider === 'anthropic' && anthropicCachesPrefix(tokens.prefixTokens);
  const usage: TokenCounts = {
    inputTokens: tokens.messageTokens + (options.extraMessageTokens ?? 0) + (cacheable ? 0 : tokens.prefixTokens),
    outputTokens: options.outputTokens,
    cacheWriteTokens: cacheable && !cached.has(prefixKey) ? tokens.prefixTokens : 0,
    cacheReadTokens: cacheable && cached.has(prefixKey) ? tokens.prefixTokens : 0,
  };
  if (cacheable) cached.add(prefixKey);
  const table = options.tables.find((candidate) => candidate.provider === provider);
  const costUsd = table ? priceUsage(table, spec.split(':').slice(1).join(':'), usage) : undefined;
  return { usage, images: tokens.images, costUsd };
}
