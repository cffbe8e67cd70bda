import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { episodes as episodesIn, freePort, results as resultsIn, RUN, startAgent } from '../support/eval-cli.js';
import { sharedCliRun, TRACKER_SEED5 } from '../support/shared-run.js';

/**
 * Agents under test from the command line: example agents over HTTP and as a module, an endpoint
 * that is down or hangs, invalid answers, a killed evaluation resumed, and bad input. Replay and
 * scoring are in cli-eval.test.ts; both files evaluate copies of one shared synthesis run.
 */
let out: string;

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'trajsynth-eval-agents-'));
  const synth = await sharedCliRun(TRACKER_SEED5, out);
  expect(synth.code, synth.stderr).toBe(0);
});

afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

const episodes = (runId: string) => episodesIn(out, runId);
const results = (runId: string) => resultsIn(out, runId);

// The tests run side by side: each evaluates into runs of its own (their names differ) in the one --out.
describe.concurrent('benchmarking agents from the command line', () => {
  it('the Python example agent completes an evaluation over HTTP; the JS one as a module', async () => {
    // The two evaluations side by side: runs of their own, one agent over HTTP, one in the process.
    const python = await startAgent('python3', ['examples/python-agent/agent.py', '--port', '0']);
    const [result, module] = await Promise.all([
      runCli(['eval', RUN, '--out', out, '--agent', python.url, '--levels', '1', '--run', 'python']).finally(() => python.child.kill()),
      runCli(['eval', RUN, '--out', out, '--agent', 'module:examples/js-agent/agent.mjs', '--levels', '1', '--run', 'js-module']),
    ]);
    expect(result.code, result.stderr).toBe(0);
    const finished = await episodes('python');
    expect(finished).toHaveLength(2);
    for (const episode of finished) {
      expect(episode.status).toBe('finished');
      expect(episode.stepCount).toBeGreaterThan(0);
      expect(existsSync(join(out, 'trajectories', 'python', 'episodes', episode.episodeId, 'screens', '0000.webp'))).toBe(true);
    }
    expect(module.code, module.stderr).toBe(0);
    expect((await episodes('js-module')).map((episode) => episode.status)).toEqual(['finished', 'finished']);
  });

  it('an agent endpoint that is down is an error, not a failure; --resume redoes those episodes once it is up', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/act`;
    // An agent that accepts the connection but never answers: a timeout, also an error. Evaluated
    // side by side with the one that is down (a run of its own).
    const hanging = createHttpServer(() => {});
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    try {
      const hangingUrl = `http://127.0.0.1:${(hanging.address() as { port: number }).port}/act`;
      const [down, slow] = await Promise.all([
        runCli(['eval', RUN, '--out', out, '--agent', url, '--levels', '1', '--run', 'down']),
        runCli([
          'eval',
          RUN,
          '--out',
          out,
          '--agent',
          hangingUrl,
          '--levels',
          '1',
          '--limit',
          '1',
          '--agent-timeout',
          '1',
          '--run',
          'hanging',
        ]),
      ]);
      // Harness errors measured nothing about the agent: the run exits 1 and says how to redo them.
      expect(down.code, down.stderr).toBe(1);
      expect(down.stderr).toMatch(/2 episode\(s\) ended in a harness error.*--resume to redo them/);
      expect(down.stdout).toMatch(/0 finished, 0 successes, 2 errors/);
      expect(down.stdout).toMatch(/could not reach it \(ECONNREFUSED\)/);
      expect(slow.code, slow.stderr).toBe(1);
      expect(slow.stdout).toMatch(/0 finished, 0 successes, 1 errors/);
      expect(slow.stdout).toMatch(/to answer step 0 of c0001-L1-e1 within 1000 ms, got no answer/);
    } finally {
      hanging.closeAllConnections();
      await new Promise<void>((resolve) => hanging.close(() => resolve()));
    }
    const report = await results('down');
    expect(report.agents[0]!.errors).toBe(2);
    expect(report.agents[0]!.levels[0]).toMatchObject({ episodes: 0, errors: 2 });
    const agent = await startAgent(process.execPath, ['examples/js-agent/agent.mjs', '--port', String(port)]);
    try {
      const resumed = await runCli(['eval', RUN, '--out', out, '--agent', url, '--levels', '1', '--run', 'down', '--resume']);
      expect(resumed.code, resumed.stderr).toBe(0);
      expect(resumed.stdout).toMatch(/2 finished, \d successes, 0 errors/);
    } finally {
      agent.child.kill();
    }
  });

  it('shows an invalid answer to the agent at its next step, and ends the episode after three in a row', async () => {
    const agentFile = join(out, 'picky-agent.mjs');
    await writeFile(
      agentFile,
      `export async function act(request) {
        if (request.task.includes('${'\u201c'}') && request.step === 0) return { action: { type: 'fly' } };
        if (request.step === 1 && /Expected \\{"action": ACTION\\}/.test(request.error ?? '')) return { action: { type: 'done', answer: 'saw the error' } };
        return { nothing: true };
      }`,
    );
    const result = await runCli(['eval', RUN, '--out', out, '--agent', `module:${agentFile}`, '--levels', '1', '--run', 'picky']);
    expect(result.code, result.stderr).toBe(0);
    for (const episode of await episodes('picky')) {
      expect(episode.status).toBe('finished');
      expect(episode.success).toBe(false);
      if (episode.task.text.includes('\u201c')) {
        expect(episode).toMatchObject({ endedBy: 'done', answer: 'saw the error', invalidAnswers: [{ step: 0 }] });
      } else {
        expect(episode).toMatchObject({ endedBy: 'invalid-actions' });
        expect(episode.invalidAnswers).toHaveLength(3);
      }
    }
  });

  it('resumes a killed evaluation without redoing finished episodes', async () => {
    const args = ['eval', RUN, '--out', out, '--agent', 'gold', '--levels', '1,2', '--run', 'killed', '--concurrency', '1'];
    const first = await runCli(args, { interruptWhen: /episode c0001-L1-e1: success/ });
    expect(first.code).toBe(130);
    expect(JSON.parse(await readFile(join(out, 'trajectories', 'killed', 'run.json'), 'utf8')).status).toBe('interrupted');
    const before = (await episodes('killed')).filter((episode) => episode.status === 'finished');
    expect(before.length).toBeGreaterThanOrEqual(1);
    const resumed = await runCli([...args, '--resume']);
    expect(resumed.code, resumed.stderr).toBe(0);
    const after = await episodes('killed');
    expect(after.filter((episode) => episode.status === 'finished')).toHaveLength(4);
    expect(JSON.parse(await readFile(join(out, 'trajectories', 'killed', 'run.json'), 'utf8')).status).toBe('complete');
    for (const episode of before)
      expect(after.find((candidate) => candidate.episodeId === episode.episodeId)!.startedAt).toBe(episode.startedAt);
  });

  it('names bad input: unknown apps become error episodes, other schema versions and bad flags stop with the fix', async () => {
    const tasksFile = join(out, 'tasks', `${RUN}.jsonl`);
    const lines = (await readFile(tasksFile, 'utf8')).trim().split('\n');
    const unknownApp = join(out, 'unknown-app.jsonl');
    await writeFile(unknownApp, `${lines[0]}\n${lines[1]!.replace('"environment":"project-tracker"', '"environment":"crm"')}\n`);
    const future = join(out, 'future.jsonl');
    await writeFile(future, `${lines[0]!.replace('"schemaVersion":1', '"schemaVersion":2')}\n`);
    // The one evaluation and the five refusals, side by side.
    const [mixed, version, goldOnTasksFile, badAgent, badLevels, noReplay] = await Promise.all([
      runCli(['eval', unknownApp, '--out', out, '--agent', 'module:examples/js-agent/agent.mjs', '--levels', '1', '--run', 'mixed']),
      runCli(['eval', future, '--out', out, '--agent', 'gold']),
      runCli(['eval', tasksFile, '--out', out, '--agent', 'gold']),
      runCli(['eval', RUN, '--out', out, '--agent', 'robot']),
      runCli(['eval', RUN, '--out', out, '--agent', 'gold', '--levels', '0-2']),
      runCli(['report', RUN, '--out', out]),
    ]);
    expect(mixed.code, mixed.stderr).toBe(1);
    expect(mixed.stdout).toMatch(/1 finished, \d successes, 1 errors/);
    expect(mixed.stdout).toMatch(/Expected a known environment id, got "crm"/);
    expect(version.code).toBe(1);
    expect(version.stderr).toMatch(/Expected tasks of schema version 1 in .*future\.jsonl, got version 2/);
    expect(goldOnTasksFile.code).toBe(2);
    expect(goldOnTasksFile.stderr).toMatch(/pass the run .* not its tasks file/);
    expect(badAgent.code).toBe(2);
    expect(badAgent.stderr).toMatch(
      /Expected --agent to be gold, noisy-gold:P\[,KIND=R…\], anthropic:MODEL, openai:MODEL, http:\/\/HOST:PORT\/PATH or module:/,
    );
    expect(badLevels.code).toBe(2);
    expect(badLevels.stderr).toMatch(/Expected --levels such as 3, 1-6 or 1,2,5, got "0-2"/);
    expect(noReplay.code).toBe(2);
    expect(noReplay.stderr).toMatch(/Expected an evaluation run .* found a synthesis run/);
  });
});
