/** Helpers of the `trajsynth eval` end-to-end tests: reading an evaluation run back, starting example agents. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { expect } from 'vitest';
import { EpisodeRecordSchema, type EpisodeRecord } from '../../src/core/eval.js';
import { ResultsSchema } from '../../src/core/results.js';
import { ROOT, runCli } from './cli.js';

/** The synthesis run the eval tests score agents on (TRACKER_SEED5 in shared-run.ts). */
export const RUN = 'project-tracker-seed5';

/** The episodes of an evaluation run under `out`, in id order. */
export async function episodes(out: string, runId: string): Promise<EpisodeRecord[]> {
  const dir = join(out, 'trajectories', runId, 'episodes');
  const ids = (await readdir(dir)).sort();
  return Promise.all(ids.map(async (id) => EpisodeRecordSchema.parse(JSON.parse(await readFile(join(dir, id, 'episode.json'), 'utf8')))));
}

/** `trajsynth report RUN --json`, parsed. */
export async function results(out: string, runId: string): Promise<ReturnType<typeof ResultsSchema.parse>> {
  const report = await runCli(['report', runId, '--out', out, '--json']);
  expect(report.code, report.stderr).toBe(0);
  return ResultsSchema.parse(JSON.parse(report.stdout));
}

/** A free port on 127.0.0.1 (listened on, then released). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Starts an example agent server and waits for its "listening on URL" line. */
export async function startAgent(command: string, args: string[]): Promise<{ url: string; child: ChildProcess }> {
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
