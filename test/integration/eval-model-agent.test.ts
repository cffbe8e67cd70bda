import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModelCallSchema } from '../../src/core/usage.js';
import { launchBrowser, type BrowserHandle } from '../../src/browser/index.js';
import { createEvalAgent } from '../../src/eval/agent-spec.js';
import { evaluate } from '../../src/eval/evaluate.js';
import { buildResults, loadEvalRun } from '../../src/eval/results.js';
import { loadTaskSource } from '../../src/eval/task-source.js';
import { modelBuilder } from '../../src/pipeline/agent-config.js';
import { episodeLayout } from '../../src/store/index.js';
import { startFakeAnthropic, type FakeAnthropicRequest } from '../support/fake-anthropic.js';
import { sharedCliRun, TRACKER_SEED3 } from '../support/shared-run.js';

let browser: BrowserHandle;
let outDir: string;

beforeAll(async () => {
  browser = await launchBrowser();
  outDir = await mkdtemp(join(tmpdir(), 'trajsynth-eval-model-'));
  // The tasks to evaluate on: the level-1 tasks of the shared seed-3 run (two chains), copied here.
  const made = await sharedCliRun(TRACKER_SEED3, outDir);
  expect(made.code, made.stderr).toBe(0);
});

afterAll(async () => {
  await browser?.close();
  await rm(outDir, { recursive: true, force: true });
});

function requestText(request: FakeAnthropicRequest): string {
  const parts: string[] = [];
  for (const message of request.body?.messages ?? []) {
    const content = typeof message.content === 'string' ? [{ type: 'text', text: message.content }] : message.content;
    for (const block of content) if (block.type === 'text') parts.push(block.text);
  }
  return parts.join('\n');
}

const USAGE = { input_tokens: 1000, output_tokens: 100 };
/** One episode per chain: its level-1 task. */
const LEVEL_1 = { levels: [1] };

describe('a model agent and a model judge, through the real Anthropic SDK against a local server', () => {
  it('acts on element refs, records its calls and cost per episode, and is judged beside the checker', { timeout: 180_000 }, async () => {
    // The "model": clicks the first link it is shown, then says done; the judge always says success.
    const server = await startFakeAnthropic((request) => {
      const tool = (request.body as { tool_choice?: { name?: string } }).tool_choice?.name;
      if (tool === 'verdict')
        return {
          kind: 'message',
          content: [{ type: 'tool_use', name: 'verdict', input: { success: true, confidence: 0.8, reasons: ['the page changed'] } }],
          usage: { input_tokens: 2000, output_tokens: 40 },
        };
      const text = requestText(request);
      if (!text.includes('Actions so far:')) {
        const ref = /link "[^"]+" \[ref=(e\d+)\]/.exec(text)![1];
        return {
          kind: 'message',
          content: [
            { type: 'tool_use', name: 'act', input: { thought: 'open the first link', action: { type: 'click', target: { ref } } } },
          ],
          usage: USAGE,
        };
      }
      return {
        kind: 'message',
        content: [{ type: 'tool_use', name: 'act', input: { thought: 'finished', action: { type: 'done', answer: 'opened it' } } }],
        usage: USAGE,
      };
    });
    try {
      const source = await loadTaskSource(TRACKER_SEED3.name, outDir);
      const models = modelBuilder(
        { providers: { anthropic: { baseURL: server.baseURL, maxRetries: 0 } } },
        { env: { ANTHROPIC_API_KEY: 'test-key' } },
      );
      const agent = createEvalAgent('anthropic:claude-sonnet-4-6', { source, models });
      // While episodes run, run.json says so (a killed evaluation must never look complete).
      const statusesSeen: Array<Promise<string>> = [];
      const result = await evaluate({
        outDir,
        runId: 'model-eval',
        source,
        selection: LEVEL_1,
        agent,
        judge: { spec: 'anthropic:claude-haiku-4-5', model: models.modelFor('anthropic:claude-haiku-4-5') },
        browser,
        concurrency: 1,
        onEvent: (event) => {
          if (event.type === 'model-call')
            statusesSeen.push(
              readFile(join(outDir, 'trajectories', 'model-eval', 'run.json'), 'utf8').then((text) => JSON.parse(text).status),
            );
        },
      });
      expect(result.meta.status).toBe('complete');
      expect(statusesSeen).toHaveLength(6);
      expect(new Set(await Promise.all(statusesSeen))).toEqual(new Set(['running']));
      expect(result.episodes).toHaveLength(2);
      for (const episode of result.episodes) {
        expect(episode).toMatchObject({ status: 'finished', endedBy: 'done', answer: 'opened it', stepCount: 2 });
        // Two executor calls on Sonnet 4.6 ($3 / $15 per MTok) and one judge call on Haiku 4.5 ($1 / $5):
        // 2 × (1000 × 3 + 100 × 15) / 1e6 + (2000 × 1 + 40 × 5) / 1e6 = 0.009 + 0.0022.
        expect(episode.usage.costUsd).toBeCloseTo(0.0112, 10);
        expect(episode.usage).toMatchObject({ inputTokens: 4000, outputTokens: 240, steps: 2 });
        expect(episode.judge).toMatchObject({ success: true, confidence: 0.8, model: 'anthropic:claude-haiku-4-5' });
        const calls = (await readFile(episodeLayout(result.layout, episode.episodeId).callsFile, 'utf8'))
          .trim()
          .split('\n')
          .map((line) => ModelCallSchema.parse(JSON.parse(line)));
        expect(calls.map((call) => `${call.role}:${call.model}`)).toEqual([
          'executor:claude-sonnet-4-6',
          'executor:claude-sonnet-4-6',
          'verifier:claude-haiku-4-5',
        ]);
        const steps = (await readFile(episodeLayout(result.layout, episode.episodeId).stepsFile, 'utf8'))
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line));
        expect(steps.map((step) => step.executed.action.type)).toEqual(['click', 'done']);
        expect(steps[0].executed.element.groundedBy).toBe('ref');
      }
      // The agent never sees the checker: no request carried a predicate.
      expect(server.requests.some((request) => /"kind":"(element|state-|answer)/.test(JSON.stringify(request.body)))).toBe(false);

      const results = buildResults([await loadEvalRun(result.layout)]);
      const agentResult = results.agents[0]!;
      expect(agentResult.pooled.costUsd).toBeCloseTo(0.0224, 10);
      const successes = result.episodes.filter((episode) => episode.success).length;
      const judge = agentResult.judge!.overall;
      expect(judge.episodes).toBe(2);
      // The judge said success every time: agreement and precision are the checker's success rate.
      expect(judge.agreement).toBeCloseTo(successes / 2, 10);
      expect(judge.precision).toBeCloseTo(successes / 2, 10);

      // A budget stops the evaluation like Ctrl-C once the calls have cost that much: two executor
      // calls ($0.009) pass $0.005; the episode in flight is left for --resume, the run is kept.
      const capped = await evaluate({
        outDir,
        runId: 'model-eval-capped',
        source,
        selection: LEVEL_1,
        agent,
        budgetUsd: 0.005,
        concurrency: 1,
        browser,
      });
      expect(capped.meta).toMatchObject({
        status: 'interrupted',
        budget: { limitUsd: 0.005, reached: true },
        stopReason: expect.stringMatching(/Budget reached/),
      });
      expect(capped.episodes).toHaveLength(0);
    } finally {
      await server.close();
    }
  });
});
