import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type BrowserHandle } from '../../src/browser/index.js';
import { sectionStartPage } from '../../src/pipeline/entry-route.js';
import { startFixtureSite, type FixtureSite } from '../../scripts/serve-site.js';

/**
 * Chains on a site that declares nothing start on the sections its start page links to, read in the
 * browser: the settings portal's overview holds only figures, its forms live one link away, and the
 * to-do app draws its filter links with script under hash routes.
 */
let browser: BrowserHandle;
const sites: FixtureSite[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all(sites.map((site) => site.close()));
});

async function startsOn(name: string, ordinals: number): Promise<string[]> {
  const site = await startFixtureSite(name);
  sites.push(site);
  const session = await browser.newSession({ origin: site.origin });
  try {
    const starts: string[] = [];
    for (let ordinal = 0; ordinal < ordinals; ordinal += 1) starts.push(await sectionStartPage(session, site.origin, '/', ordinal));
    return starts;
  } finally {
    await session.close();
  }
}

describe('where the chains of a URL run start', () => {
  it('spreads chains over the sections of a multi-page site, then comes round to the start again', { timeout: 60_000 }, async () => {
    const starts = await startsOn('settings-portal', 7);
    expect(starts.slice(0, 6)).toEqual(['/', '/profile.html', '/notifications.html', '/security.html', '/billing.html', '/']);
    // The same page under another name (`index.html`) and dead `#` links are not sections.
    expect(starts).not.toContain('/index.html');
    expect(starts[6]).toBe('/profile.html');
  });

  it('finds the client-side routes of a single-page app', { timeout: 60_000 }, async () => {
    const starts = await startsOn('todo-hash', 3);
    expect(starts[0]).toBe('/');
    expect(
      starts.slice(1).every((start) => start.startsWith('/#/')),
      starts.join(' '),
    ).toBe(true);
    expect(new Set(starts).size).toBe(3);
  });
});
