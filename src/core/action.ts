import { z } from 'zod';
import { BoxSchema, PointSchema } from './geometry.js';

/**
 * How an agent names the element it means. Executors re-ground in this order: role and accessible
 * name on the live page, then the ref from the observation the agent saw, then raw coordinates.
 */
export const TargetSchema = z.object({
  ref: z.string().optional(),
  role: z.string().optional(),
  name: z.string().optional(),
  /** Which match to use when role+name is ambiguous (0-based). */
  nth: z.number().int().nonnegative().optional(),
  /**
   * The row or list item the element sits in, by its text (see `rowContext`), for controls whose
   * own name does not tell them apart: an unlabeled checkbox in every row, a "×" or "Remove" per row.
   * `nth` then counts among the matches inside that row.
   */
  within: z.string().optional(),
  /** Pixel coordinates in the viewport, used when nothing else resolves. */
  point: PointSchema.optional(),
});
export type Target = z.infer<typeof TargetSchema>;

export const ActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('click'), target: TargetSchema }),
  /** A double click, for what a page edits in place (a todo's title, a spreadsheet cell). */
  z.object({ type: z.literal('dblclick'), target: TargetSchema }),
  z.object({
    type: z.literal('type'),
    target: TargetSchema,
    text: z.string(),
    /** Clear the field before typing (default true). */
    clear: z.boolean().optional(),
  }),
  z.object({ type: z.literal('press'), key: z.string(), target: TargetSchema.optional() }),
  z.object({ type: z.literal('select'), target: TargetSchema, value: z.string() }),
  z.object({
    type: z.literal('scroll'),
    deltaX: z.number().optional(),
    deltaY: z.number(),
    target: TargetSchema.optional(),
  }),
  z.object({ type: z.literal('hover'), target: TargetSchema }),
  z.object({ type: z.literal('navigate'), url: z.string() }),
  z.object({ type: z.literal('back') }),
  z.object({ type: z.literal('wait'), ms: z.number().int().nonnegative() }),
  z.object({ type: z.literal('done'), answer: z.string().optional() }),
]);
export type Action = z.infer<typeof ActionSchema>;
export type ActionType = Action['type'];
export const ACTION_TYPES: readonly ActionType[] = [
  'click',
  'dblclick',
  'type',
  'press',
  'select',
  'scroll',
  'hover',
  'navigate',
  'back',
  'wait',
  'done',
];

/** The element an action actually resolved to on the live page. */
export const ResolvedElementSchema = z.object({
  ref: z.string().optional(),
  role: z.string().optional(),
  name: z.string().optional(),
  box: BoxSchema.optional(),
  /** How the element was found: by role and name, by the observation's ref, or by coordinates. */
  groundedBy: z.enum(['role-name', 'ref', 'point']),
});
export type ResolvedElement = z.infer<typeof ResolvedElementSchema>;

export const ActionOutcomeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type ActionOutcome = z.infer<typeof ActionOutcomeSchema>;

/**
 * An executed action, recorded as a superset so any training format can be derived later: the
 * intended action, the element it resolved to (ref, role, name, box), the pixel coordinates used,
 * the text typed or keys pressed, and the outcome.
 */
export const ExecutedActionSchema = z.object({
  action: ActionSchema,
  element: ResolvedElementSchema.optional(),
  coordinates: PointSchema.optional(),
  text: z.string().optional(),
  keys: z.array(z.string()).optional(),
  outcome: ActionOutcomeSchema,
  /** URL after the action settled. */
  urlAfter: z.string(),
});
export type ExecutedAction = z.infer<typeof ExecutedActionSchema>;
