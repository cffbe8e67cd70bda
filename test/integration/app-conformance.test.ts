/**
 * The contract every bundled app keeps, checked over the registry: a new app gets these tests by
 * being registered. A valid manifest; a state probe of flat records of scalars with numeric ids; the
 * same state for the same seed and another for another seed; a harness reset that moves to any seed
 * and back; and every page reachable by links from the start page served as a whole HTML page (a
 * crawl, so a broken link fails it). What is particular to one app stays in its own test file.
 */
import { describe, expect, it } from 'vitest';
import { EnvironmentManifestSchema } from '../../src/core/environment.js';
import { getBundledApp, listEnvironments } from '../../src/environments/registry.js';
import { appHarness, postReset, type StateRecord } from '../support/app-harness.js';

const SEED = 7;
/** Pages the crawl visits per app at most, breadth first from the start page. */
const CRAWL_LIMIT = 300;
const PER_SHAPE = 3;

/** A page's shape: its path with ids and dates blanked, and its query's keys. */
function shapeOf(url: URL): string {
  const path = url.pathname.replace(/\d{4}-\d{2}(-\d{2})?/g, 'D').replace(/\d+/g, 'N');
  return `${path}?${[...url.searchParams.keys()].sort().join('&')}`;
}

for (const manifest of listEnvironments()) {
  const bundled = getBundledApp(manifest.id);
  const { withApp, readState, readStateText } = appHarness<Record<string, StateRecord[]>>(bundled);

  describe.concurrent(`${manifest.id}: the bundled-app contract`, () => {
    it('has a valid manifest: 1280x800, a state probe, 12 to 20 declared affordances on its routes', () => {
      const parsed = EnvironmentManifestSchema.parse(manifest);
      expect(parsed).toMatchObject({ viewport: { width: 1280, height: 800 }, hasStateProbe: true });
      expect(parsed.startPath).toMatch(/^\//);
      expect(parsed.affordances.length).toBeGreaterThanOrEqual(12);
      expect(parsed.affordances.length).toBeLessThanOrEqual(20);
      for (const affordance of parsed.affordances) expect(affordance.route, JSON.stringify(affordance)).toMatch(/^(\/|\*$)/);
    });

    it('exposes a state probe of flat records of scalars, each with a numeric id', async () => {
      await withApp(SEED, async (app) => {
        const state = await readState(app);
        expect(Object.keys(state).length).toBeGreaterThan(0);
        for (const [collection, records] of Object.entries(state)) {
          expect(Array.isArray(records), collection).toBe(true);
          expect(records.length, collection).toBeGreaterThan(0);
          for (const record of records) {
            expect(typeof record.id, `${collection} id`).toBe('number');
            for (const [field, value] of Object.entries(record)) {
              expect(value === null || ['string', 'number', 'boolean'].includes(typeof value), `${collection}.${field}`).toBe(true);
            }
          }
        }
      });
    });

    it('gives the same state for the same seed, another for another seed, and resets to any seed and back', async () => {
      const first = await withApp(SEED, readStateText);
      const again = await withApp(SEED, readStateText);
      const other = await withApp(SEED + 1, readStateText);
      expect(again).toBe(first);
      expect(other).not.toBe(first);
      await withApp(SEED, async (app) => {
        expect((await postReset(app, SEED + 1)).ok).toBe(true);
        expect(await readStateText(app)).toBe(other);
        expect((await postReset(app, SEED)).ok).toBe(true);
        expect(await readStateText(app)).toBe(first);
      });
    });

    it('serves every page linked from its start page as a whole HTML page with a title', { timeout: 120_000 }, async () => {
      await withApp(SEED, async (app) => {
        const seen = new Set<string>([manifest.startPath]);
        const shapes = new Map<string, number>();
        const queue = [manifest.startPath];
        const failures: string[] = [];
        while (queue.length > 0 && seen.size <= CRAWL_LIMIT) {
          const path = queue.shift()!;
          const response = await fetch(`${app.origin}${path}`, { redirect: 'manual' });
          const html = await response.text();
          const location = response.headers.get('location');
          if (response.status >= 300 && response.status < 400 && location) {
            // A form that answers with a redirect (jump to a date): the page it names is crawled.
            const target = new URL(location, `${app.origin}${path}`);
            const next = target.pathname + target.search;
            if (target.origin === app.origin && !seen.has(next)) {
              seen.add(next);
              queue.push(next);
            }
            continue;
          }
          if (response.status !== 200 || !(response.headers.get('content-type') ?? '').includes('text/html')) {
            failures.push(`${path}: ${response.status} ${response.headers.get('content-type')}`);
            continue;
          }
          if (!/^<!doctype html>/i.test(html) || !/<title>[^<]+<\/title>/.test(html) || html.includes('__trajsynth'))
            failures.push(`${path}: not a whole page`);
          // Links, and forms that GET (a search box): submitted empty, they lead to their action.
          const links = [...html.matchAll(/<a\b[^>]*\bhref="([^"#]+)/g)].map((match) => match[1]!);
          const forms = [...html.matchAll(/<form\b([^>]*)>/g)]
            .filter((match) => !/method="post"/i.test(match[1]!))
            .map((match) => /action="([^"#]*)"/.exec(match[1]!)?.[1] ?? path);
          for (const href of [...links, ...forms]) {
            const url = new URL(href.replaceAll('&amp;', '&'), `${app.origin}${path}`);
            if (url.origin !== app.origin) continue;
            const next = url.pathname + url.search;
            // Pages of one shape (a week, a record) a few times each: the crawl spreads over routes
            // instead of walking an endless calendar.
            const shape = shapeOf(url);
            if (seen.has(next) || seen.size >= CRAWL_LIMIT || (shapes.get(shape) ?? 0) >= PER_SHAPE) continue;
            shapes.set(shape, (shapes.get(shape) ?? 0) + 1);
            seen.add(next);
            queue.push(next);
          }
        }
        expect(failures).toEqual([]);
        // Every route an affordance is declared on is among the pages reached (a route nothing links to is unreachable for an agent too).
        const pathnames = [...seen].map((path) => path.split('?')[0]!);
        const unreached = manifest.affordances
          .map((affordance) => affordance.route)
          .filter((route) => route !== '*')
          .filter((route) => !pathnames.some((path) => new RegExp(`^${route.replace(/:[A-Za-z]+/g, '[^/]+')}$`).test(path)));
        expect([...new Set(unreached)]).toEqual([]);
      });
    });
  });
}
