import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type BrowserHandle } from '../../src/browser/index.js';
import { urlSite } from '../../src/environments/url-environment.js';
import { replayRun } from '../../src/eval/replay.js';
import { synthesize } from '../../src/pipeline/synthesize.js';
import { listFixtureSites, startFixtureSite } from '../../scripts/serve-site.js';

/**
 * Offline synthesis on the foreign-style test sites (test/sites/), each served as a plain website and
 * reached only through its URL, as a user would point trajsynth at their own app. Every site must give
 * chains that reach level 3, tasks whose checkers replay (false at the start, true after the gold
 * steps), and task texts without glyphs or back-references hung on controls.
 *
 * The suite runs one chain per site and replays its level-3 task; `npm run test:sites` runs 8 chains,
 * replays every level and asks for four kinds of interaction on every site. The sites run side by
 * side (each on a server of its own, in one browser): a chain spends most of its time waiting for
 * pages to settle.
 */
const CHAINS = Number(process.env.TRAJSYNTH_SITE_CHAINS ?? 1);
const FULL = CHAINS >= 8;
const MIN_KINDS = FULL ? 4 : 2;
/** Pictographs and symbols a task text should never carry (☆ ★ ♥ × 🗑 ❯); typographic quotes are fine. */
const GLYPH = /[\p{So}\u00D7\u2715\u2716\u276F]/u;

let browser: BrowserHandle;
let out: string;

beforeAll(async () => {
  browser = await launchBrowser();
  out = await mkdtemp(join(tmpdir(), 'trajsynth-sites-'));
});

afterAll(async () => {
  await browser?.close();
  if (out) await rm(out, { recursive: true, force: true });
});

// Side by side in the suite; one site at a time in `npm run test:sites`, whose runs are eight chains each.
const describeSites = FULL ? describe : describe.concurrent;

describeSites('synthesis on websites it has never seen', () => {
  for (const name of listFixtureSites()) {
    it(
      `${name}: chains reach level 3 with checkers that replay and tasks a person can read`,
      { timeout: 120_000 + CHAINS * 60_000 },
      async () => {
        const site = await startFixtureSite(name);
        try {
          const { layout, records } = await synthesize({
            outDir: join(out, name),
            environment: 'url',
            site: urlSite(`${site.origin}/`, []),
            chains: CHAINS,
            maxLevel: 3,
            seed: 1,
            concurrency: 2,
            browser,
          });
          const levels = records.map((record) => record.levels.length);
          expect(levels.filter((level) => level === 3).length, `levels reached: ${levels.join(', ')}`).toBeGreaterThan(CHAINS / 2);

          const accepted = records.flatMap((record) => record.subtasks.filter((subtask) => subtask.status === 'accepted'));
          const kinds = new Set(accepted.map((subtask) => subtask.interaction));
          expect(kinds.size, `kinds: ${[...kinds].join(', ')}`).toBeGreaterThanOrEqual(MIN_KINDS);

          for (const text of [
            ...accepted.map((subtask) => subtask.description),
            ...records.flatMap((record) => record.levels.map((level) => level.task)),
          ]) {
            expect(text, 'a glyph in the task text').not.toMatch(GLYPH);
            // A back-reference ties an entity (a quoted name) to the step that made or read it.
            for (const match of text.matchAll(/\(from step \d+\)/g)) expect(text.slice(0, match.index).trimEnd(), text).toMatch(/\u201D$/);
            expect(text).not.toMatch(/Toggle All Input|undefined/);
          }

          // Checked the way a benchmark would: a fresh page (no state kept), checker false there, the
          // gold steps replayed, checker true at the end.
          const replay = await replayRun({ layout, browser, write: false, ...(FULL ? {} : { levels: [3] }) });
          const failures = replay.tasks
            .filter((task) => !task.valid)
            .map((task) => `${task.chainId} L${task.level}: ${task.failure?.reason}`);
          expect(failures).toEqual([]);
          expect(replay.total).toBe(FULL ? levels.reduce((sum, level) => sum + level, 0) : levels.filter((level) => level === 3).length);
        } finally {
          await site.close();
        }
      },
    );
  }
});

describeSites('a chain that goes on after its executor slips', () => {
  it('relabels every slipped attempt to what it did, with no state probe, and still replays', { timeout: 240_000 }, async () => {
    const { heuristicAgents, HeuristicExecutor } = await import('../../src/agents/heuristic/index.js');
    const site = await startFixtureSite('vue-inventory');
    try {
      // Every attempt's first planned step slips: the next row's checkbox, a typo, another option.
      const agents = { ...heuristicAgents(), executor: new HeuristicExecutor({ slipRate: 1 }) };
      const { layout, records } = await synthesize({
        outDir: join(out, 'slips'),
        environment: 'url',
        site: urlSite(`${site.origin}/`, []),
        chains: 1,
        maxLevel: 3,
        seed: 1,
        concurrency: 1,
        browser,
        agents,
      });
      const [record] = records;
      const revised = record!.subtasks.filter((subtask) => subtask.origin === 'revised');
      expect(revised.length, record!.subtasks.map((subtask) => `${subtask.status} ${subtask.description}`).join('\n')).toBeGreaterThan(0);
      for (const subtask of revised) {
        const original = record!.subtasks.find((candidate) => candidate.id === subtask.revisedFrom)!;
        expect(original.status).toBe('failed');
        expect(subtask.description).not.toBe(original.description);
        expect(subtask.verdict.success).toBe(true);
      }
      expect(record!.levels.length).toBe(3);
      const replay = await replayRun({ layout, browser, write: false });
      expect(replay.tasks.filter((task) => !task.valid).map((task) => `L${task.level}: ${task.failure?.reason}`)).toEqual([]);
    } finally {
      await site.close();
    }
  });
});
