import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type BrowserHandle } from '../../src/browser/index.js';
import { describeInteractive } from '../../src/core/observation.js';
import { listFixtureSites, startFixtureSite } from '../../scripts/serve-site.js';

/**
 * The foreign-style test sites (test/sites/): small web apps of the kinds found all over the web,
 * written apart from the bundled apps and from trajsynth's heuristics, each in its own style. This
 * checks that each one serves and renders through the harness; synthesis on them is the real test.
 */
let browser: BrowserHandle;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('the foreign-style test sites', () => {
  it('are at least six, each rendering a page with things to do on it', { timeout: 120_000 }, async () => {
    const sites = listFixtureSites();
    expect(sites.length).toBeGreaterThanOrEqual(6);
    for (const name of sites) {
      const site = await startFixtureSite(name);
      const session = await browser.newSession({ origin: site.origin, allowedOrigins: [] });
      try {
        await session.goto('/');
        const observation = await session.observe({ screenshot: false });
        expect(observation.title, name).not.toBe('');
        const offered = observation.elements.filter((element) =>
          ['button', 'link', 'textbox', 'checkbox', 'combobox', 'searchbox', 'switch', 'tab', 'radio'].includes(element.role),
        );
        expect(offered.length, `${name}: ${describeInteractive(observation.elements)}`).toBeGreaterThanOrEqual(5);
        // Every script and stylesheet the page asked for was there (the UI framework from npm included).
        expect(site.requests.length).toBeGreaterThan(1);
      } finally {
        await session.close();
        await site.close();
      }
    }
  });
});
