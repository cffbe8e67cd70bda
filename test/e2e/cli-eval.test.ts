import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EpisodeRecordSchema, type EpisodeRecord } from '../../src/core/eval.js';
import { ResultsSchema } from '../../src/core/results.js';
import { ROOT, runCli } from '../support/cli.js';

let out: string;
const RUN = 'project-tracker-seed5';

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'trajsynth-eval-'));
  const synth = await runCli(['synth', '--chains', '2', '--max-level', '3', '--seed', '5', '--out', out, '--quiet']);
  expect(synth.code, synth.stderr).toBe(0);
});

afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

async function episodes(runId: string): Promise<EpisodeRecord[]> {
  const dir = join(out, 'trajectories', runId, 'episodes');
  const ids = (await readdir(dir)).sort();
  return Promise.all(ids.map(async (id) => EpisodeRecordSchema.parse(JSON.parse(await readFile(join(dir, id, 'episode.json'), 'utf8')))));
}

async function results(runId: string): Promise<ReturnType<typeof ResultsSchema.parse>> {
  const report = await runCli(['report', runId, '--out', out, '--json']);
  expect(report.code, report.stderr).toBe(0);
  return ResultsSchema.parse(JSON.parse(report.stdout));
}

/** A free port on 127.0.0.1 (listened on, then released). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Starts an example agent server and waits for its "listening on URL" line. */
async function startAgent(command: string, args: string[]): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    let text = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(text);
      if (match) resolve(match[1]!);
    });
    child.on('exit', (code) => reject(new Error(`${command} exited with ${code} before listening`)));
  });
  return { url, child };
}

