import type { TokenUsage } from '../model/language-model.js';

/** USD per million tokens of each kind. Cache writes are the 5-minute TTL rate (what we send). */
export interface TokenRates {
  inputPerMTok: number;
  outputPerMTok: number;
  cacheWritePerMTok: number;
  cacheReadPerMTok: number;
}

export interface ModelPrice extends TokenRates {
  /** Model ids this row prices; dated snapshots (`-20250929`) match their base id. */
  ids: readonly string[];
  /** A higher tier for every token of a request whose prompt (input + cache write + cache read) is longer. */
  longPrompt?: { thresholdTokens: number; rates: TokenRates };
}

export interface PriceTable {
  /** Stored with every priced call, so old runs can be re-priced or audited. */
  version: string;
  source: string;
  provider: string;
  models: readonly ModelPrice[];
}

const rates = (input: number, output: number, cacheWrite: number, cacheRead: number): TokenRates => ({
  inputPerMTok: input,
  outputPerMTok: output,
  cacheWritePerMTok: cacheWrite,
  cacheReadPerMTok: cacheRead,
});

/**
 * Anthropic's list prices as published on platform.claude.com/docs/en/about-claude/pricing and the
 * model overview pages, checked 2026-11-22. Update the version when a rate changes.
 */
export const ANTHROPIC_PRICES: PriceTable = {
  version: 'anthropic-2026-11-22',
  source: 'https://platform.claude.com/docs/en/about-claude/pricing',
  provider: 'anthropic',
  models: [
    { ids: ['claude-fable-5-1', 'claude-mythos-5-1'], ...rates(10, 50, 12.5, 0.25) },
    { ids: ['claude-fable-5', 'claude-mythos-5'], ...rates(10, 50, 12.5, 1) },
    { ids: ['claude-opus-5-5'], ...rates(4, 20, 5, 0.2) },
    { ids: ['claude-opus-5', 'claude-opus-4-8', 'claude-opus-4-7', 'claude-opus-4-6', 'claude-opus-4-5'], ...rates(5, 25, 6.25, 0.5) },
    { ids: ['claude-opus-4-1', 'claude-opus-4-0', 'claude-opus-4', 'claude-3-opus'], ...rates(15, 75, 18.75, 1.5) },
    { ids: ['claude-sonnet-5-5'], ...rates(2, 10, 2.5, 0.1) },
    { ids: ['claude-sonnet-5'], ...rates(2, 10, 2.5, 0.2) },
    {
      ids: ['claude-sonnet-4-6', 'claude-sonnet-4-5', 'claude-sonnet-4-0', 'claude-sonnet-4', 'claude-3-7-sonnet'],
      ...rates(3, 15, 3.75, 0.3),
    },
    {
      ids: ['claude-haiku-5-5'],
      ...rates(0.1, 0.5, 0.125, 0.01),
      longPrompt: { thresholdTokens: 100_000, rates: rates(0.5, 2.5, 0.625, 0.05) },
    },
    { ids: ['claude-haiku-4-5'], ...rates(1, 5, 1.25, 0.1) },
    { ids: ['claude-3-5-haiku'], ...rates(0.8, 4, 1, 0.08) },
    { ids: ['claude-3-haiku'], ...rates(0.25, 1.25, 0.3, 0.03) },
  ],
};

/** The row pricing `model` (exact id, or a dated snapshot of it such as `claude-haiku-4-5-20251001`). */
export function findModelPrice(table: PriceTable, model: string): ModelPrice | undefined {
  const id = model.trim().toLowerCase();
  const base = id.replace(/-\d{8}$/, '').replace(/-latest$/, '');
  return table.models.find((row) => row.ids.includes(id)) ?? table.models.find((row) => row.ids.includes(base));
}

/** USD for one call's tokens, or undefined when the model is not in the table (unpriced, never free). */
export function priceUsage(table: PriceTable, model: string, usage: TokenUsage): number | undefined {
  const row = findModelPrice(table, model);
  if (!row) return undefined;
  const prompt = usage.inputTokens + usage.cacheWriteTokens + usage.cacheReadTokens;
  const applied = row.longPrompt && prompt > row.longPrompt.thresholdTokens ? row.longPrompt.rates : row;
  const micro =
    usage.inputTokens * applied.inputPerMTok +
    usage.outputTokens * applied.outputPerMTok +
    usage.cacheWriteTokens * applied.cacheWritePerMTok +
    usage.cacheReadTokens * applied.cacheReadPerMTok;
  return micro / 1_000_000;
}
