import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type BrowserHandle } from '../../src/browser/index.js';
import { buildAgents, type AgentConfig } from '../../src/pipeline/agent-config.js';
import { synthesize } from '../../src/pipeline/synthesize.js';
import { readCalls, readChain, readInterruptedCalls, readRunMeta, readSteps, readTasksFile, runLayout } from '../../src/store/index.js';
import { startFakeAnthropic, type FakeAnthropicReply, type FakeAnthropicUsage } from '../support/fake-anthropic.js';
import { scriptedTrackerModel } from '../support/scripted-tracker-model.js';
import { startFakeOpenAI, type FakeOpenAIReply } from '../support/fake-openai.js';

/** Claude Haiku 4.5's list prices, per million tokens, written out by hand for the cost check. */
const HAIKU = { input: 1, output: 5, cacheWrite: 1.25, cacheRead: 0.1 };
const handPrice = (usage: FakeAnthropicUsage) =>
  (usage.input_tokens * HAIKU.input +
    usage.output_tokens * HAIKU.output +
    usage.cache_creation_input_tokens * HAIKU.cacheWrite +
    usage.cache_read_input_tokens * HAIKU.cacheRead) /
  1_000_000;

const ALL_MODEL: AgentConfig = { model: 'anthropic:claude-haiku-4-5' };

let browser: BrowserHandle;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function run(options: {
  baseURL: string;
  outDir: string;
  config?: AgentConfig;
  chains?: number;
  maxLevel?: number;
  budgetUsd?: number;
  resume?: boolean;
  cacheDir?: string;
  cacheOnly?: boolean;
}) {
  const built = buildAgents(options.config ?? ALL_MODEL, {
    env: { ANTHROPIC_API_KEY: 'test-key', ANTHROPIC_BASE_URL: options.baseURL },
    ...(options.cacheDir ? { cache: { dir: options.cacheDir, mode: options.cacheOnly ? 'read-only' : 'read-write' } } : {}),
  });
  return synthesize({
    outDir: options.outDir,
    environment: 'project-tracker',
    chains: options.chains ?? 1,
    maxLevel: options.maxLevel ?? 3,
    seed: 5,
    concurrency: 1,
    agents: built.agents,
    browser,
    ...(options.budgetUsd !== undefined ? { budgetUsd: options.budgetUsd } : {}),
    ...(options.resume ? { resume: true } : {}),
  });
}

/** The first chain's steps as `action:ok` or `action:error`, for failure messages. */
async function outcomes(layout: Parameters<typeof readSteps>[0]): Promise<string> {
  const steps = await readSteps(layout, 'c0001');
  return JSON.stringify(
    steps.map((step) => `${step.executed.action.type}:${step.executed.outcome.ok ? 'ok' : step.executed.outcome.error}`),
  );
}

