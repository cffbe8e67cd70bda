/**
 * The two model providers through their real SDKs, against real local HTTP servers that speak the
 * vendors' wire formats (test/support/fake-*.ts). Retry delays are kept to milliseconds with
 * retry-after-ms, except where the retry-after (seconds) header itself is under test.
 */
import { describe, expect, it } from 'vitest';
import { TrajsynthError } from '../../src/core/errors.js';
import type { ModelRequest } from '../../src/model/language-model.js';
import { AnthropicModel } from '../../src/model/providers/anthropic.js';
import { OpenAICompatibleModel } from '../../src/model/providers/openai-compatible.js';
import { startFakeAnthropic, type FakeAnthropicScript } from '../support/fake-anthropic.js';
import { startFakeOpenAI, type FakeOpenAIScript } from '../support/fake-openai.js';

/** A 1×1 PNG. */
const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

const ANSWER_TOOL = {
  name: 'propose_task',
  description: 'Propose one task grounded in the page.',
  inputSchema: {
    type: 'object',
    properties: { task: { type: 'string' }, level: { type: 'integer' } },
    required: ['task'],
  },
};

function proposeRequest(overrides: Partial<ModelRequest> = {}): ModelRequest {
  return {
    role: 'proposer',
    system: 'You propose small computer-use tasks.',
    messages: [
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Page: Kanban board, 3 columns.', cacheBreakpoint: true },
          { type: 'image', mediaType: 'image/png', dataBase64: PNG_BASE64, width: 1, height: 1 },
          { type: 'text', text: 'Propose a task.' },
        ],
      },
    ],
    tools: [ANSWER_TOOL],
    toolChoice: { type: 'tool', name: 'propose_task' },
    maxOutputTokens: 512,
    temperature: 0,
    ...overrides,
  };
}

async function withAnthropic<T>(
  script: FakeAnthropicScript,
  run: (server: Awaited<ReturnType<typeof startFakeAnthropic>>) => Promise<T>,
): Promise<T> {
  const server = await startFakeAnthropic(script);
  try {
    return await run(server);
  } finally {
    await server.close();
  }
}

async function withOpenAI<T>(
  script: FakeOpenAIScript,
  run: (server: Awaited<ReturnType<typeof startFakeOpenAI>>) => Promise<T>,
): Promise<T> {
  const server = await startFakeOpenAI(script);
  try {
    return await run(server);
  } finally {
    await server.close();
  }
}

/** The TrajsynthError a promise rejects with (fails the test when it resolves or throws anything else). */
async function failureOf(promise: Promise<unknown>): Promise<TrajsynthError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(TrajsynthError);
  return error as TrajsynthError;
}

