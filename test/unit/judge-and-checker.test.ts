import { describe, expect, it } from 'vitest';
import type { CapturedObservation } from '../../src/core/observation.js';
import { pageViewOf } from '../../src/core/page-text.js';
import type { Proposal } from '../../src/core/task.js';
import { JudgeVerifier } from '../../src/agents/model/model-verifier.js';
import { JuryVerifier } from '../../src/agents/model/jury-verifier.js';
import type { VerifyInput } from '../../src/agents/roles.js';
import type { LanguageModel, ModelRequest, ModelResponse } from '../../src/model/language-model.js';

/**
 * On a website (no probe) the judges decide among the attempts the page predicates accept: a judge
 * that says "success" never turns the checker's rejection into an accepted subtask (a model verifier
 * never overrides a checker), and a judge that says "failure" still rejects what the checker passed.
 */
function judge(model: string, success: boolean): LanguageModel {
  return {
    provider: 'test',
    model,
    async generate(request: ModelRequest): Promise<ModelResponse> {
      return {
        provider: 'test',
        model,
        text: '',
        toolCalls: [
          {
            type: 'tool-call',
            id: 'v1',
            name: request.tools![0]!.name,
            input: { success, confidence: 0.95, reasons: ['looked at both screens'] },
          },
        ],
        stopReason: 'tool-use',
        usage: { inputTokens: 10, outputTokens: 5, cacheWriteTokens: 0, cacheReadTokens: 0 },
        images: 0,
        latencyMs: 1,
      };
    },
  };
}

const observation = (snapshot: string): CapturedObservation => ({
  url: 'http://site.test/',
  title: 'Ledger',
  snapshot,
  elements: [],
  viewport: { width: 1280, height: 800 },
  screenshotWebp: new Uint8Array(),
  timings: { observeMs: 0, screenshotMs: 0, snapshotMs: 0, encodeMs: 0 },
});

const proposal: Proposal = {
  description: 'Add “Lunch with Sam”.',
  predicates: [{ kind: 'text', text: 'Lunch with Sam', present: true }],
  interaction: 'form',
  entities: ['Lunch with Sam'],
  proposedAt: '/',
};

/** An attempt on a website that left the page as `snapshot` shows it. */
function attempt(snapshot: string): VerifyInput {
  const after = observation(snapshot);
  return {
    proposal,
    before: [false],
    after: { state: undefined, page: pageViewOf(after) },
    attempt: { stepCount: 2, actions: [], finalObservation: after },
    observationBefore: observation('- list'),
    hasStateProbe: false,
  };
}

// Typed into the field, never submitted: the page does not show it. Submitted: the new row does.
const unsubmitted = attempt('- textbox "Text": Lunch with Sam\n- list');
const added = attempt('- textbox "Text"\n- list:\n  - listitem: Lunch with Sam');

describe('a model verifier never overrides a checker’s rejection', () => {
  it('one judge: its "success" does not accept what the page predicates reject; its "failure" rejects what they pass', async () => {
    const yes = new JudgeVerifier({ model: judge('yes', true) });
    const rejected = await yes.verify(unsubmitted);
    expect(rejected).toMatchObject({ success: false, method: 'checker', after: [false], judge: { success: true } });
    expect(rejected.reason).toMatch(/not satisfied after the attempt.*a judge never overrides the checker; it said success/);
    expect(await yes.verify(added)).toMatchObject({ success: true, method: 'judge' });
    expect(await new JudgeVerifier({ model: judge('no', false) }).verify(added)).toMatchObject({ success: false, method: 'judge' });
  });

  it('a jury: all saying success accept nothing the page predicates reject, and a split over such an attempt flags nothing', async () => {
    const unanimous = new JuryVerifier({ models: [judge('a', true), judge('b', true)] });
    const rejected = await unanimous.verify(unsubmitted);
    expect(rejected).toMatchObject({ success: false, method: 'checker', jury: { success: true, split: false } });
    expect(rejected.reason).toMatch(/a jury never overrides the checker; 2 of 2 said success/);
    expect(await unanimous.verify(added)).toMatchObject({ success: true, method: 'judge' });
    const split = await new JuryVerifier({ models: [judge('a', true), judge('b', false)] }).verify(unsubmitted);
    expect(split.flaggedForReview).toBeUndefined();
    expect(split.success).toBe(false);
  });
});