// The tests run side by side: each has its own endpoint and output folder, and shares the browser.
describe.concurrent('a chain with every role model-backed, through the real Anthropic SDK', () => {
  it('reaches level 3, stores every call, and its cost equals the returned usage priced by hand', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'trajsynth-model-chain-'));
    const model = scriptedTrackerModel();
    const server = await startFakeAnthropic((request) => model.handle(request));
    try {
      const result = await run({ baseURL: server.baseURL, outDir });
      const record = result.records[0]!;
      expect(record.status).toBe('complete');
      expect(record.levels.map((level) => level.level)).toEqual([1, 2, 3]);
      expect(record.subtasks.filter((subtask) => subtask.status === 'accepted').map((subtask) => subtask.interaction)).toEqual([
        'navigate',
        'toggle',
        'read',
      ]);
      // Judged where a probe exists: the checker decides, the judge's opinion is stored beside it.
      for (const subtask of record.subtasks) expect(subtask.verdict.judge?.agreesWithChecker).toBe(true);
      expect(record.levels[2]!.task).toContain(record.subtasks[1]!.entities[0]!);

      const calls = await readCalls(result.layout, record.chainId);
      expect(calls).toHaveLength(server.requests.length);
      expect(calls).toHaveLength(model.replies.length);
      expect(new Set(calls.map((call) => call.role))).toEqual(new Set(['proposer', 'follow-up', 'executor', 'verifier', 'summarizer']));
      const expected = model.replies.reduce((total, reply) => total + handPrice(reply.usage), 0);
      expect(calls.reduce((total, call) => total + call.costUsd!, 0)).toBeCloseTo(expected, 12);
      expect(record.usage.costUsd).toBeCloseTo(expected, 12);
      // Each level stores what producing it cost: every call up to and including its summary.
      const upToLevel1 = calls.filter((call) => (call.level ?? 0) <= 1).reduce((total, call) => total + call.costUsd!, 0);
      expect(record.levels[0]!.usage!.costUsd).toBeCloseTo(upToLevel1, 12);
      expect(record.levels[2]!.usage!.costUsd).toBeCloseTo(expected, 12);
      expect(record.usage.inputTokens).toBe(model.replies.reduce((total, reply) => total + reply.usage.input_tokens, 0));
      expect(record.usage.cacheReadTokens).toBe(model.replies.reduce((total, reply) => total + reply.usage.cache_read_input_tokens, 0));
      const meta = await readRunMeta(result.layout);
      expect(meta.usage.costUsd).toBeCloseTo(expected, 12);
      expect(meta.config.roles.executor).toBe('model-executor:anthropic:claude-haiku-4-5');

      // What went over the wire: the system prompt marked for caching, a real screenshot, a forced tool.
      const first = server.requests[0]!.body;
      expect(first.system[0].cache_control).toEqual({ type: 'ephemeral' });
      const image = first.messages[0].content.find((block: { type: string }) => block.type === 'image');
      expect(image.source.media_type).toBe('image/webp');
      expect(Buffer.from(image.source.data, 'base64').subarray(8, 12).toString()).toBe('WEBP');
      expect(first.tool_choice).toEqual({ type: 'tool', name: 'propose_task' });
    } finally {
      await server.close();
      await rm(outDir, { recursive: true, force: true });
    }
  });

  it('rides out a burst of 429s with retry-after, and a proposal that is invalid twice is recorded, not fatal', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'trajsynth-model-429-'));
    const model = scriptedTrackerModel();
    let invalidProposals = 0;
    const server = await startFakeAnthropic((request, index): FakeAnthropicReply => {
      if (index < 3) return { kind: 'status', status: 429, retryAfterSeconds: 1 };
      if (request.body?.tool_choice?.name === 'propose_task' && invalidProposals < 2) {
        invalidProposals += 1;
        return {
          kind: 'message',
          content: [{ type: 'tool_use', name: 'propose_task', input: { description: 'x' } }],
          usage: { input_tokens: 10, output_tokens: 5 },
        };
      }
      return model.handle(request);
    });
    try {
      const result = await run({ baseURL: server.baseURL, outDir, maxLevel: 2 });
      const record = result.records[0]!;
      expect(record.levels).toHaveLength(2);
      expect(record.rejectedProposals).toHaveLength(1);
      expect(record.rejectedProposals![0]!.reason).toMatch(/propose_task/);
      // The two invalid answers were paid for, as were the level summaries: both are overhead.
      const summaries = model.replies
        .filter((reply) => reply.tool === 'summary')
        .reduce((total, reply) => total + reply.usage.input_tokens, 0);
      expect(record.overhead!.inputTokens).toBe(20 + summaries);
      // Three rate-limited requests were retried by the SDK, then every call succeeded.
      expect(server.requests.length).toBe(3 + 2 + model.replies.length);
    } finally {
      await server.close();
      await rm(outDir, { recursive: true, force: true });
    }
  });

  it('stops cleanly at the budget, keeping finished chains, and resumes to completion', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'trajsynth-model-budget-'));
    const model = scriptedTrackerModel();
    const server = await startFakeAnthropic((request) => model.handle(request));
    try {
      // One chain to level 3 costs ~$0.025 with the scripted usage; stop partway through the second.
      const stopped = await run({ baseURL: server.baseURL, outDir, chains: 2, budgetUsd: 0.035 });
      expect(stopped.meta.status).toBe('interrupted');
      expect(stopped.meta.budget).toMatchObject({ limitUsd: 0.035, reached: true });
      expect(stopped.meta.budget!.spentUsd).toBeGreaterThanOrEqual(0.035);
      expect(stopped.meta.stopReason).toMatch(/Budget reached/);
      const layout = runLayout(outDir, stopped.layout.runId);
      const kept = await readChain(layout, 'c0001');
      expect(kept?.status).toBe('complete');
      expect(kept?.levels).toHaveLength(3);
      expect((await readTasksFile(layout)).map((line) => line.chainId)).toEqual(['c0001']);
      expect((await readRunMeta(layout)).chains[1]!.status).not.toBe('complete');

      const paidBeforeResume = server.requests.length;
      const resumed = await run({ baseURL: server.baseURL, outDir, chains: 2, budgetUsd: 1, resume: true });
      // The interrupted attempt of c0002 was redone; the calls it had paid for moved to interrupted-calls.jsonl.
      const archived = await readInterruptedCalls(layout);
      expect(archived.length).toBeGreaterThan(0);
      expect(archived.every((call) => call.chainId === 'c0002')).toBe(true);
      const stored = (await readCalls(layout, 'c0001')).length + (await readCalls(layout, 'c0002')).length + archived.length;
      expect(stored).toBe(server.requests.length);
      expect(paidBeforeResume).toBe((await readCalls(layout, 'c0001')).length + archived.length);
      expect(resumed.meta.status).toBe('complete');
      expect(resumed.records.map((record) => record.levels.length)).toEqual([3, 3]);
      expect(resumed.records[0]!.levels).toEqual(kept!.levels);
    } finally {
      await server.close();
      await rm(outDir, { recursive: true, force: true });
    }
  });

  // One test per kind of failure, so the four run side by side.
  const failures: Array<[string, FakeAnthropicReply, RegExp]> = [
    ['a 500', { kind: 'status', status: 500, message: 'upstream exploded' }, /500/],
    ['a hung response', { kind: 'hang' }, /within 1500 ms, got none/],
    ['a dropped connection', { kind: 'drop' }, /connect|connection/i],
    ['malformed JSON', { kind: 'malformed' }, /JSON/],
  ];
  for (const [label, failure, message] of failures) {
    it(`a server that keeps failing (${label}) ends the chain on a harness error (not an agent failure) with a clear one-line message and leaves a readable run`, async () => {
      const outDir = await mkdtemp(join(tmpdir(), 'trajsynth-model-fail-'));
      const model = scriptedTrackerModel();
      // The first subtask goes through; then the endpoint breaks for good.
      const server = await startFakeAnthropic((request, index) => (index < 5 ? model.handle(request) : failure));
      try {
        const config: AgentConfig = { ...ALL_MODEL, providers: { anthropic: { maxRetries: 0, timeoutMs: 1500 } } };
        const result = await run({ baseURL: server.baseURL, outDir, config });
        const meta = await readRunMeta(result.layout);
        expect(meta.status).toBe('complete');
        // An endpoint that is down is the harness's failure: `error`, which --resume redoes.
        expect(meta.chains[0]!.status).toBe('error');
        const record = (await readChain(result.layout, 'c0001'))!;
        expect(record.status).toBe('error');
        expect(record.error?.code).toMatch(/^(MODEL_ERROR|TIMEOUT|RATE_LIMITED)$/);
        expect(record.stopReason).toMatch(message);
        expect(record.stopReason).toMatch(/Expected/);
        expect(record.stopReason).not.toMatch(/\n|\u001b/);
        expect(await readCalls(result.layout, 'c0001')).toHaveLength(5);
      } finally {
        await server.close();
        await rm(outDir, { recursive: true, force: true });
      }
    });
  }

  it('repeats a run from the response cache with no calls and the same tasks', async () => {
    const root = await mkdtemp(join(tmpdir(), 'trajsynth-model-cache-'));
    const model = scriptedTrackerModel();
    const live = await startFakeAnthropic((request) => model.handle(request));
    const dead = await startFakeAnthropic({ kind: 'status', status: 500, message: 'the cache should have answered' });
    try {
      const cacheDir = join(root, 'cache');
      const first = await run({ baseURL: live.baseURL, outDir: join(root, 'a'), cacheDir, maxLevel: 2 });
      expect(first.records[0]!.levels, `the recording run stopped: ${first.records[0]!.stopReason}`).toHaveLength(2);
      const second = await run({ baseURL: dead.baseURL, outDir: join(root, 'b'), cacheDir, cacheOnly: true, maxLevel: 2 });
      // A cache miss names the request's role; the steps' outcomes show what differed from the recording.
      const stopped = `the cache-only run stopped: ${second.records[0]!.stopReason}; step outcomes: recorded ${await outcomes(first.layout)}, repeated ${await outcomes(second.layout)}`;
      expect(dead.requests, stopped).toHaveLength(0);
      expect(second.records[0]!.levels, stopped).toHaveLength(2);
      expect(await readFile(second.layout.tasksFile, 'utf8')).toBe(await readFile(first.layout.tasksFile, 'utf8'));
      const calls = await readCalls(second.layout, 'c0001');
      expect(calls.every((call) => call.fromCache === true && call.costUsd === 0)).toBe(true);
    } finally {
      await live.close();
      await dead.close();
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe.concurrent('the same chain through an OpenAI-compatible server (vLLM, Ollama, llama.cpp)', () => {
  it('reaches level 3 with every role on a local model, priced from the config', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'trajsynth-openai-chain-'));
    const model = scriptedTrackerModel();
    // The scripted model reads Anthropic-shaped requests; translate the chat-completions wire both ways.
    const server = await startFakeOpenAI((request): FakeOpenAIReply => {
      const text = (request.body.messages as Array<{ role: string; content: unknown }>)
        .filter((message) => message.role === 'user' || message.role === 'tool')
        .map((message) => ({
          role: 'user',
          content:
            typeof message.content === 'string'
              ? [{ type: 'text', text: message.content }]
              : (message.content as Array<{ type: string }>).filter((part) => part.type === 'text'),
        }));
      const reply = model.handle({
        index: request.index,
        method: 'POST',
        url: request.url,
        headers: request.headers,
        rawBody: '',
        body: { tool_choice: { name: request.body.tool_choice?.function?.name }, messages: text },
      });
      if (reply.kind !== 'message') return { kind: 'status', status: 500 };
      const call = reply.content.find((block) => block.type === 'tool_use') as { name: string; input: unknown };
      return {
        kind: 'message',
        toolCalls: [{ name: call.name, arguments: call.input }],
        usage: { promptTokens: 2000, completionTokens: 80, cachedTokens: 500 },
      };
    });
    try {
      const config: AgentConfig = {
        model: 'openai:qwen2.5-vl-7b',
        providers: { openai: { baseURL: server.baseURL } },
        prices: [
          {
            provider: 'openai',
            model: 'qwen2.5-vl-7b',
            inputPerMTok: 0.2,
            outputPerMTok: 0.6,
            cacheWritePerMTok: 0,
            cacheReadPerMTok: 0.05,
          },
        ],
      };
      const result = await run({ baseURL: 'http://127.0.0.1:9', outDir, config });
      const record = result.records[0]!;
      expect(record.levels).toHaveLength(3);
      const calls = await readCalls(result.layout, 'c0001');
      expect(calls).toHaveLength(server.requests.length);
      expect(calls[0]).toMatchObject({
        provider: 'openai-compatible',
        model: 'qwen2.5-vl-7b',
        inputTokens: 1500,
        cacheReadTokens: 500,
        outputTokens: 80,
        priceTable: 'config',
      });
      expect(record.usage.costUsd).toBeCloseTo((calls.length * (1500 * 0.2 + 80 * 0.6 + 500 * 0.05)) / 1e6, 12);
      const image = server.requests[0]!.body.messages[1].content.find((part: { type: string }) => part.type === 'image_url');
      expect(image.image_url.url).toMatch(/^data:image\/webp;base64,/);
    } finally {
      await server.close();
      await rm(outDir, { recursive: true, force: true });
    }
  });
});