describe('AnthropicModel through the real SDK', () => {
  it('sends text, image, cached system and a forced tool, and returns the tool call with exact usage', async () => {
    await withAnthropic(
      {
        kind: 'message',
        content: [{ type: 'tool_use', id: 'toolu_01', name: 'propose_task', input: { task: 'Move "Fix login" to Done', level: 1 } }],
        usage: { input_tokens: 1200, output_tokens: 45, cache_creation_input_tokens: 900, cache_read_input_tokens: 300 },
      },
      async (server) => {
        const model = new AnthropicModel({ model: 'claude-test', apiKey: 'test-key', baseURL: server.baseURL });
        const response = await model.generate(proposeRequest());

        expect(response).toMatchObject({
          provider: 'anthropic',
          model: 'claude-test',
          text: '',
          toolCalls: [{ type: 'tool-call', id: 'toolu_01', name: 'propose_task', input: { task: 'Move "Fix login" to Done', level: 1 } }],
          stopReason: 'tool-use',
          usage: { inputTokens: 1200, outputTokens: 45, cacheWriteTokens: 900, cacheReadTokens: 300 },
          images: 1,
        });
        expect(response.latencyMs).toBeGreaterThanOrEqual(0);

        expect(server.requests).toHaveLength(1);
        const [sent] = server.requests;
        expect(sent!.url).toBe('/v1/messages');
        expect(sent!.headers['anthropic-beta']).toBeUndefined();
        expect(sent!.headers['authorization'] ?? sent!.headers['x-api-key']).toContain('test-key');
        expect(sent!.body).toMatchObject({
          model: 'claude-test',
          max_tokens: 512,
          temperature: 0,
          system: [{ type: 'text', text: 'You propose small computer-use tasks.', cache_control: { type: 'ephemeral' } }],
          tools: [{ name: 'propose_task', description: ANSWER_TOOL.description, input_schema: ANSWER_TOOL.inputSchema }],
          tool_choice: { type: 'tool', name: 'propose_task' },
          messages: [
            {
              role: 'user',
              content: [
                { type: 'text', text: 'Page: Kanban board, 3 columns.', cache_control: { type: 'ephemeral' } },
                { type: 'image', source: { type: 'base64', media_type: 'image/png', data: PNG_BASE64 } },
                { type: 'text', text: 'Propose a task.' },
              ],
            },
          ],
        });
        expect(sent!.body.messages[0].content[2].cache_control).toBeUndefined();
      },
    );
  });

  it('maps a tool round trip (tool_use, tool_result with a screenshot) and joins text blocks', async () => {
    await withAnthropic(
      {
        kind: 'message',
        content: [
          { type: 'text', text: 'The card ' },
          { type: 'text', text: 'moved.' },
        ],
        usage: { input_tokens: 50, output_tokens: 4 },
      },
      async (server) => {
        const model = new AnthropicModel({ model: 'claude-test', apiKey: 'test-key', baseURL: server.baseURL });
        const response = await model.generate({
          role: 'executor',
          system: 'Act on the page.',
          messages: [
            { role: 'user', content: [{ type: 'text', text: 'Move the card.' }] },
            { role: 'assistant', content: [{ type: 'tool-call', id: 'toolu_9', name: 'click', input: { ref: 'e12' } }] },
            {
              role: 'user',
              content: [
                {
                  type: 'tool-result',
                  callId: 'toolu_9',
                  isError: true,
                  content: [
                    { type: 'text', text: 'Element e12 is covered' },
                    { type: 'image', mediaType: 'image/png', dataBase64: PNG_BASE64 },
                  ],
                },
              ],
            },
          ],
          maxOutputTokens: 256,
        });
        expect(response).toMatchObject({
          text: 'The card moved.',
          toolCalls: [],
          stopReason: 'end',
          usage: { inputTokens: 50, outputTokens: 4, cacheWriteTokens: 0, cacheReadTokens: 0 },
          images: 1,
        });
        const body = server.requests[0]!.body;
        expect(body.tool_choice).toBeUndefined();
        expect(body.tools).toBeUndefined();
        expect(body.messages[1]).toEqual({
          role: 'assistant',
          content: [{ type: 'tool_use', id: 'toolu_9', name: 'click', input: { ref: 'e12' } }],
        });
        expect(body.messages[2].content[0]).toEqual({
          type: 'tool_result',
          tool_use_id: 'toolu_9',
          is_error: true,
          content: [
            { type: 'text', text: 'Element e12 is covered' },
            { type: 'image', source: { type: 'base64', media_type: 'image/png', data: PNG_BASE64 } },
          ],
        });
      },
    );
  });

  it('sends the computer-use tool through the beta endpoint with the anthropic-beta header', async () => {
    await withAnthropic(
      { kind: 'message', content: [{ type: 'tool_use', name: 'computer', input: { action: 'left_click', coordinate: [640, 360] } }] },
      async (server) => {
        const model = new AnthropicModel({ model: 'claude-test', apiKey: 'test-key', baseURL: server.baseURL });
        const response = await model.generate(
          proposeRequest({
            role: 'executor',
            tools: [],
            toolChoice: { type: 'auto' },
            computer: { displayWidthPx: 1280, displayHeightPx: 720 },
          }),
        );
        expect(response.stopReason).toBe('tool-use');
        expect(response.toolCalls).toMatchObject([{ name: 'computer', input: { action: 'left_click', coordinate: [640, 360] } }]);

        const sent = server.requests[0]!;
        expect(new URL(sent.url, 'http://x').pathname).toBe('/v1/messages');
        expect(String(sent.headers['anthropic-beta']).split(',')).toContain('computer-use-2025-01-24');
        expect(sent.body.betas).toBeUndefined();
        expect(sent.body.tools).toEqual([{ type: 'computer_20250124', name: 'computer', display_width_px: 1280, display_height_px: 720 }]);
        expect(sent.body.tool_choice).toEqual({ type: 'auto' });
      },
    );
  });

  it('retries a 429 after retry-after and then succeeds', async () => {
    await withAnthropic(
      [
        { kind: 'status', status: 429, retryAfterSeconds: 1 },
        { kind: 'message', content: [{ type: 'text', text: 'ok' }] },
      ],
      async (server) => {
        const model = new AnthropicModel({ model: 'claude-test', apiKey: 'test-key', baseURL: server.baseURL, maxRetries: 2 });
        const response = await model.generate(proposeRequest({ tools: [], toolChoice: undefined }));
        expect(response.text).toBe('ok');
        expect(server.requests).toHaveLength(2);
        expect(server.requests[1]!.headers['x-stainless-retry-count']).toBe('1');
      },
    );
  });

  it('gives RATE_LIMITED (retryable) when 429s outlast the retries', async () => {
    await withAnthropic(
      { kind: 'status', status: 429, retryAfterMs: 10, message: 'Number of request tokens has exceeded your per-minute rate limit' },
      async (server) => {
        const model = new AnthropicModel({ model: 'claude-test', apiKey: 'test-key', baseURL: server.baseURL, maxRetries: 1 });
        const error = await failureOf(model.generate(proposeRequest()));
        expect(error.code).toBe('RATE_LIMITED');
        expect(error.isRetryable).toBe(true);
        expect(error.message).toMatch(/^Expected a response from Anthropic model claude-test, got 429 rate limit after 1 retry/);
        expect(error.message).toContain('per-minute rate limit');
        expect(error.hint).toMatch(/concurrency/);
        expect(server.requests).toHaveLength(2);
      },
    );
  });

  it('gives a retryable MODEL_ERROR when 500s outlast the retries', async () => {
    await withAnthropic({ kind: 'status', status: 500, retryAfterMs: 10 }, async (server) => {
      const model = new AnthropicModel({ model: 'claude-test', apiKey: 'test-key', baseURL: server.baseURL, maxRetries: 1 });
      const error = await failureOf(model.generate(proposeRequest()));
      expect(error).toMatchObject({ code: 'MODEL_ERROR', isRetryable: true });
      expect(error.message).toContain('500 server error after 1 retry');
      expect(error.hint).toBeTruthy();
      expect(server.requests).toHaveLength(2);
    });
  });

  it('says 529 overloaded when the API is overloaded', async () => {
    await withAnthropic({ kind: 'status', status: 529, retryAfterMs: 10 }, async (server) => {
      const model = new AnthropicModel({ model: 'claude-test', apiKey: 'test-key', baseURL: server.baseURL, maxRetries: 0 });
      const error = await failureOf(model.generate(proposeRequest()));
      expect(error).toMatchObject({ code: 'MODEL_ERROR', isRetryable: true });
      expect(error.message).toContain('529 overloaded');
    });
  });

  it('gives a non-retryable MODEL_ERROR for 400 (with the API message) and 401 (with a key hint), without retrying', async () => {
    await withAnthropic(
      [
        { kind: 'status', status: 400, message: 'messages.0.content.1.image.source.base64: image exceeds 5 MB maximum' },
        { kind: 'status', status: 401, message: 'invalid x-api-key' },
      ],
      async (server) => {
        const model = new AnthropicModel({ model: 'claude-test', apiKey: 'test-key', baseURL: server.baseURL, maxRetries: 3 });
        const invalid = await failureOf(model.generate(proposeRequest()));
        expect(invalid).toMatchObject({ code: 'MODEL_ERROR', isRetryable: false });
        expect(invalid.message).toContain('image exceeds 5 MB maximum');
        const unauthorized = await failureOf(model.generate(proposeRequest()));
        expect(unauthorized).toMatchObject({ code: 'MODEL_ERROR', isRetryable: false });
        expect(unauthorized.message).toContain('401');
        expect(unauthorized.hint).toContain('ANTHROPIC_API_KEY');
        expect(server.requests).toHaveLength(2);
      },
    );
  });

  it('gives MODEL_ERROR mentioning JSON for a body that is not JSON', async () => {
    await withAnthropic({ kind: 'malformed' }, async (server) => {
      const model = new AnthropicModel({ model: 'claude-test', apiKey: 'test-key', baseURL: server.baseURL, maxRetries: 0 });
      const error = await failureOf(model.generate(proposeRequest()));
      expect(error.code).toBe('MODEL_ERROR');
      expect(error.message).toMatch(/not valid JSON/);
      expect(error.hint).toBeTruthy();
    });
  });

  it('gives TIMEOUT when the server never answers', async () => {
    await withAnthropic({ kind: 'hang' }, async (server) => {
      const model = new AnthropicModel({
        model: 'claude-test',
        apiKey: 'test-key',
        baseURL: server.baseURL,
        maxRetries: 0,
        timeoutMs: 1000,
      });
      const error = await failureOf(model.generate(proposeRequest()));
      expect(error).toMatchObject({ code: 'TIMEOUT', isRetryable: true });
      expect(error.message).toContain('within 1000 ms');
    });
  });

  it('gives a retryable MODEL_ERROR naming the base URL when the connection drops', async () => {
    await withAnthropic({ kind: 'drop' }, async (server) => {
      const model = new AnthropicModel({ model: 'claude-test', apiKey: 'test-key', baseURL: server.baseURL, maxRetries: 0 });
      const error = await failureOf(model.generate(proposeRequest()));
      expect(error).toMatchObject({ code: 'MODEL_ERROR', isRetryable: true });
      expect(error.message).toContain(server.baseURL);
      expect(error.hint).toBeTruthy();
    });
  });

  it('gives ABORTED when the caller aborts mid-request', async () => {
    const controller = new AbortController();
    await withAnthropic(
      () => {
        setImmediate(() => controller.abort(new Error('run stopped')));
        return { kind: 'hang' };
      },
      async (server) => {
        const model = new AnthropicModel({ model: 'claude-test', apiKey: 'test-key', baseURL: server.baseURL, maxRetries: 2 });
        const error = await failureOf(model.generate(proposeRequest({ signal: controller.signal })));
        expect(error.code).toBe('ABORTED');
        expect(error.isRetryable).toBe(false);
        expect(server.requests).toHaveLength(1);
      },
    );
  });

  it('gives ABORTED promptly when the caller aborts during a long retry-after wait', { timeout: 20_000 }, async () => {
    const controller = new AbortController();
    await withAnthropic(
      () => {
        setTimeout(() => controller.abort(), 200);
        return { kind: 'status', status: 429, retryAfterSeconds: 600 };
      },
      async (server) => {
        const model = new AnthropicModel({ model: 'claude-test', apiKey: 'test-key', baseURL: server.baseURL, maxRetries: 3 });
        const error = await failureOf(model.generate(proposeRequest({ signal: controller.signal })));
        expect(error.code).toBe('ABORTED');
        expect(server.requests).toHaveLength(1);
      },
    );
  });

  it('gives ABORTED without calling the API when the signal is already aborted', async () => {
    await withAnthropic({ kind: 'message', content: [{ type: 'text', text: 'never' }] }, async (server) => {
      const model = new AnthropicModel({ model: 'claude-test', apiKey: 'test-key', baseURL: server.baseURL });
      const error = await failureOf(model.generate(proposeRequest({ signal: AbortSignal.abort() })));
      expect(error.code).toBe('ABORTED');
      expect(server.requests).toHaveLength(0);
    });
  });

  it('gives MODEL_ERROR with a hint when no API key is set', () => {
    const saved = process.env['ANTHROPIC_API_KEY'];
    delete process.env['ANTHROPIC_API_KEY'];
    try {
      let error: unknown;
      try {
        new AnthropicModel({ model: 'claude-test', baseURL: 'http://127.0.0.1:9' });
      } catch (thrown) {
        error = thrown;
      }
      expect(error).toBeInstanceOf(TrajsynthError);
      expect(error).toMatchObject({ code: 'MODEL_ERROR', isRetryable: false });
      expect((error as TrajsynthError).hint).toContain('Set ANTHROPIC_API_KEY or pass apiKey');
    } finally {
      if (saved !== undefined) process.env['ANTHROPIC_API_KEY'] = saved;
    }
  });
});

