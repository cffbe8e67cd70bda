import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type BrowserHandle } from '../../src/browser/index.js';
import { urlSite } from '../../src/environments/url-environment.js';
import { buildAgents, type AgentConfig } from '../../src/pipeline/agent-config.js';
import { synthesize } from '../../src/pipeline/synthesize.js';
import { readCalls } from '../../src/store/index.js';
import { flaggedSubtasksOf } from '../../src/view/review-tasks.js';
import { startFixtureSite } from '../../scripts/serve-site.js';
import { runCli } from '../support/cli.js';
import { startFakeAnthropic } from '../support/fake-anthropic.js';
import { startFakeOpenAI } from '../support/fake-openai.js';

/**
 * A jury of verifiers in synthesis (`--verifier anthropic:A,openai:B`), through the real SDKs against
 * the local vendor-wire servers; every other role is heuristic. On a website (no probe) the jury
 * decides, and a subtask its judges split on is not accepted but flagged for human review; on a
 * bundled app the checker decides and each judge is only compared with it.
 */
let browser: BrowserHandle;
let out: string;

beforeAll(async () => {
  browser = await launchBrowser();
  out = await mkdtemp(join(tmpdir(), 'trajsynth-synth-jury-'));
});

afterAll(async () => {
  await browser?.close();
  await rm(out, { recursive: true, force: true });
});

const VERDICT = (success: boolean) => ({ success, confidence: 0.9, reasons: [success ? 'the change is on screen' : 'not done'] });
const JURY = 'anthropic:claude-haiku-4-5,openai:qwen-judge';

/** Two judges that disagree on every third question: the Anthropic one passes all, the OpenAI-compatible one fails every third. */
async function withJury<T>(body: (config: AgentConfig, env: NodeJS.ProcessEnv) => Promise<T>): Promise<T> {
  const anthropic = await startFakeAnthropic({ kind: 'message', content: [{ type: 'tool_use', name: 'verdict', input: VERDICT(true) }] });
  const openai = await startFakeOpenAI((request) => ({
    kind: 'message',
    toolCalls: [{ name: 'verdict', arguments: VERDICT(request.index % 3 !== 0) }],
  }));
  try {
    const config: AgentConfig = {
      roles: { verifier: JURY },
      providers: { anthropic: { baseURL: anthropic.baseURL, maxRetries: 0 }, openai: { baseURL: openai.baseURL, maxRetries: 0 } },
    };
    return await body(config, { ANTHROPIC_API_KEY: 'test-key', OPENAI_API_KEY: 'test-key' });
  } finally {
    await anthropic.close();
    await openai.close();
  }
}

