import type { ModelCall } from '../core/usage.js';
import type { LanguageModel, ModelRequest, ModelResponse } from '../model/language-model.js';
import { ANTHROPIC_PRICES, priceUsage, type PriceTable } from './price-table.js';

export interface MeteredModelOptions {
  /** Price tables by provider; the Anthropic list prices by default. Extra tables price local models. */
  priceTables?: readonly PriceTable[];
}

/**
 * Wraps any LanguageModel so that every call is priced and reported to the request's recorder:
 * role, provider, model, tokens of each kind, images, latency and USD (undefined when unpriced).
 * Calls answered from the response cache are reported with their tokens and a cost of 0.
 */
export class MeteredModel implements LanguageModel {
  readonly provider: string;
  readonly model: string;
  private readonly tables: readonly PriceTable[];

  constructor(
    private readonly inner: LanguageModel,
    options: MeteredModelOptions = {},
  ) {
    this.provider = inner.provider;
    this.model = inner.model;
    this.tables = options.priceTables ?? [ANTHROPIC_PRICES];
  }

  async generate(request: ModelRequest): Promise<ModelResponse> {
    const response = await this.inner.generate(request);
    request.recorder?.record(meterCall(request.role, response, this.tables));
    return response;
  }
}

/** The metered record of one response. */
export function meterCall(role: string, response: ModelResponse, tables: readonly PriceTable[]): ModelCall {
  const table =
    tables.find((candidate) => candidate.provider === response.provider) ?? tables.find((candidate) => candidate.provider === '*');
  const costUsd = table ? priceUsage(table, response.model, response.usage) : undefined;
  return {
    role,
    provider: response.provider,
    model: response.model,
    inputTokens: response.usage.inputTokens,
    outputTokens: response.usage.outputTokens,
    cacheWriteTokens: response.usage.cacheWriteTokens,
    cacheReadTokens: response.usage.cacheReadTokens,
    images: response.images,
    latencyMs: Math.round(response.latencyMs),
    ...(response.fromCache ? { costUsd: 0, fromCache: true } : costUsd !== undefined ? { costUsd } : {}),
    ...(table && costUsd !== undefined ? { priceTable: table.version } : {}),
  };
}