describe('OpenAICompatibleModel through the real SDK', () => {
  it('sends system, image data URL and a forced function tool, and parses the tool call and usage', async () => {
    await withOpenAI(
      {
        kind: 'message',
        toolCalls: [{ id: 'call_1', name: 'propose_task', arguments: { task: 'Archive the mail from Ana', level: 1 } }],
        usage: { promptTokens: 1000, completionTokens: 30, cachedTokens: 400 },
      },
      async (server) => {
        const model = new OpenAICompatibleModel({ model: 'qwen-test', baseURL: server.baseURL, maxRetries: 0 });
        const response = await model.generate(proposeRequest());
        expect(response).toMatchObject({
          provider: 'openai-compatible',
          model: 'qwen-test',
          text: '',
          toolCalls: [{ type: 'tool-call', id: 'call_1', name: 'propose_task', input: { task: 'Archive the mail from Ana', level: 1 } }],
          stopReason: 'tool-use',
          // cached tokens are reported once, as cache reads, not also as input
          usage: { inputTokens: 600, outputTokens: 30, cacheWriteTokens: 0, cacheReadTokens: 400 },
          images: 1,
        });

        const sent = server.requests[0]!;
        expect(sent.url).toBe('/v1/chat/completions');
        expect(sent.headers['authorization']).toBe(`Bearer ${process.env['OPENAI_API_KEY']?.trim() || 'not-needed'}`);
        expect(sent.body).toMatchObject({
          model: 'qwen-test',
          max_tokens: 512,
          temperature: 0,
          tool_choice: { type: 'function', function: { name: 'propose_task' } },
          tools: [
            {
              type: 'function',
              function: { name: 'propose_task', description: ANSWER_TOOL.description, parameters: ANSWER_TOOL.inputSchema },
            },
          ],
          messages: [
            { role: 'system', content: 'You propose small computer-use tasks.' },
            {
              role: 'user',
              content: [
                { type: 'text', text: 'Page: Kanban board, 3 columns.' },
                { type: 'image_url', image_url: { url: `data:image/png;base64,${PNG_BASE64}` } },
                { type: 'text', text: 'Propose a task.' },
              ],
            },
          ],
        });
      },
    );
  });

  it('maps tool round trips: assistant tool_calls, tool messages, and tool-result images in a following user message', async () => {
    await withOpenAI({ kind: 'message', content: 'Done.', usage: { promptTokens: 80, completionTokens: 2 } }, async (server) => {
      const model = new OpenAICompatibleModel({ model: 'qwen-test', baseURL: server.baseURL, maxRetries: 0 });
      const response = await model.generate({
        role: 'executor',
        system: 'Act on the page.',
        messages: [
          { role: 'user', content: [{ type: 'text', text: 'Move the card.' }] },
          {
            role: 'assistant',
            content: [
              { type: 'text', text: 'Clicking.' },
              { type: 'tool-call', id: 'call_9', name: 'click', input: { ref: 'e12' } },
            ],
          },
          {
            role: 'user',
            content: [
              {
                type: 'tool-result',
                callId: 'call_9',
                content: [
                  { type: 'text', text: 'clicked' },
                  { type: 'image', mediaType: 'image/png', dataBase64: PNG_BASE64 },
                ],
              },
            ],
          },
        ],
        toolChoice: { type: 'any' },
        tools: [ANSWER_TOOL],
        maxOutputTokens: 64,
      });
      expect(response).toMatchObject({
        text: 'Done.',
        stopReason: 'end',
        usage: { inputTokens: 80, outputTokens: 2, cacheReadTokens: 0, cacheWriteTokens: 0 },
        images: 1,
      });
      const messages = server.requests[0]!.body.messages;
      expect(server.requests[0]!.body.tool_choice).toBe('required');
      expect(messages).toEqual([
        { role: 'system', content: 'Act on the page.' },
        { role: 'user', content: 'Move the card.' },
        {
          role: 'assistant',
          content: 'Clicking.',
          tool_calls: [{ id: 'call_9', type: 'function', function: { name: 'click', arguments: '{"ref":"e12"}' } }],
        },
        { role: 'tool', tool_call_id: 'call_9', content: 'clicked' },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Image returned by tool call call_9:' },
            { type: 'image_url', image_url: { url: `data:image/png;base64,${PNG_BASE64}` } },
          ],
        },
      ]);
    });
  });

  it('gives MODEL_ERROR naming the tool when its arguments are not JSON', async () => {
    await withOpenAI({ kind: 'message', toolCalls: [{ name: 'propose_task', arguments: '{"task": "Archive' }] }, async (server) => {
      const model = new OpenAICompatibleModel({ model: 'qwen-test', baseURL: server.baseURL, maxRetries: 0 });
      const error = await failureOf(model.generate(proposeRequest()));
      expect(error.code).toBe('MODEL_ERROR');
      expect(error.message).toContain('propose_task');
      expect(error.hint).toBeTruthy();
    });
  });

  it('retries a 429 and gives RATE_LIMITED when it persists', async () => {
    await withOpenAI(
      { kind: 'status', status: 429, retryAfterMs: 10, message: 'Rate limit reached', code: 'rate_limit_exceeded' },
      async (server) => {
        const model = new OpenAICompatibleModel({ model: 'qwen-test', baseURL: server.baseURL, maxRetries: 1 });
        const error = await failureOf(model.generate(proposeRequest()));
        expect(error).toMatchObject({ code: 'RATE_LIMITED', isRetryable: true });
        expect(error.message).toMatch(
          /^Expected a response from OpenAI-compatible model qwen-test, got 429 rate limit after 1 retry: Rate limit reached/,
        );
        expect(error.hint).toMatch(/concurrency/);
        expect(server.requests).toHaveLength(2);
      },
    );
  });

  it('succeeds after a 429 with retry-after', async () => {
    await withOpenAI(
      [
        { kind: 'status', status: 429, retryAfterSeconds: 1 },
        { kind: 'message', content: 'ok' },
      ],
      async (server) => {
        const model = new OpenAICompatibleModel({ model: 'qwen-test', baseURL: server.baseURL, maxRetries: 2 });
        const response = await model.generate(proposeRequest({ toolChoice: undefined }));
        expect(response.text).toBe('ok');
        expect(server.requests).toHaveLength(2);
      },
    );
  });

  it('gives MODEL_ERROR for a non-JSON body and a retryable one for a dropped connection', async () => {
    await withOpenAI([{ kind: 'malformed' }, { kind: 'drop' }], async (server) => {
      const model = new OpenAICompatibleModel({ model: 'qwen-test', baseURL: server.baseURL, maxRetries: 0 });
      const malformed = await failureOf(model.generate(proposeRequest()));
      expect(malformed.code).toBe('MODEL_ERROR');
      expect(malformed.message).toMatch(/not valid JSON/);
      const dropped = await failureOf(model.generate(proposeRequest()));
      expect(dropped).toMatchObject({ code: 'MODEL_ERROR', isRetryable: true });
      expect(dropped.message).toContain(server.baseURL);
    });
  });

  it('gives TIMEOUT when the server hangs and ABORTED when the caller aborts', async () => {
    const controller = new AbortController();
    await withOpenAI(
      (_request, index) => {
        if (index === 1) setImmediate(() => controller.abort());
        return { kind: 'hang' };
      },
      async (server) => {
        const model = new OpenAICompatibleModel({ model: 'qwen-test', baseURL: server.baseURL, maxRetries: 0, timeoutMs: 1000 });
        const timedOut = await failureOf(model.generate(proposeRequest()));
        expect(timedOut).toMatchObject({ code: 'TIMEOUT', isRetryable: true });
        const aborted = await failureOf(model.generate(proposeRequest({ signal: controller.signal })));
        expect(aborted.code).toBe('ABORTED');
      },
    );
  });

  it('gives ABORTED promptly when the caller aborts during a long retry-after wait', { timeout: 20_000 }, async () => {
    const controller = new AbortController();
    await withOpenAI(
      () => {
        setTimeout(() => controller.abort(), 200);
        return { kind: 'status', status: 429, retryAfterSeconds: 600 };
      },
      async (server) => {
        const model = new OpenAICompatibleModel({ model: 'qwen-test', baseURL: server.baseURL, maxRetries: 3 });
        const error = await failureOf(model.generate(proposeRequest({ signal: controller.signal })));
        expect(error.code).toBe('ABORTED');
        expect(server.requests).toHaveLength(1);
      },
    );
  });

  it('refuses the computer-use tool with BAD_INPUT before calling the server', async () => {
    await withOpenAI({ kind: 'message', content: 'never' }, async (server) => {
      const model = new OpenAICompatibleModel({ model: 'qwen-test', baseURL: server.baseURL });
      const error = await failureOf(model.generate(proposeRequest({ computer: { displayWidthPx: 1280, displayHeightPx: 720 } })));
      expect(error.code).toBe('BAD_INPUT');
      expect(error.message + error.hint).toMatch(/Anthropic/);
      expect(error.hint).toMatch(/refs/);
      expect(server.requests).toHaveLength(0);
    });
  });
});
