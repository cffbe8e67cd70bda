import { TrajsynthError } from '../../core/errors.js';
import type { LanguageModel } from '../language-model.js';
import { AnthropicModel } from './anthropic.js';
import { OpenAICompatibleModel } from './openai-compatible.js';

/** How to reach a provider: the key's environment variable (never the key), an endpoint, retries, a timeout. */
export interface ProviderSettings {
  baseURL?: string;
  apiKeyEnv?: string;
  maxRetries?: number;
  timeoutMs?: number;
}

/**
 * The provider's model for `anthropic:MODEL` or `openai:MODEL` (any OpenAI-compatible server): the
 * key from ANTHROPIC_API_KEY / OPENAI_API_KEY (or the variable the settings name), the endpoint from
 * the settings or ANTHROPIC_BASE_URL / OPENAI_BASE_URL. An OpenAI-compatible model needs an endpoint.
 */
export function modelFromSpec(
  spec: string,
  providers: { anthropic?: ProviderSettings; openai?: ProviderSettings } | undefined,
  env: Readonly<Record<string, string | undefined>>,
): LanguageModel {
  const [provider, ...rest] = spec.split(':');
  const name = rest.join(':');
  if (provider === 'anthropic') {
    const settings = providers?.anthropic ?? {};
    const apiKey = env[settings.apiKeyEnv ?? 'ANTHROPIC_API_KEY'];
    const baseURL = settings.baseURL ?? env.ANTHROPIC_BASE_URL;
    return new AnthropicModel({
      model: name,
      ...(apiKey ? { apiKey } : {}),
      ...(baseURL ? { baseURL } : {}),
      ...(settings.maxRetries !== undefined ? { maxRetries: settings.maxRetries } : {}),
      ...(settings.timeoutMs !== undefined ? { timeoutMs: settings.timeoutMs } : {}),
    });
  }
  if (provider === 'openai') {
    const settings = providers?.openai ?? {};
    const apiKey = env[settings.apiKeyEnv ?? 'OPENAI_API_KEY'];
    const baseURL = settings.baseURL ?? env.OPENAI_BASE_URL;
    if (!baseURL) {
      throw new TrajsynthError(`Expected a base URL for the OpenAI-compatible model "${name}", got none`, {
        code: 'BAD_INPUT',
        hint: 'Set OPENAI_BASE_URL (e.g. http://127.0.0.1:8000/v1 for vLLM, http://127.0.0.1:11434/v1 for Ollama) or providers.openai.baseURL in the config.',
      });
    }
    return new OpenAICompatibleModel({
      model: name,
      baseURL,
      ...(apiKey ? { apiKey } : {}),
      ...(settings.maxRetries !== undefined ? { maxRetries: settings.maxRetries } : {}),
      ...(settings.timeoutMs !== undefined ? { timeoutMs: settings.timeoutMs } : {}),
    });
  }
  throw new TrajsynthError(`Expected a model spec anthropic:MODEL or openai:MODEL, got "${spec}"`, { code: 'BAD_INPUT' });
}
