import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentProtocolJsonSchemas } from '../../src/core/agent-protocol-json-schema.js';
import { AgentStepRequestSchema } from '../../src/core/agent-protocol.js';
import type { CapturedObservation } from '../../src/core/observation.js';
import { decisionFromResponse, stepRequest } from '../../src/eval/protocol-messages.js';

const ROOT = resolve(import.meta.dirname, '../..');

const observation: CapturedObservation = {
  url: 'http://127.0.0.1:4000/projects/1',
  title: 'Billing — Trackly',
  snapshot: '- heading "Billing" [level=1] [ref=e3]\n- button "Archive “Fix invoices”" [ref=e21]',
  elements: [
    { ref: 'e3', role: 'heading', name: 'Billing', level: 1, path: [] },
    { ref: 'e21', role: 'button', name: 'Archive “Fix invoices”', box: { x: 10, y: 20, width: 80, height: 24 }, path: ['main'] },
    { ref: 'e22', role: 'button', name: 'Delete', disabled: true, path: ['main'] },
    { ref: 'e23', role: 'combobox', name: 'Status', value: 'Open', options: ['Open', 'Done'], path: ['main'] },
  ],
  viewport: { width: 1280, height: 800 },
  error: 'No element matches button "Save"',
  screenshotWebp: new Uint8Array([82, 73, 70, 70]),
  timings: { observeMs: 0, screenshotMs: 0, snapshotMs: 0, encodeMs: 0 },
};

describe('the agent protocol', () => {
  it('publishes JSON Schemas in schemas/ that match the zod definitions (regenerate with npm run schemas)', () => {
    for (const [file, schema] of Object.entries(agentProtocolJsonSchemas())) {
      const published = JSON.parse(readFileSync(resolve(ROOT, 'schemas', file), 'utf8'));
      expect(published, `schemas/${file} is out of date: run npm run schemas`).toEqual(schema);
    }
  });

  it('sends the task, the page and the interactive elements with refs, never the checker', () => {
    const request = stepRequest(
      { episodeId: 'c0001-L2-e1', task: 'Archive the item “Fix invoices”.' },
      {
        observation,
        history: [{ step: 0, action: { type: 'click', target: { ref: 'e9' } }, ok: false, error: 'gone' }],
        step: 1,
        maxSteps: 30,
      },
    );
    expect(AgentStepRequestSchema.parse(request)).toEqual(request);
    expect(request).toMatchObject({
      protocol: 'trajsynth-agent/1',
      episodeId: 'c0001-L2-e1',
      step: 1,
      stepsLeft: 29,
      error: 'No element matches button "Save"',
    });
    expect(request.elements.map((element) => element.ref)).toEqual(['e21', 'e23']);
    expect(request.elements[1]).toEqual({ ref: 'e23', role: 'combobox', name: 'Status', value: 'Open', options: ['Open', 'Done'] });
    expect(Buffer.from(request.screenshot.base64, 'base64').toString()).toBe('RIFF');
    expect(JSON.stringify(request)).not.toMatch(/checker|predicate|__trajsynth/);
  });

  it('turns a valid answer into an action and anything else into an invalid answer naming the problem', () => {
    expect(decisionFromResponse({ action: { type: 'click', target: { ref: 'e21' } }, usage: { costUsd: 0.002 } })).toEqual({
      kind: 'action',
      action: { type: 'click', target: { ref: 'e21' } },
      usage: { costUsd: 0.002 },
    });
    const wrongType = decisionFromResponse({ action: { type: 'fly', to: 'moon' } });
    expect(wrongType.kind).toBe('invalid');
    expect(wrongType.kind === 'invalid' && wrongType.error).toMatch(/Expected \{"action": ACTION\}.*"fly".*field `action.type`/);
    const missing = decisionFromResponse({ click: 'e21' });
    expect(missing.kind === 'invalid' && missing.error).toMatch(/field `action`/);
    expect(decisionFromResponse('done').kind).toBe('invalid');
  });
});
