import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EvalRunMetaSchema } from '../../src/core/eval.js';
import { tallyJury } from '../../src/core/jury.js';
import { agreementStats, balancedSample } from '../../src/eval/statistics.js';
import { runCli } from '../support/cli.js';
import { episodes, results, RUN } from '../support/eval-cli.js';
import { startFakeAnthropic } from '../support/fake-anthropic.js';
import { startFakeOpenAI } from '../support/fake-openai.js';
import { startWorker } from '../support/queue-workers.js';
import { startRedis } from '../support/redis.js';
import { sharedCliRun, TRACKER_SEED5 } from '../support/shared-run.js';

/**
 * A jury of judges from the command line, through the real Anthropic and OpenAI SDKs against the
 * local vendor-wire servers: `eval --judge A --judge B`, the opinions stored per episode, the
 * majority (a tie fails), and `report`'s figures for each judge and the jury on the balanced sample.
 */
let out: string;

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'trajsynth-eval-jury-'));
  const synth = await sharedCliRun(TRACKER_SEED5, out);
  expect(synth.code, synth.stderr).toBe(0);
});

afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

/** The text of a request's messages, in either wire format. */
function requestText(body: unknown): string {
  const messages = (body as { messages?: Array<{ content: unknown }> } | undefined)?.messages ?? [];
  return messages
    .flatMap((message) =>
      typeof message.content === 'string'
        ? [message.content]
        : (message.content as Array<{ type: string; text?: string }>).filter((part) => part.type === 'text').map((part) => part.text ?? ''),
    )
    .join('\n');
}

/** The strict judge's verdict: a fixed function of what it is shown (the task, the actions, the change). */
function strictSays(text: string): boolean {
  return createHash('sha256').update(text).digest()[0]! % 2 === 0;
}

const VERDICT = (success: boolean) => ({ success, confidence: 0.9, reasons: [success ? 'the change is on screen' : 'not done'] });
const LENIENT = 'anthropic:claude-haiku-4-5';
const STRICT = 'openai:qwen-judge';

