/**
 * `trajsynth browser-server` and `synth --browser ws://…` as real processes: runs on a browser
 * server give the same tasks as with a local Chromium, a server that goes away fails the chains in
 * flight as harness errors (or, back in time, is reconnected to), and bad or unreachable endpoints
 * stop before anything is written. Where the machine allows it (root on Linux), the shared server
 * runs on a network of its own, so its Chromium reaches the apps served on this machine's 127.0.0.1
 * only through the connection, as a browser on another machine would.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunMetaSchema } from '../../src/core/run.js';
import { ChainRecordSchema } from '../../src/core/chain.js';
import { runCli } from '../support/cli.js';
import { startCli, waitFor } from '../support/faults.js';
import { BrowserServerProcess, canIsolateNetwork } from '../support/browser-server-process.js';
import { sharedCliRun, TRACKER_SEED3 } from '../support/shared-run.js';

const ISOLATED = canIsolateNetwork();
const RUN = TRACKER_SEED3.name;
/** The shared reference run's flags (2 chains to level 2, seed 3), without its --out. */
const SYNTH = TRACKER_SEED3.args;

let outDir: string;
let shared: BrowserServerProcess;
let reference: Promise<string>;

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'trajsynth-remote-'));
  // The uninterrupted local-browser run of the same flags, made (or copied) meanwhile.
  reference = sharedCliRun(TRACKER_SEED3, join(outDir, 'local')).then(() =>
    readFile(join(outDir, 'local', 'tasks', `${RUN}.jsonl`), 'utf8'),
  );
  reference.catch(() => undefined);
  shared = await BrowserServerProcess.start({ isolated: ISOLATED, socketPath: join(outDir, 'server.sock') });
});

afterAll(async () => {
  // Never leaves the reference run going (a filtered run of this file may not have waited for it).
  await reference?.catch(() => undefined);
  await shared?.dispose();
  await rm(outDir, { recursive: true, force: true });
});

