import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChainRecord } from '../../src/core/chain.js';
import type { Element } from '../../src/core/observation.js';
import type { Proposal } from '../../src/core/task.js';
import { launchBrowser, type BrowserHandle } from '../../src/browser/index.js';
import { heuristicAgents, HeuristicExecutor } from '../../src/agents/heuristic/index.js';
import type { ProposeInput, Proposer } from '../../src/agents/roles.js';
import { synthesize } from '../../src/pipeline/synthesize.js';
import { replayRun } from '../../src/eval/replay.js';
import { chainLayout, readTasksFile, runLayout } from '../../src/store/index.js';

const PROJECT = '/projects/1';

/**
 * Unchecks a done task, then proposes checking it again (which undoes level 1: its postcondition
 * holds at the seeded reset), and after that is refused, checks another one. The re-check is checked
 * on the probe's status, a form of the same fact the diversity guard cannot see as the reverse of
 * level 1's checkbox, so the check at the reset is what must catch it. Reads the project page through
 * the session's reader, as a proposer may, to find the tasks whatever the seed made of them.
 */
class ToggleBackProposer implements Proposer {
  readonly id = 'toggle-back';
  private checkedAtStart: string | undefined;
  private uncheckedAtStart: string | undefined;

  async propose(input: ProposeInput): Promise<Proposal> {
    if (!this.checkedAtStart) {
      const page = await input.reader!.read(PROJECT);
      const boxes = page.elements.filter((element: Element) => element.role === 'checkbox' && element.name.startsWith('Mark'));
      this.checkedAtStart = boxes.find((box) => box.checked === true)!.name;
      this.uncheckedAtStart = boxes.find((box) => box.checked === false)!.name;
    }
    const level = input.chain.accepted.length + 1;
    const toggleBack = level === 2 && input.retry === 0;
    const name = level === 1 || toggleBack ? this.checkedAtStart! : this.uncheckedAtStart!;
    const checked = level !== 1;
    return {
      description: `${checked ? 'Check' : 'Uncheck'} “${name}”.`,
      predicates: toggleBack
        ? [
            {
              kind: 'state-field',
              collection: 'tasks',
              match: { title: /\u201C(.+)\u201D/.exec(name)![1]! },
              field: 'status',
              equals: 'done',
            },
          ]
        : [{ kind: 'element', role: 'checkbox', name, present: true, checked, path: PROJECT }],
      interaction: 'toggle',
      entities: [],
      plan: [...(level === 1 ? [{ type: 'navigate' as const, url: PROJECT }] : []), { type: 'click', target: { role: 'checkbox', name } }],
      proposedAt: new URL(input.observation.url).pathname,
    };
  }
}

let browser: BrowserHandle;
let outDir: string;

beforeAll(async () => {
  browser = await launchBrowser();
  outDir = await mkdtemp(join(tmpdir(), 'trajsynth-replay-'));
});

afterAll(async () => {
  await browser?.close();
  await rm(outDir, { recursive: true, force: true });
});

describe('level-k tasks are valid only if their checker is false at the reset and true after the gold steps', () => {
  it(
    'synthesis refuses a subtask whose check holds at the seeded reset; replay passes the rest and flags a checker true at the start',
    { timeout: 240_000 },
    async () => {
      const proposer = new ToggleBackProposer();
      const agents = { ...heuristicAgents(), proposer, followUp: proposer, executor: new HeuristicExecutor({ slipRate: 0 }) };
      const result = await synthesize({
        outDir,
        runId: 'toggle',
        environment: 'project-tracker',
        chains: 1,
        maxLevel: 3,
        seed: 4,
        concurrency: 1,
        browser,
        agents,
      });
      const record = result.records[0]!;
      // The re-check of the box level 1 unchecked (status "done") holds at the reset: done, and refused.
      const refused = record.subtasks.find((subtask) => subtask.status === 'failed')!;
      expect(refused.description).toMatch(/^Check/);
      expect(refused.verdict.reason).toMatch(/not accepted: its check already holds at the seeded reset/);
      // Then the other box is checked; a third check of it holds already and is never tried.
      expect(record.subtasks.filter((subtask) => subtask.status === 'accepted')).toHaveLength(2);
      expect(record.levels.map((level) => level.level)).toEqual([1, 2]);
      const [tasks] = await readTasksFile(result.layout);
      expect(tasks!.levels.map((level) => level.subtaskChecks?.length)).toEqual([1, 2]);

      const layout = runLayout(outDir, 'toggle');
      const replay = await replayRun({ layout, browser });
      expect(replay).toMatchObject({
        total: 2,
        passed: 2,
        passRate: 1,
        byLevel: { 1: { total: 1, passed: 1 }, 2: { total: 1, passed: 1 } },
      });
      expect(replay.tasks.every((task) => task.checkerAtStart.includes(false) && task.checkerAtEnd.every(Boolean))).toBe(true);

      // A checker that already holds at the start (the box level 1 unchecks is checked at the reset).
      const chainFile = chainLayout(layout, record.chainId).chainFile;
      const damaged = JSON.parse(await readFile(chainFile, 'utf8')) as ChainRecord;
      damaged.levels[0]!.checker = [
        {
          ...(damaged.levels[0]!.checker[0] as { kind: 'element'; role: string; name: string; present: boolean; path?: string }),
          checked: true,
        },
      ];
      await writeFile(chainFile, JSON.stringify(damaged));
      const flagged = await replayRun({ layout, browser });
      expect(flagged.passed).toBe(1);
      const invalid = flagged.tasks.find((task) => !task.valid)!;
      expect(invalid).toMatchObject({
        level: 1,
        checkerAtStart: [true],
        failure: { stage: 'start', reason: expect.stringMatching(/already holds at the reset/) },
      });
      expect(JSON.parse(await readFile(layout.replayFile, 'utf8'))).toMatchObject({ passed: 1, total: 2 });
    },
  );
});