describe('eval with a jury of judges', () => {
  it('rejects a bad --judge with the problem and the fix', async () => {
    const bad = await runCli(['eval', RUN, '--out', out, '--agent', 'gold', '--judge', 'foo']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Expected each --judge to be anthropic:MODEL or openai:MODEL, got "foo"/);
    expect(bad.stderr).toMatch(/once per judge or comma-separated/);
    const twice = await runCli(['eval', RUN, '--out', out, '--agent', 'gold', '--judge', `${LENIENT},${LENIENT}`]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/distinct judges/);
    const verifier = await runCli(['synth', '--url', 'http://127.0.0.1:9/', '--verifier', 'anthropic:claude-haiku-4-5,foo', '--out', out]);
    expect(verifier.code).toBe(2);
    expect(verifier.stderr).toMatch(
      /Expected each judge of --verifier to be anthropic:MODEL or openai:MODEL, got "foo"\. Example: --verifier anthropic:/,
    );
  });

  it(
    'asks every judge, stores each opinion and the majority, and reports each judge and the jury on a balanced sample',
    { timeout: 600_000 },
    async () => {
      // Two judges that disagree: the lenient one (Anthropic wire) passes everything; the strict one
      // (OpenAI-compatible wire) passes about half, by a hash of what it is shown. With two jurors a
      // tie fails, so the jury says what the strict judge says, and splits wherever it says no.
      const anthropic = await startFakeAnthropic({
        kind: 'message',
        content: [{ type: 'tool_use', name: 'verdict', input: VERDICT(true) }],
        usage: { input_tokens: 1000, output_tokens: 40 },
      });
      const openai = await startFakeOpenAI((request) => ({
        kind: 'message',
        toolCalls: [{ name: 'verdict', arguments: VERDICT(strictSays(requestText(request.body))) }],
      }));
      try {
        const env = {
          ANTHROPIC_BASE_URL: anthropic.baseURL,
          ANTHROPIC_API_KEY: 'test-key',
          OPENAI_BASE_URL: openai.baseURL,
          OPENAI_API_KEY: 'test-key',
        };
        const evaluation = await runCli(
          [
            'eval',
            RUN,
            '--out',
            out,
            '--agent',
            'noisy-gold:0.3',
            '--episodes',
            '2',
            '--levels',
            '1,2',
            '--seed',
            '2',
            '--judge',
            LENIENT,
            '--judge',
            STRICT,
            '--run',
            'jury',
            '--quiet',
          ],
          { env, timeoutMs: 280_000 },
        );
        expect(evaluation.code, evaluation.stderr).toBe(0);
        const meta = EvalRunMetaSchema.parse(JSON.parse(await readFile(join(out, 'trajectories', 'jury', 'run.json'), 'utf8')));
        expect(meta.config.judges).toEqual([LENIENT, STRICT]);
        expect(meta.config.judge).toBeUndefined();

        const stored = await episodes(out, 'jury');
        expect(stored).toHaveLength(8);
        expect(anthropic.requests).toHaveLength(8);
        expect(openai.requests).toHaveLength(8);
        for (const episode of stored) {
          expect(episode.status).toBe('finished');
          expect(episode.judge).toBeUndefined();
          const jury = episode.jury!;
          expect(jury.opinions.map((opinion) => opinion.model)).toEqual([LENIENT, STRICT]);
          expect(jury.opinions[0]!.success).toBe(true);
          const tally = tallyJury(jury.opinions.map((opinion) => opinion.success));
          expect(jury).toMatchObject({ success: tally.success, split: tally.split, abstained: [] });
          expect(jury.success).toBe(jury.opinions[1]!.success);
        }
        // The judges disagree on some episodes and not on others; the checker passes some and fails some.
        const splits = stored.filter((episode) => episode.jury!.split).length;
        expect(splits).toBeGreaterThan(0);
        expect(splits).toBeLessThan(8);
        const checkerSuccesses = stored.filter((episode) => episode.success).length;
        expect(checkerSuccesses).toBeGreaterThan(0);
        expect(checkerSuccesses).toBeLessThan(8);

        // The report: each judge and the jury against the checker on the balanced sample, recomputed here.
        const report = await results(out, 'jury');
        const agent = report.agents[0]!;
        const jury = agent.jury!;
        const size = Math.min(checkerSuccesses, 8 - checkerSuccesses);
        expect(jury).toMatchObject({
          judges: [LENIENT, STRICT],
          splits,
          sample: { seed: 0, from: 8, checkerSuccesses: size, checkerFailures: size },
        });
        const sample = balancedSample(stored, {
          label: (episode) => episode.success === true,
          key: (episode) => episode.episodeId,
          seed: 0,
        }).sample;
        expect(sample).toHaveLength(2 * size);
        const figures = (items: typeof stored, verdict: (episode: (typeof stored)[number]) => boolean) =>
          agreementStats(items.map((episode) => ({ predicted: verdict(episode), actual: episode.success === true })));
        const lenient = (episode: (typeof stored)[number]) => episode.jury!.opinions[0]!.success;
        const strict = (episode: (typeof stored)[number]) => episode.jury!.opinions[1]!.success;
        const majority = (episode: (typeof stored)[number]) => episode.jury!.success;
        expect(jury.jurors.map((juror) => juror.judge)).toEqual([LENIENT, STRICT]);
        expect(jury.jurors[0]!.balanced).toEqual(figures(sample, lenient));
        expect(jury.jurors[1]!.balanced).toEqual(figures(sample, strict));
        expect(jury.jury.balanced).toEqual(figures(sample, majority));
        expect(jury.jurors[0]!.all).toEqual(figures(stored, lenient));
        expect(jury.jury.all).toEqual(figures(stored, majority));
        // The lenient judge on a balanced sample: right on exactly half, kappa 0.
        expect(jury.jurors[0]!.balanced).toMatchObject({ agreement: 0.5, recall: 1, precision: 0.5, kappa: 0 });
        // `judge` keeps its meaning for older readers: the jury's verdict over every judged episode.
        expect(agent.judge!.overall).toEqual(figures(stored, majority));

        const text = await runCli(['report', 'jury', '--out', out]);
        expect(text.code, text.stderr).toBe(0);
        expect(text.stdout).toContain(
          `on a sample balanced by checker verdict: ${size} checker success(es) + ${size} checker failure(s) of 8 judged episode(s) (seed 0)`,
        );
        expect(text.stdout).toMatch(/jury \(majority of the judges; a tie fails\)/);
        expect(text.stdout).toContain(`the judges split on ${splits} of 8 episode(s)`);
        const html = await readFile(join(out, 'reports', 'jury', 'report.html'), 'utf8');
        expect(html).toContain('Judges and jury vs checker, balanced sample');

        // Queue mode carries the jury: a worker builds both judges from run.json and asks them as a
        // local evaluation does, so the same episodes get the same opinions.
        const redis = await startRedis();
        const worker = startWorker(redis.url, { env });
        try {
          const queued = await runCli(
            ['eval', RUN, '--out', out, '--agent', 'noisy-gold:0.3', '--episodes', '2', '--levels', '1,2', '--seed', '2'].concat([
              '--judge',
              `${LENIENT},${STRICT}`,
              '--run',
              'jury-queued',
              '--quiet',
              '--queue',
              redis.url,
            ]),
            { env, timeoutMs: 280_000 },
          );
          expect(queued.code, queued.stderr).toBe(0);
        } finally {
          await worker.stop();
          await redis.stop();
        }
        const queuedEpisodes = await episodes(out, 'jury-queued');
        expect(queuedEpisodes.map((episode) => [episode.episodeId, episode.success, episode.jury])).toEqual(
          stored.map((episode) => [episode.episodeId, episode.success, episode.jury]),
        );
        expect((await results(out, 'jury-queued')).agents[0]!.jury).toEqual(jury);
      } finally {
        await anthropic.close();
        await openai.close();
      }
    },
  );
});