describe('a jury of verifiers in synthesis', () => {
  it(
    'on a website decides by the judges, and flags the subtasks they split on for review instead of accepting them',
    { timeout: 240_000 },
    async () => {
      await withJury(async (config, env) => {
        const site = await startFixtureSite('todo-hash');
        try {
          const { agents } = buildAgents(config, { env });
          expect(agents.verifier.id).toBe(`jury:${JURY}`);
          const { layout, records } = await synthesize({
            outDir: out,
            runId: 'site-jury',
            environment: 'url',
            site: urlSite(`${site.origin}/`, []),
            chains: 1,
            maxLevel: 3,
            seed: 1,
            concurrency: 1,
            agents,
            browser,
          });
          const subtasks = records.flatMap((record) => record.subtasks);
          for (const subtask of subtasks) {
            const jury = subtask.verdict.jury!;
            // The judges decide among the attempts the page predicates accept; never for one they reject.
            const checkerPassed = subtask.verdict.after.every(Boolean) && !subtask.verdict.before.every(Boolean);
            if (!checkerPassed) {
              expect(subtask.status).toBe('failed');
              expect(subtask.verdict.method).toBe('checker');
              expect(subtask.verdict.reason).toMatch(/a jury never overrides the checker/);
              continue;
            }
            expect(subtask.verdict.method).toBe('judge');
            expect(jury.jurors.map((juror) => juror.model)).toEqual(JURY.split(','));
            expect(jury.jurors[0]!.success).toBe(true);
            expect(jury.split).toBe(jury.jurors[1]!.success === false);
            if (jury.split) {
              // Split: not accepted, whatever the majority; set aside for a person.
              expect(subtask.status).toBe('failed');
              expect(subtask.verdict.flaggedForReview).toBe(true);
              expect(subtask.verdict.reason).toMatch(/the judges split \(1 of 2 said success\): not accepted, flagged for human review/);
            } else {
              expect(subtask.verdict.flaggedForReview).toBeUndefined();
            }
            if (subtask.status === 'accepted') expect(jury).toMatchObject({ success: true, split: false });
          }
          const flagged = subtasks.filter((subtask) => subtask.verdict.flaggedForReview);
          expect(flagged.length).toBeGreaterThan(0);
          expect(subtasks.some((subtask) => subtask.status === 'accepted')).toBe(true);
          // Both judges were asked on every verification, each on its own wire.
          const calls = await readCalls(layout, records[0]!.chainId);
          const verifierCalls = calls.filter((call) => call.role === 'verifier');
          expect(new Set(verifierCalls.map((call) => `${call.provider}:${call.model}`))).toEqual(
            new Set(['anthropic:claude-haiku-4-5', 'openai-compatible:qwen-judge']),
          );

          // `trajsynth reviews` lists them for a person, even before anyone reviewed anything.
          expect(flaggedSubtasksOf(records).map((subtask) => subtask.subtaskId)).toEqual(flagged.map((subtask) => subtask.id));
          const reviews = await runCli(['reviews', 'site-jury', '--out', out]);
          expect(reviews.code, reviews.stderr).toBe(0);
          expect(reviews.stdout).toContain(
            `Flagged for human review (${flagged.length} subtask(s): no probe, and the judges split; not accepted)`,
          );
          expect(reviews.stdout).toContain(`${records[0]!.chainId}/${flagged[0]!.id}`);
          expect(reviews.stdout).toContain('anthropic:claude-haiku-4-5: success · openai:qwen-judge: failure');
          // The viewer marks them on the chain's page, with each judge's say.
          const view = await runCli(['view', 'site-jury', '--out', out, '--dest', join(out, 'views')]);
          expect(view.code, view.stderr).toBe(0);
          const pages = await readdir(join(out, 'views'), { recursive: true });
          const chainPage = pages.find((page) => page.endsWith('.html') && page.includes(records[0]!.chainId));
          expect(chainPage, pages.join(', ')).toBeDefined();
          const html = await readFile(join(out, 'views', chainPage!), 'utf8');
          expect(html).toContain('flagged for human review');
          expect(html).toContain('the judges split');
        } finally {
          await site.close();
        }
      });
    },
  );

  it('on a bundled app lets the checker decide and compares each judge with it', { timeout: 240_000 }, async () => {
    await withJury(async (config, env) => {
      const { records } = await synthesize({
        outDir: out,
        runId: 'tracker-jury',
        environment: 'project-tracker',
        chains: 1,
        maxLevel: 2,
        seed: 3,
        concurrency: 1,
        agents: buildAgents(config, { env }).agents,
        browser,
      });
      const subtasks = records.flatMap((record) => record.subtasks);
      expect(subtasks.length).toBeGreaterThan(0);
      for (const subtask of subtasks) {
        expect(subtask.verdict.method).toBe('checker');
        expect(subtask.verdict.flaggedForReview).toBeUndefined();
        for (const juror of subtask.verdict.jury!.jurors) {
          expect(juror.agreesWithChecker).toBeDefined();
          if (subtask.status === 'accepted') expect(juror.agreesWithChecker).toBe(juror.success === true);
        }
      }
      // A split jury never stops a subtask the checker accepts.
      expect(records[0]!.levels.length).toBe(2);
      expect(subtasks.some((subtask) => subtask.verdict.jury!.split && subtask.status === 'accepted')).toBe(true);
    });
  });
});
