import { z } from 'zod';
import { ActionSchema } from './action.js';
import { BoxSchema, ViewportSchema } from './geometry.js';

/**
 * The wire protocol between trajsynth's evaluation runner and an agent under test, over HTTP
 * (`--agent http://HOST:PORT/PATH`: one POST per step) or in-process (`--agent module:FILE`, whose
 * `act(request)` takes and returns the same objects). Published as JSON Schema in schemas/.
 */
export const AGENT_PROTOCOL = 'trajsynth-agent/1';

/** An element the agent can act on, named by the `ref` its action should target. */
export const ProtocolElementSchema = z.object({
  ref: z.string().describe('Element reference, as in the snapshot ([ref=e12]); target it as {"ref":"e12"}'),
  role: z.string().describe('ARIA role, e.g. button, link, textbox, checkbox, combobox'),
  name: z.string().describe('Accessible name'),
  box: BoxSchema.optional().describe('Bounding box in viewport pixels (x, y, width, height)'),
  value: z.string().optional().describe('Current value of a textbox, or the selected option of a combobox'),
  checked: z.union([z.boolean(), z.literal('mixed')]).optional(),
  disabled: z.boolean().optional(),
  options: z.array(z.string()).optional().describe('Options of a combobox or listbox, by label'),
  url: z.string().optional().describe('Link target'),
});
export type ProtocolElement = z.infer<typeof ProtocolElementSchema>;

/** One earlier step of the episode, as the agent did it and as it turned out. */
export const ProtocolHistoryEntrySchema = z.object({
  step: z.number().int().nonnegative(),
  /** The action performed; absent when the agent's answer was not a valid action. */
  action: ActionSchema.optional(),
  ok: z.boolean(),
  /** Why the action failed, or why the answer was not a valid action. */
  error: z.string().optional(),
});
export type ProtocolHistoryEntry = z.infer<typeof ProtocolHistoryEntrySchema>;

export const AgentStepRequestSchema = z
  .object({
    protocol: z.literal(AGENT_PROTOCOL),
    episodeId: z.string().describe('Stable id of the episode; the same for every step of it'),
    step: z.number().int().nonnegative().describe('0-based number of this request within the episode'),
    maxSteps: z.number().int().positive().describe('The episode ends when this many steps have been taken'),
    stepsLeft: z.number().int().nonnegative(),
    task: z.string().describe('The level-k task, in natural language'),
    url: z.string(),
    title: z.string(),
    viewport: ViewportSchema,
    screenshot: z.object({ mediaType: z.literal('image/webp'), base64: z.string() }).describe('The viewport as the agent would see it'),
    snapshot: z.string().describe('Accessibility snapshot (YAML-like) with [ref=eN] markers'),
    elements: z.array(ProtocolElementSchema).describe('The interactive elements of the snapshot'),
    history: z.array(ProtocolHistoryEntrySchema).describe('Every earlier step of this episode, oldest first'),
    error: z.string().optional().describe('Why the previous step failed (a failed action or an invalid answer)'),
  })
  .describe('What trajsynth sends an agent at every step of an evaluation episode');
export type AgentStepRequest = z.infer<typeof AgentStepRequestSchema>;

/** What an agent says it spent on a step (its own model calls), added to the report's cost figures. */
export const AgentReportedUsageSchema = z.object({
  inputTokens: z.number().int().nonnegative().optional(),
  outputTokens: z.number().int().nonnegative().optional(),
  costUsd: z.number().nonnegative().optional(),
});
export type AgentReportedUsage = z.infer<typeof AgentReportedUsageSchema>;

export const AgentStepResponseSchema = z
  .object({
    action: ActionSchema.describe('One trajsynth action, e.g. {"type":"click","target":{"ref":"e12"}} or {"type":"done","answer":"..."}'),
    usage: AgentReportedUsageSchema.optional().describe('Tokens and dollars the agent spent deciding this step'),
    thought: z.string().optional().describe('Free text, stored with the episode'),
  })
  .describe("An agent's answer to one step request");
export type AgentStepResponse = z.infer<typeof AgentStepResponseSchema>;

export function addReportedUsage(a: AgentReportedUsage | undefined, b: AgentReportedUsage | undefined): AgentReportedUsage | undefined {
  if (!a) return b;
  if (!b) return a;
  const sum = (x: number | undefined, y: number | undefined) => (x === undefined && y === undefined ? undefined : (x ?? 0) + (y ?? 0));
  const inputTokens = sum(a.inputTokens, b.inputTokens);
  const outputTokens = sum(a.outputTokens, b.outputTokens);
  const costUsd = sum(a.costUsd, b.costUsd);
  return {
    ...(inputTokens !== undefined ? { inputTokens } : {}),
    ...(outputTokens !== undefined ? { outputTokens } : {}),
    ...(costUsd !== undefined ? { costUsd } : {}),
  };
}
