import type { ContentPart, ModelRequest } from '../model/language-model.js';
import { ANTHROPIC_MIN_CACHEABLE_TOKENS } from '../model/providers/anthropic.js';

/**
 * Token estimates for requests that are rendered but not sent (the dry run). Text: about 3.5
 * characters per token for English prose, JSON and accessibility snapshots. Images: Anthropic's
 * published rule, width × height / 750 after the API's own downscaling (long edge ≤ 1568 px and at
 * most about 1.15 megapixels).
 */
export const CHARS_PER_TOKEN = 3.5;
/** Tool use adds a system prompt of its own (Anthropic documents 300-350 tokens for tool_choice tool/any). */
export const TOOL_USE_OVERHEAD_TOKENS = 330;
/** The computer-use tool's own definition and system prompt (Anthropic: ~735 tokens for Claude 4 models). */
export const COMPUTER_TOOL_TOKENS = 735 + 466;
/** Shortest prefix Anthropic caches (the provider's rule); shorter prefixes are billed as input. */
export const MIN_CACHEABLE_TOKENS = ANTHROPIC_MIN_CACHEABLE_TOKENS;

export function textTokens(text: string): number {
  return Math.ceil(text.length / CHARS_PER_TOKEN);
}

export function imageTokens(width: number, height: number): number {
  let w = width;
  let h = height;
  const longEdge = Math.max(w, h);
  if (longEdge > 1568) {
    w = (w * 1568) / longEdge;
    h = (h * 1568) / longEdge;
  }
  const pixels = w * h;
  if (pixels > 1_150_000) {
    const factor = Math.sqrt(1_150_000 / pixels);
    w *= factor;
    h *= factor;
  }
  return Math.ceil((w * h) / 750);
}

export interface RequestTokens {
  /** Tools and system prompt: the stable prefix a provider can cache. */
  prefixTokens: number;
  /** Messages: text and images. */
  messageTokens: number;
  images: number;
}

export function estimateRequestTokens(request: ModelRequest): RequestTokens {
  let prefix = textTokens(request.system);
  if (request.tools?.length)
    prefix += TOOL_USE_OVERHEAD_TOKENS + request.tools.reduce((total, tool) => total + textTokens(JSON.stringify(tool)), 0);
  if (request.computer) prefix += COMPUTER_TOOL_TOKENS;
  let messages = 0;
  let images = 0;
  const count = (part: ContentPart) => {
    switch (part.type) {
      case 'text':
        messages += textTokens(part.text);
        break;
      case 'image':
        images += 1;
        messages += imageTokens(part.width ?? 1280, part.height ?? 800);
        break;
      case 'tool-call':
        messages += textTokens(JSON.stringify(part.input)) + 10;
        break;
      case 'tool-result':
        part.content.forEach(count);
        break;
    }
  };
  for (const message of request.messages) message.content.forEach(count);
  return { prefixTokens: prefix, messageTokens: messages, images };
}
