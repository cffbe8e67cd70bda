import { z } from 'zod';

export const ScalarSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type Scalar = z.infer<typeof ScalarSchema>;

/**
 * Predicates are data. State predicates read the environment's probe (ground truth); page predicates
 * read a page (the current one, or `path` loaded fresh in the same browser context); answer
 * predicates read the executor's final answer.
 */
export const StateValuePredicateSchema = z.object({
  kind: z.literal('state-value'),
  /** Some record (in `collection`, if given) has a field (named `field`, if given) equal to `value`. */
  value: ScalarSchema,
  collection: z.string().optional(),
  field: z.string().optional(),
  /** When false, the predicate holds if no such record exists. */
  present: z.boolean(),
});

export const StateFieldPredicateSchema = z.object({
  kind: z.literal('state-field'),
  collection: z.string(),
  /** Field values that identify the record. */
  match: z.record(z.string(), ScalarSchema),
  field: z.string(),
  equals: ScalarSchema,
});

export const StateCountPredicateSchema = z.object({
  kind: z.literal('state-count'),
  collection: z.string(),
  where: z.record(z.string(), ScalarSchema).optional(),
  op: z.enum(['eq', 'gt', 'gte', 'lt', 'lte']),
  count: z.number().int().nonnegative(),
});

export const UrlPredicateSchema = z.object({
  kind: z.literal('url'),
  /** The current URL's path and query include this string (or equal it, with `exact`). */
  includes: z.string(),
  exact: z.boolean().optional(),
});

export const TextPredicateSchema = z.object({
  kind: z.literal('text'),
  /**
   * Text the page shows (its readable text: names and content, never what an editable field holds,
   * so a value typed and not submitted is not found).
   */
  text: z.string(),
  present: z.boolean(),
  /**
   * Only in a row, list item or article whose text includes this (the item a form created, named by
   * its title): `present` then says whether such a row shows `text`. A value shown elsewhere on the
   * page (another row's "High") does not count.
   */
  within: z.string().optional(),
  /** Path (relative to the environment's origin) to load and read; absent means the current page. */
  path: z.string().optional(),
});

export const ElementPredicateSchema = z.object({
  kind: z.literal('element'),
  role: z.string(),
  name: z.string(),
  present: z.boolean(),
  checked: z.boolean().optional(),
  /** A toggle button's pressed state (aria-pressed). */
  pressed: z.boolean().optional(),
  /** Value of a textbox or the selected option of a combobox. */
  value: z.string().optional(),
  /** Only elements inside the row or list item with this text (see `rowContext` in core/observation). */
  within: z.string().optional(),
  /**
   * Only enabled elements count: with `present: false`, the element is gone or disabled (a bulk
   * action such as "Mark all as read" that has nothing left to do).
   */
  enabled: z.boolean().optional(),
  path: z.string().optional(),
  /**
   * Read on `path` loaded afresh, even when the episode is on that page: what the page keeps after a
   * reload (a saved setting's field), never what was typed into it and not saved.
   */
  fresh: z.boolean().optional(),
});

export const AnswerPredicateSchema = z.object({
  kind: z.literal('answer'),
  /**
   * The answer contains this text as a whole (not inside a longer word or number: "3" is not in
   * "13"), compared case-insensitively with whitespace collapsed. A task that asks for several values
   * has one answer predicate per value, all read from the one final answer.
   */
  includes: z.string(),
});

export const PredicateSchema = z.discriminatedUnion('kind', [
  StateValuePredicateSchema,
  StateFieldPredicateSchema,
  StateCountPredicateSchema,
  UrlPredicateSchema,
  TextPredicateSchema,
  ElementPredicateSchema,
  AnswerPredicateSchema,
]);
export type Predicate = z.infer<typeof PredicateSchema>;
export type PredicateKind = Predicate['kind'];

export const STATE_PREDICATE_KINDS: readonly PredicateKind[] = ['state-value', 'state-field', 'state-count'];

export function isStatePredicate(predicate: Predicate): boolean {
  return STATE_PREDICATE_KINDS.includes(predicate.kind);
}

/** Short human-readable rendering, for inspect output and error messages. */
export function describePredicate(predicate: Predicate): string {
  switch (predicate.kind) {
    case 'state-value': {
      const where = [predicate.collection, predicate.field].filter(Boolean).join('.');
      return `${predicate.present ? '' : 'no '}record${where ? ` ${where}` : ''} = ${JSON.stringify(predicate.value)}`;
    }
    case 'state-field':
      return `${predicate.collection}[${JSON.stringify(predicate.match)}].${predicate.field} = ${JSON.stringify(predicate.equals)}`;
    case 'state-count':
      return `count(${predicate.collection}${predicate.where ? ` ${JSON.stringify(predicate.where)}` : ''}) ${predicate.op} ${predicate.count}`;
    case 'url':
      return `url ${predicate.exact ? 'is' : 'includes'} ${JSON.stringify(predicate.includes)}`;
    case 'text': {
      const row = predicate.within === undefined ? '' : ` in the row ${JSON.stringify(predicate.within)}`;
      return `${predicate.present ? '' : 'no '}text ${JSON.stringify(predicate.text)}${row}${predicate.path ? ` at ${predicate.path}` : ''}`;
    }
    case 'element': {
      const state = [
        predicate.checked === undefined ? '' : predicate.checked ? 'checked' : 'unchecked',
        predicate.pressed === undefined ? '' : predicate.pressed ? 'pressed' : 'not pressed',
        predicate.value === undefined ? '' : `value=${JSON.stringify(predicate.value)}`,
      ]
        .filter(Boolean)
        .join(' ');
      const enabled = predicate.enabled === undefined ? '' : predicate.enabled ? 'enabled ' : 'disabled ';
      const row = predicate.within === undefined ? '' : ` in the row ${JSON.stringify(predicate.within)}`;
      const where = predicate.path ? ` at ${predicate.path}${predicate.fresh ? ' (reloaded)' : ''}` : '';
      return `${predicate.present ? '' : 'no '}${enabled}${predicate.role} ${JSON.stringify(predicate.name)}${state ? ` ${state}` : ''}${row}${where}`;
    }
    case 'answer':
      return `answer includes ${JSON.stringify(predicate.includes)}`;
  }
}
