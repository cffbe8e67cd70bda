import { AGENT_PROTOCOL, AgentStepResponseSchema, type AgentStepRequest, type ProtocolElement } from '../core/agent-protocol.js';
import type { Element } from '../core/observation.js';
import type { EpisodeStart, PolicyDecision, PolicyStepInput } from '../agents/policy.js';
import { describeIssue } from '../store/parse-file.js';

const INTERACTIVE_ROLES = new Set([
  'button',
  'link',
  'textbox',
  'searchbox',
  'checkbox',
  'radio',
  'combobox',
  'listbox',
  'option',
  'menuitem',
  'menuitemcheckbox',
  'menuitemradio',
  'tab',
  'switch',
  'slider',
  'spinbutton',
  'treeitem',
]);

/** The request an agent receives at one step (over HTTP, or as the argument of a module's `act`). */
export function stepRequest(start: Pick<EpisodeStart, 'episodeId' | 'task'>, input: PolicyStepInput): AgentStepRequest {
  const { observation } = input;
  return {
    protocol: AGENT_PROTOCOL,
    episodeId: start.episodeId,
    step: input.step,
    maxSteps: input.maxSteps,
    stepsLeft: Math.max(0, input.maxSteps - input.step),
    task: start.task,
    url: observation.url,
    title: observation.title,
    viewport: observation.viewport,
    screenshot: { mediaType: 'image/webp', base64: Buffer.from(observation.screenshotWebp).toString('base64') },
    snapshot: observation.snapshot,
    elements: observation.elements.filter(isInteractive).map(protocolElement),
    history: input.history.map((entry) => ({
      step: entry.step,
      ...(entry.action ? { action: entry.action } : {}),
      ok: entry.ok,
      ...(entry.error !== undefined ? { error: entry.error } : {}),
    })),
    ...(observation.error !== undefined ? { error: observation.error } : {}),
  };
}

function isInteractive(element: Element): boolean {
  return !element.disabled && (INTERACTIVE_ROLES.has(element.role) || element.clickable === true);
}

function protocolElement(element: Element): ProtocolElement {
  return {
    ref: element.ref,
    role: element.role,
    name: element.name,
    ...(element.box ? { box: element.box } : {}),
    ...(element.value !== undefined ? { value: element.value } : {}),
    ...(element.checked !== undefined ? { checked: element.checked } : {}),
    ...(element.options ? { options: element.options } : {}),
    ...(element.url !== undefined ? { url: element.url } : {}),
  };
}

/**
 * An agent's answer as a decision: a valid `{"action": ACTION}` is an action; anything else is an
 * invalid answer, whose error the agent sees at its next step.
 */
export function decisionFromResponse(raw: unknown): PolicyDecision {
  const parsed = AgentStepResponseSchema.safeParse(raw);
  if (!parsed.success) {
    const shown = JSON.stringify(raw) ?? String(raw);
    return {
      kind: 'invalid',
      error: `Expected {"action": ACTION} with a valid trajsynth action, got ${shown.length > 300 ? `${shown.slice(0, 300)}…` : shown} (${describeIssue(parsed.error)})`,
    };
  }
  const { action, usage, thought } = parsed.data;
  return { kind: 'action', action, ...(usage ? { usage } : {}), ...(thought !== undefined ? { thought } : {}) };
}