const tasksOf = (out: string) => readFile(join(out, 'tasks', `${RUN}.jsonl`), 'utf8');
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe.concurrent('synth on a browser server', () => {
  it(`two runs on one browser server${ISOLATED ? ' (on a network of its own)' : ''} at once give the tasks file of a local-browser run, byte for byte`, async () => {
    const [first, second] = await Promise.all(
      ['a', 'b'].map((name) => runCli([...SYNTH, '--out', join(outDir, name), '--browser', shared.wsEndpoint])),
    );
    for (const result of [first!, second!]) {
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/chains {7}2 finished\n/);
    }
    const local = await reference;
    expect(local).toMatch(/"levels"/);
    expect(await tasksOf(join(outDir, 'a'))).toBe(local);
    expect(await tasksOf(join(outDir, 'b'))).toBe(local);
    // The tasks are validated on the same server: replay --browser.
    const replay = await runCli(['replay', RUN, '--out', join(outDir, 'a'), '--browser', shared.wsEndpoint, '--json']);
    expect(replay.code, replay.stderr).toBe(0);
    expect(JSON.parse(replay.stdout)).toMatchObject({ passRate: 1, total: 4 });
  });

  it.skipIf(!ISOLATED)(
    "the isolated server really is on a network of its own: without exposeNetwork its browser cannot reach this machine's 127.0.0.1",
    async () => {
      const site = createServer((_request, response) => response.end('<title>here</title>'));
      await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
      try {
        const browser = await chromium.connect(shared.wsEndpoint, { timeout: 60_000 });
        try {
          const page = await browser.newPage();
          const failure = await page.goto(`http://127.0.0.1:${(site.address() as { port: number }).port}/`, { timeout: 30_000 }).then(
            () => 'reached it',
            (error: Error) => error.message,
          );
          expect(failure).toMatch(/ERR_CONNECTION_REFUSED/);
        } finally {
          await browser.close();
        }
      } finally {
        site.close();
      }
    },
  );

  it('a browser server that is killed mid-run and back on the same endpoint within the retry window: the run completes, with the same tasks', async () => {
    const server = await BrowserServerProcess.start({ wsPath: '/restart-test' });
    let again: BrowserServerProcess | undefined;
    try {
      const out = join(outDir, 'restarted');
      // Without --quiet: the progress lines say what happened to the chains.
      const run = startCli([...SYNTH.filter((flag) => flag !== '--quiet'), '--out', out, '--browser', server.wsEndpoint]);
      await waitFor(
        () => existsSync(join(out, 'trajectories', RUN, 'chains', 'c0001', 'steps.jsonl')) || undefined,
        120_000,
        'a first step',
      );
      server.kill();
      again = await BrowserServerProcess.start({ port: server.port, wsPath: server.wsPath });
      expect(again.wsEndpoint).toBe(server.wsEndpoint);
      const result = await run.done;
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toMatch(
        /chain c0001: error: Expected a live browser, got a crash: the connection to the browser server at ws:\/\/127\.0\.0\.1:\d+\/restart-test dropped.*redoing it/,
      );
      expect(await tasksOf(out)).toBe(await reference);
    } finally {
      await server.dispose();
      await again?.dispose();
    }
  });

  it('a browser server that stays gone: the chains in flight end as harness errors naming the endpoint and the fix, and the run exits 1 cleanly', async () => {
    const server = await BrowserServerProcess.start({ wsPath: '/gone-test' });
    try {
      const out = join(outDir, 'gone');
      const run = startCli([...SYNTH, '--out', out, '--browser', server.wsEndpoint], { env: { TRAJSYNTH_RECONNECT_SECONDS: '1' } });
      await waitFor(
        () => existsSync(join(out, 'trajectories', RUN, 'chains', 'c0001', 'steps.jsonl')) || undefined,
        120_000,
        'a first step',
      );
      const browsers = server.processes();
      expect(browsers.length).toBeGreaterThan(0);
      server.kill();
      const result = await run.done;
      expect(result.code, result.stdout + result.stderr).toBe(1);
      expect(result.stdout).toMatch(/2 finished \(2 ended on an error, 2 of them the harness's\)/);
      expect(result.stdout).toMatch(
        /! c0001: error: Expected the browser server at ws:\/\/127\.0\.0\.1:\d+\/gone-test to answer again after its connection dropped/,
      );
      expect(result.stderr).toContain(
        `went away. Start it again on its machine (\`trajsynth browser-server --port ${server.port} --ws-path /gone-test\``,
      );
      expect(result.stderr).toMatch(/--resume/);
      expect(result.stderr).not.toMatch(/unexpected error|Unhandled|    at /);
      const meta = RunMetaSchema.parse(JSON.parse(await readFile(join(out, 'trajectories', RUN, 'run.json'), 'utf8')));
      expect(meta.chains.map((chain) => chain.status)).toEqual(['error', 'error']);
      const chain = ChainRecordSchema.parse(
        JSON.parse(await readFile(join(out, 'trajectories', RUN, 'chains', 'c0001', 'chain.json'), 'utf8')),
      );
      expect(chain.error?.code).toBe('BROWSER_UNREACHABLE');
      // The killed server's Chromium went with it.
      await waitFor(() => browsers.every((pid) => !alive(pid)) || undefined, 30_000, "the killed server's browsers to exit");
    } finally {
      await server.dispose();
    }
  });

  it('a malformed --browser is a usage error, an unreachable one stops before anything is written', async () => {
    const out = join(outDir, 'unreachable');
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as { port: number }).port;
    await new Promise((resolve) => closed.close(resolve));
    const [http, noHost, unreachable, wrongPath, evalBad] = await Promise.all([
      runCli([...SYNTH, '--out', out, '--browser', 'http://127.0.0.1:9333/x']),
      runCli([...SYNTH, '--out', out, '--browser', 'ws//127.0.0.1']),
      runCli([...SYNTH, '--out', out, '--browser', `ws://127.0.0.1:${port}/x`]),
      runCli([...SYNTH, '--out', out, '--browser', `${shared.wsEndpoint}-not-this`]),
      runCli(['eval', RUN, '--out', out, '--agent', 'gold', '--browser', 'chromium']),
    ]);
    expect(http.code).toBe(2);
    expect(http.stderr).toMatch(
      /Expected --browser to be a browser server endpoint ws:\/\/HOST:PORT\/PATH, got "http:\/\/127\.0\.0\.1:9333\/x": an http URL .*ws:\/\/127\.0\.0\.1:9333\/x/,
    );
    expect(noHost.code).toBe(2);
    expect(noHost.stderr).toMatch(/got "ws\/\/127\.0\.0\.1": not a URL/);
    expect(evalBad.code).toBe(2);
    expect(evalBad.stderr).toMatch(/Expected --browser to be a browser server endpoint/);
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toMatch(new RegExp(`Expected a browser server at ws://127\\.0\\.0\\.1:${port}/x, got: .*ECONNREFUSED`));
    expect(unreachable.stderr).toMatch(/fix: Start one with `trajsynth browser-server`/);
    expect(wrongPath.code).toBe(1);
    expect(wrongPath.stderr).toMatch(/400 Bad Request/);
    expect(wrongPath.stderr).toMatch(/picks a new random path at each start unless given --ws-path/);
    expect(existsSync(out)).toBe(false);
  });
});

// After the runs above: the shared server is stopped as a person would stop it.
describe('browser-server', () => {
  it('stops on SIGTERM with exit 0, closing the browsers of the runs connected to it', async () => {
    const browser = await chromium.connect(shared.wsEndpoint, { timeout: 60_000 });
    const disconnected = new Promise((resolve) => browser.once('disconnected', resolve));
    const browsers = await waitFor(
      () => (shared.processes().length > 0 ? shared.processes() : undefined),
      30_000,
      'a browser for the connection',
    );
    const result = await shared.stop();
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^browser server listening on ws:\/\/127\.0\.0\.1:\d+\/[0-9a-f]{32}\n/);
    expect(result.stderr).toMatch(/browser server stopping/);
    await disconnected;
    await waitFor(() => browsers.every((pid) => !alive(pid)) || undefined, 30_000, 'its browsers to exit');
  });
});
