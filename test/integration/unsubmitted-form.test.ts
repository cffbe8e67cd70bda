import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Action } from '../../src/core/action.js';
import type { Proposal } from '../../src/core/task.js';
import { launchBrowser, type BrowserHandle } from '../../src/browser/index.js';
import { heuristicAgents, HeuristicExecutor } from '../../src/agents/heuristic/index.js';
import type { ProposeInput, Proposer } from '../../src/agents/roles.js';
import { urlSite } from '../../src/environments/url-environment.js';
import { auditRun } from '../../src/eval/audit.js';
import { synthesize } from '../../src/pipeline/synthesize.js';
import { FIXTURES_DIR, startFixtureSite, type FixtureSite } from '../../scripts/serve-site.js';

/**
 * A form whose two fields are both required, on a page that refuses an incomplete one with an alert
 * and keeps what was typed (test/fixtures/expense-tracker, "Pocket Ledger"): what sits in a field is
 * not something the page shows, so typing is never mistaken for doing.
 */
const TEXT = 'Lunch with Sam';
const AMOUNT = '-12.5';
const type = (name: string, text: string): Action => ({
  type: 'type',
  target: { role: name === 'Text' ? 'textbox' : 'spinbutton', name },
  text,
});
const AMOUNT_FIELD = 'Amount (negative - expense, positive - income)';

/** The same task three times: submitted with Enter while Amount is empty, filled and never submitted, then done. */
class LedgerProposer implements Proposer {
  readonly id = 'ledger';
  async propose(input: ProposeInput): Promise<Proposal | undefined> {
    const plans: Action[][] = [
      [type('Text', TEXT), { type: 'press', key: 'Enter', target: { role: 'textbox', name: 'Text' } }],
      [type('Text', TEXT), type(AMOUNT_FIELD, AMOUNT)],
      [type('Text', TEXT), type(AMOUNT_FIELD, AMOUNT), { type: 'click', target: { role: 'button', name: 'Add transaction' } }],
    ];
    const plan = plans[input.chain.attempted.length];
    if (!plan || input.chain.accepted.length > 0) return undefined;
    return {
      description: `Add a transaction “${TEXT}” of “${AMOUNT}”.`,
      // What a proposer that checks only the name writes: the strengthening adds the amount.
      predicates: [{ kind: 'text', text: TEXT, present: true }],
      interaction: 'form',
      entities: [TEXT, AMOUNT],
      plan,
      proposedAt: '/',
    };
  }
}

let browser: BrowserHandle;
let site: FixtureSite;
let out: string;

beforeAll(async () => {
  browser = await launchBrowser();
  site = await startFixtureSite('expense-tracker', 0, FIXTURES_DIR);
  out = await mkdtemp(join(tmpdir(), 'trajsynth-ledger-'));
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (out) await rm(out, { recursive: true, force: true });
});

describe('a form with two required fields that refuses an incomplete one with an alert', () => {
  it(
    'fails its check when typed and not submitted, passes when submitted, and checks the amount the task states',
    { timeout: 120_000 },
    async () => {
      const proposer = new LedgerProposer();
      const agents = { ...heuristicAgents(), proposer, followUp: proposer, executor: new HeuristicExecutor({ slipRate: 0 }) };
      const { layout, records } = await synthesize({
        outDir: out,
        runId: 'ledger',
        environment: 'url',
        site: urlSite(`${site.origin}/`, []),
        chains: 1,
        maxLevel: 1,
        seed: 1,
        concurrency: 1,
        browser,
        agents,
      });
      const [enter, unsubmitted, submitted] = records[0]!.subtasks;
      // Enter with Amount empty: the app refused (an alert); the name is only in the Text field.
      expect(enter).toMatchObject({ status: 'failed', verdict: { after: [false] } });
      expect(enter!.verdict.reason).toMatch(/not satisfied after the attempt: text "Lunch with Sam"/);
      // Both fields filled, never submitted: the same.
      expect(unsubmitted).toMatchObject({ status: 'failed', verdict: { after: [false] } });
      // Submitted: accepted, and checked on the new row, the stated amount included (as the row shows it).
      expect(submitted!.status).toBe('accepted');
      expect(submitted!.predicates).toEqual([
        { kind: 'text', text: TEXT, present: true, path: '/' },
        { kind: 'text', text: '-$12.50', within: TEXT, present: true, path: '/' },
      ]);
      expect(records[0]!.levels).toHaveLength(1);
      expect(records[0]!.levels[0]!.audit).toMatchObject({ mode: 'fast' });

      // The audit replays the form left unsubmitted and the amount changed: the checker rejects both.
      const audit = await auditRun({ layout, browser, write: false });
      const kinds = (outcome: string) => audit.mutants.filter((mutant) => mutant.outcome === outcome).map((mutant) => mutant.kind);
      expect(kinds('survived')).toEqual([]);
      expect(kinds('killed')).toEqual(expect.arrayContaining(['drop-subtask', 'no-submit', 'change-value']));
      expect(audit.tasks).toMatchObject([{ level: 1, goldPasses: true, sound: true }]);
    },
  );
});