describe('benchmarking agents from the command line', () => {
  it('replay validates every level-k task of a synthesized run', async () => {
    const replay = await runCli(['replay', RUN, '--out', out, '--json']);
    expect(replay.code, replay.stderr).toBe(0);
    const summary = JSON.parse(replay.stdout);
    expect(summary).toMatchObject({ runId: RUN, total: 6, passed: 6, passRate: 1, failures: [] });
    expect(Object.values(summary.byLevel as Record<string, { rate: number }>).map((row) => row.rate)).toEqual([1, 1, 1]);
    expect(existsSync(join(out, 'trajectories', RUN, 'replay.json'))).toBe(true);
  });

  it('gold scores 100%, noisy-gold falls with k; the report, chart, gate and compare read them', async () => {
    const gold = await runCli(['eval', RUN, '--out', out, '--agent', 'gold', '--valid-only', '--run', 'gold']);
    expect(gold.code, gold.stderr).toBe(0);
    expect(gold.stdout).toMatch(/6 finished, 6 successes, 0 errors/);
    const goldResults = await results('gold');
    expect(goldResults.agents[0]!.levels.map((level) => level.success)).toEqual([1, 1, 1]);
    expect(goldResults.agents[0]!.levels.map((level) => level.meanProgress)).toEqual([1, 2, 3]);

    // A fixed seed: slips are drawn per episode from it, so the curve is the same on every run.
    const noisy = await runCli(['eval', RUN, '--out', out, '--agent', 'noisy-gold:0.3', '--episodes', '3', '--levels', '1,3', '--seed', '2', '--run', 'noisy', '--concurrency', '3']);
    expect(noisy.code, noisy.stderr).toBe(0);
    const noisyResults = await results('noisy');
    const [first, third] = noisyResults.agents[0]!.levels;
    expect(first!.episodes).toBe(6);
    expect(third!.episodes).toBe(6);
    expect(first!.success!).toBeGreaterThan(third!.success!);
    expect(first!.successCi!.low).toBeLessThanOrEqual(first!.success!);

    const reportDir = join(out, 'reports', 'gold+noisy');
    const both = await runCli(['report', 'gold', 'noisy', '--out', out]);
    expect(both.code, both.stderr).toBe(0);
    expect(both.stdout).toMatch(/Agent gold \(gold\)[\s\S]*L1\s+2\/2 100\.0% \[34\.2–100\.0\]/);
    expect(both.stdout).toMatch(/Agent noisy-gold:0\.3 \(noisy\)/);
    const png = await sharp(join(reportDir, 'chart.png')).metadata();
    expect(png.format).toBe('png');
    expect(png.width).toBeGreaterThan(900);
    expect(await readFile(join(reportDir, 'chart.svg'), 'utf8')).toMatch(/noisy-gold:0\.3/);
    expect(await readFile(join(reportDir, 'report.html'), 'utf8')).toMatch(/<table[\s\S]*pooled/);

    const baseline = join(out, 'reports', 'gold', 'results.json');
    const failed = await runCli(['report', 'noisy', '--out', out, '--baseline', baseline, '--max-drop', '0.02']);
    expect(failed.code).toBe(2);
    expect(failed.stdout).toMatch(/gate: FAILED[\s\S]*L3: 100\.0% → /);
    const passed = await runCli(['report', 'gold', '--out', out, '--output', join(out, 'reports', 'gold-again'), '--baseline', baseline]);
    expect(passed.code, passed.stdout + passed.stderr).toBe(0);
    expect(passed.stdout).toMatch(/gate: passed/);

    const compare = await runCli(['compare', 'gold', 'noisy', '--out', out]);
    expect(compare.code, compare.stderr).toBe(0);
    expect(compare.stdout).toMatch(/Comparison on 4 shared task\(s\) from 2 chain\(s\)/);
    expect(compare.stdout).toMatch(/Ratings[\s\S]*\n\s+gold\s+\d{4}\s+\[\d+–\d+\]\n\s+noisy-gold:0\.3\s+\d+/);
  });

  it('the Python example agent completes an evaluation over HTTP; the JS one as a module', async () => {
    const python = await startAgent('python3', ['examples/python-agent/agent.py', '--port', '0']);
    try {
      const result = await runCli(['eval', RUN, '--out', out, '--agent', python.url, '--levels', '1', '--run', 'python']);
      expect(result.code, result.stderr).toBe(0);
      const finished = await episodes('python');
      expect(finished).toHaveLength(2);
      for (const episode of finished) {
        expect(episode.status).toBe('finished');
        expect(episode.stepCount).toBeGreaterThan(0);
        expect(existsSync(join(out, 'trajectories', 'python', 'episodes', episode.episodeId, 'screens', '0000.webp'))).toBe(true);
      }
    } finally {
      python.child.kill();
    }
    const module = await runCli(['eval', RUN, '--out', out, '--agent', 'module:examples/js-agent/agent.mjs', '--levels', '1', '--run', 'js-module']);
    expect(module.code, module.stderr).toBe(0);
    expect((await episodes('js-module')).map((episode) => episode.status)).toEqual(['finished', 'finished']);
  });

  it('an agent endpoint that is down is an error, not a failure; --resume redoes those episodes once it is up', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/act`;
    const down = await runCli(['eval', RUN, '--out', out, '--agent', url, '--levels', '1', '--run', 'down']);
    expect(down.code, down.stderr).toBe(0);
    expect(down.stdout).toMatch(/0 finished, 0 successes, 2 errors/);
    expect(down.stdout).toMatch(/could not reach it \(ECONNREFUSED\)/);
    const report = await results('down');
    expect(report.agents[0]!.errors).toBe(2);
    expect(report.agents[0]!.levels[0]).toMatchObject({ episodes: 0, errors: 2 });
    // An agent that accepts the connection but never answers: a timeout, also an error.
    const hanging = createHttpServer(() => {});
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    try {
      const hangingUrl = `http://127.0.0.1:${(hanging.address() as { port: number }).port}/act`;
      const slow = await runCli(['eval', RUN, '--out', out, '--agent', hangingUrl, '--levels', '1', '--limit', '1', '--agent-timeout', '1', '--run', 'hanging']);
      expect(slow.code, slow.stderr).toBe(0);
      expect(slow.stdout).toMatch(/0 finished, 0 successes, 1 errors/);
      expect(slow.stdout).toMatch(/to answer step 0 of c0001-L1-e1 within 1000 ms, got no answer/);
    } finally {
      hanging.closeAllConnections();
      await new Promise<void>((resolve) => hanging.close(() => resolve()));
    }
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
    for (const episode of before) expect(after.find((candidate) => candidate.episodeId === episode.episodeId)!.startedAt).toBe(episode.startedAt);
  });

  it('names bad input: unknown apps become error episodes, other schema versions and bad flags stop with the fix', async () => {
    const tasksFile = join(out, 'tasks', `${RUN}.jsonl`);
    const lines = (await readFile(tasksFile, 'utf8')).trim().split('\n');
    const unknownApp = join(out, 'unknown-app.jsonl');
    await writeFile(unknownApp, `${lines[0]}\n${lines[1]!.replace('"environment":"project-tracker"', '"environment":"crm"')}\n`);
    const mixed = await runCli(['eval', unknownApp, '--out', out, '--agent', 'module:examples/js-agent/agent.mjs', '--levels', '1', '--run', 'mixed']);
    expect(mixed.code, mixed.stderr).toBe(0);
    expect(mixed.stdout).toMatch(/1 finished, \d successes, 1 errors/);
    expect(mixed.stdout).toMatch(/Expected a known environment id, got "crm"/);

    const future = join(out, 'future.jsonl');
    await writeFile(future, `${lines[0]!.replace('"schemaVersion":1', '"schemaVersion":2')}\n`);
    const version = await runCli(['eval', future, '--out', out, '--agent', 'gold']);
    expect(version.code).toBe(1);
    expect(version.stderr).toMatch(/Expected tasks of schema version 1 in .*future\.jsonl, got version 2/);

    const goldOnTasksFile = await runCli(['eval', tasksFile, '--out', out, '--agent', 'gold']);
    expect(goldOnTasksFile.code).toBe(2);
    expect(goldOnTasksFile.stderr).toMatch(/pass the run .* not its tasks file/);
    const badAgent = await runCli(['eval', RUN, '--out', out, '--agent', 'robot']);
    expect(badAgent.code).toBe(2);
    expect(badAgent.stderr).toMatch(/Expected --agent to be gold, noisy-gold:P, anthropic:MODEL, openai:MODEL, http:\/\/HOST:PORT\/PATH or module:/);
    const badLevels = await runCli(['eval', RUN, '--out', out, '--agent', 'gold', '--levels', '0-2']);
    expect(badLevels.code).toBe(2);
    expect(badLevels.stderr).toMatch(/Expected --levels such as 3, 1-6 or 1,2,5, got "0-2"/);
    const noReplay = await runCli(['report', RUN, '--out', out]);
    expect(noReplay.code).toBe(2);
    expect(noReplay.stderr).toMatch(/Expected an evaluation run .* found a synthesis run/);
  });
});
