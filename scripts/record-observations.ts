/**
 * Records observations of the bundled project tracker (elements, snapshot, URL, title; no
 * screenshot) as JSON fixtures for the heuristic proposer's unit tests. Re-run after changing the
 * app or the snapshot flattener: npm run build && node dist/scripts/record-observations.js
 */
import { writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { launchBrowser } from '../src/browser/index.js';
import { startEnvironment } from '../src/environments/start-environment.js';

const PAGES = ['/', '/projects', '/projects/1', '/tasks/3', '/search?q=billing'];
const out = join(process.argv[2] ?? 'test/fixtures/observations');

async function main(): Promise<void> {
  await mkdir(out, { recursive: true });
  const browser = await launchBrowser();
  const environment = await startEnvironment('project-tracker', { seed: 7 });
  try {
    const session = await browser.newSession({ origin: environment.origin });
    for (const path of PAGES) {
      await session.goto(path);
      const { screenshotWebp: _screenshot, timings: _timings, ...observation } = await session.observe();
      const name = path === '/' ? 'dashboard' : path.slice(1).replace(/[/?=]/g, '-');
      const portable = JSON.parse(JSON.stringify(observation).replaceAll(environment.origin, 'http://127.0.0.1:4100'));
      await writeFile(join(out, `project-tracker-${name}.json`), `${JSON.stringify(portable, null, 1)}\n`);
    }
    await session.close();
  } finally {
    await environment.close();
    await browser.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
