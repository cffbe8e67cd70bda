import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type BrowserHandle } from '../../src/browser/index.js';
import { ChainRecordSchema } from '../../src/core/chain.js';
import { isStatePredicate } from '../../src/core/predicate.js';
import { startStaticSite, type StaticSite } from '../fixtures/static-site/server.js';
import { runCli } from '../support/cli.js';

let site: StaticSite;
let other: StaticSite;
let browser: BrowserHandle;

beforeAll(async () => {
  other = await startStaticSite('http://127.0.0.1:9');
  site = await startStaticSite(other.origin);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await other?.close();
});

/** A port nothing listens on: bound, then released. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

// The tests run side by side: each has its own page or output folder (the sites only serve).
describe.concurrent('a website as an environment', () => {
  it('blocks an off-origin link, a new window, a download and a file chooser, recording each as the step error', async () => {
    const session = await browser.newSession({ origin: site.origin, allowedOrigins: [] });
    try {
      await session.goto('/stations');
      const offOrigin = await session.execute({ type: 'click', target: { role: 'link', name: 'Partner site' } });
      expect(offOrigin.executed.outcome).toEqual({
        ok: false,
        error: expect.stringContaining(`Blocked navigation to ${other.origin}/elsewhere`),
      });
      expect(offOrigin.executed.urlAfter).toBe(`${site.origin}/stations`);
      expect((await session.observe()).error).toContain('outside the allowed origins');
      expect(other.requests).toEqual([]);

      const popup = await session.execute({ type: 'click', target: { role: 'link', name: 'Safety guide in a new tab' } });
      expect(popup.executed.outcome.ok ? '' : popup.executed.outcome.error).toContain('Blocked a new window');
      expect(popup.executed.urlAfter).toBe(`${site.origin}/stations`);

      const download = await session.execute({ type: 'click', target: { role: 'link', name: 'Download the handbook' } });
      expect(download.executed.outcome.ok ? '' : download.executed.outcome.error).toContain('Blocked a download of "handbook.pdf"');

      const chooser = await session.execute({ type: 'click', target: { role: 'button', name: 'Attach a report' } });
      expect(chooser.executed.outcome.ok ? '' : chooser.executed.outcome.error).toContain('Blocked a file chooser');

      const allowed = await session.execute({ type: 'click', target: { role: 'link', name: 'Lake Aurora' } });
      expect(allowed.executed).toMatchObject({ outcome: { ok: true }, urlAfter: `${site.origin}/stations/lake-aurora` });
    } finally {
      await session.close();
    }
  });

  it('synthesizes chains on a site with no probe, checking with page predicates only', async () => {
    const out = await mkdtemp(join(tmpdir(), 'trajsynth-url-'));
    try {
      const result = await runCli([
        'synth',
        '--url',
        `${site.origin}/`,
        '--chains',
        '2',
        '--max-level',
        '3',
        '--seed',
        '4',
        '--out',
        out,
        '--run',
        'handbook',
        '--quiet',
      ]);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      for (const chainId of ['c0001', 'c0002']) {
        const record = ChainRecordSchema.parse(
          JSON.parse(await readFile(join(out, 'trajectories', 'handbook', 'chains', chainId, 'chain.json'), 'utf8')),
        );
        expect(record.environment).toBe('url');
        expect(record.levels.length).toBeGreaterThanOrEqual(2);
        expect(record.subtasks.flatMap((subtask) => subtask.predicates).some(isStatePredicate)).toBe(false);
      }
      expect(other.requests).toEqual([]);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it('names a run on a website by host and path, and resumes it when the site has moved to another port', async () => {
    const out = await mkdtemp(join(tmpdir(), 'trajsynth-url-'));
    const moved = await startStaticSite(other.origin);
    try {
      const args = ['synth', '--chains', '1', '--max-level', '1', '--seed', '4', '--out', out, '--quiet'];
      const first = await runCli([...args, '--url', `${site.origin}/stations`]);
      expect(first.code, first.stderr).toBe(0);
      const runFile = join(out, 'trajectories', 'url-127-0-0-1-stations-seed4', 'run.json');
      expect(JSON.parse(await readFile(runFile, 'utf8')).config.site.url).toBe(`${site.origin}/stations`);
      const resumed = await runCli([...args, '--url', `${moved.origin}/stations`, '--resume']);
      expect(resumed.code, resumed.stderr).toBe(0);
      expect(JSON.parse(await readFile(runFile, 'utf8')).config.site.url).toBe(`${moved.origin}/stations`);
      // A resume from another page is refused (under the run's lock, which replay does not take); its
      // tasks replay against the site where it is served now, given by --url, and from no other page.
      const [otherPage, replayed, wrongPage] = await Promise.all([
        runCli([...args, '--url', `${moved.origin}/stations/lake-aurora`, '--run', 'url-127-0-0-1-stations-seed4', '--resume']),
        runCli(['replay', 'url-127-0-0-1-stations-seed4', '--out', out, '--url', `${site.origin}/stations`, '--json']),
        runCli(['replay', 'url-127-0-0-1-stations-seed4', '--out', out, '--url', `${site.origin}/`]),
      ]);
      expect(otherPage.code).toBe(2);
      expect(otherPage.stderr).toContain("Expected --resume to use the run's own start page (/stations), got /stations/lake-aurora");
      expect(replayed.code, replayed.stderr).toBe(0);
      expect(JSON.parse(replayed.stdout)).toMatchObject({ passRate: 1 });
      expect(wrongPage.code).toBe(2);
      expect(wrongPage.stderr).toContain("Expected --url to use the run's own start page (/stations), got /");
    } finally {
      await moved.close();
      await rm(out, { recursive: true, force: true });
    }
  });

  it('fails a run that produced no task, saying what the page offered and what to try', async () => {
    const out = await mkdtemp(join(tmpdir(), 'trajsynth-url-'));
    try {
      const result = await runCli([
        'synth',
        '--url',
        `${site.origin}/blank`,
        '--chains',
        '2',
        '--max-level',
        '2',
        '--seed',
        '4',
        '--out',
        out,
        '--quiet',
      ]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('the run produced no task: none of its 2 chain(s) had a subtask accepted');
      expect(result.stderr).toContain(
        `no task could be proposed on ${site.origin}/blank at level 1 (the page shows no links, buttons or fields)`,
      );
      expect(result.stderr).toMatch(/a start page deeper in the site/);
      // What was produced is kept: the run and its chains are on disk for inspect.
      expect(JSON.parse(await readFile(join(out, 'trajectories', 'url-127-0-0-1-blank-seed4', 'run.json'), 'utf8')).status).toBe(
        'complete',
      );
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it('says clearly when the address cannot be reached, and rejects a non-http URL', async () => {
    const closedPort = await freePort();
    const out = await mkdtemp(join(tmpdir(), 'trajsynth-url-'));
    const unreachable = await runCli([
      'synth',
      '--url',
      `http://127.0.0.1:${closedPort}/`,
      '--chains',
      '1',
      '--out',
      out,
      '--quiet',
    ]).finally(() => rm(out, { recursive: true, force: true }));
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toContain(`Could not reach http://127.0.0.1:${closedPort}/: ECONNREFUSED`);
    expect(unreachable.stderr).toMatch(/fix: Check the address/);
    const bad = await runCli(['synth', '--url', 'ftp://example.com/']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Expected --url to be an http\(s\) address/);
  });
});
