import type { Predicate } from '../../core/predicate.js';
import type { Proposal } from '../../core/task.js';
import { PERSONAS } from '../personas.js';
import type { ReviseInput, Reviser } from '../roles.js';
import { taskAsExecuted } from './as-executed.js';
import { pathOf } from './propose-from-affordance.js';
import { q, withArticle } from './phrasing.js';
import { diffStates, humanizeField, labelField, singular, type RecordChange } from './state-diff.js';

/**
 * Relabels a failed attempt to what it actually achieved: the most meaningful change in the state
 * (a record created, a field changed, a record removed), else what a slip did instead of the plan
 * (the neighbouring control, the text really typed), else a change of page; gives up when nothing
 * meaningful changed.
 */
export class HeuristicReviser implements Reviser {
  readonly id = 'heuristic-reviser';

  async revise(input: ReviseInput): Promise<Proposal | undefined> {
    const base = { interaction: input.proposal.interaction, proposedAt: input.proposal.proposedAt, plan: [] };
    if (input.stateBefore && input.stateAfter) {
      // The most meaningful change that can be described and checked.
      const revised = byMeaning(diffStates(input.stateBefore, input.stateAfter))
        .map((change) => describeChange(change, input))
        .find((description) => description !== undefined);
      if (revised) return { ...base, ...revised, ...(input.proposal.affordance ? { affordance: input.proposal.affordance } : {}) };
    }
    // A slip onto the neighbouring control, or a typo: the task for what was done instead.
    if (input.observationBefore) {
      const asExecuted = taskAsExecuted({
        proposal: input.proposal,
        actions: input.attempt.actions,
        observationBefore: input.observationBefore,
        persona: input.persona ?? PERSONAS[0]!,
        hasStateProbe: input.hasStateProbe ?? false,
      });
      if (asExecuted) return asExecuted;
    }
    const beforePath = pathOf(input.pageBefore.url);
    const afterPath = pathOf(input.pageAfter.url);
    const navigated = navigatingForm(input, beforePath, afterPath);
    if (navigated) return navigated;
    // Only a page reached by following a link is a place a task can send someone; the page a
    // rejected form post lands on is not.
    const followedLink = input.attempt.actions.some(
      (executed) =>
        executed.outcome.ok &&
        pathOf(executed.urlAfter) === afterPath &&
        (executed.action.type === 'navigate' ||
          (executed.action.type === 'click' && ['link', 'tab'].includes(executed.element?.role ?? ''))),
    );
    if (afterPath !== beforePath && followedLink) {
      const title = input.attempt.finalObservation.title || afterPath;
      return {
        ...base,
        interaction: 'navigate',
        description: `Go to the ${q(title)} page.`,
        predicates: [{ kind: 'url', includes: afterPath, exact: true }],
        entities: [title],
      };
    }
    return undefined;
  }
}

/**
 * A form that changed no record but took the browser to a page whose address carries what was typed
 * (a date picker's "Go", a filter or search form that submits by GET) did what its task said; only
 * its check looked for a record. The same task, checked by the address it led to.
 */
function navigatingForm(input: ReviseInput, beforePath: string, afterPath: string): Proposal | undefined {
  const { proposal, attempt } = input;
  if (proposal.interaction !== 'form' || afterPath === beforePath || !attempt.actions.every((executed) => executed.outcome.ok))
    return undefined;
  if (input.stateBefore && input.stateAfter && diffStates(input.stateBefore, input.stateAfter).length > 0) return undefined;
  const typed = attempt.actions
    .flatMap((executed) => (executed.action.type === 'type' ? [executed.action.text] : []))
    .filter((text) => text.trim() !== '');
  // The task names what it meant to type; after a slip (a typo) the address no longer matches it.
  const planned = (proposal.plan ?? [])
    .flatMap((action) => (action.type === 'type' ? [action.text] : []))
    .filter((text) => text.trim() !== '');
  if (typed.length === 0 || typed.join('\n') !== planned.join('\n')) return undefined;
  const address = decodeAddress(afterPath).toLowerCase();
  if (!typed.some((text) => address.includes(text.toLowerCase()))) return undefined;
  return {
    ...proposal,
    plan: [],
    predicates: [{ kind: 'url', includes: afterPath, exact: true }],
  };
}

/** A path and query as a person reads it: `+` and percent-escapes decoded. */
function decodeAddress(path: string): string {
  try {
    return decodeURIComponent(path.replace(/\+/g, ' '));
  } catch {
    return path;
  }
}

function byMeaning(changes: RecordChange[]): RecordChange[] {
  const rank = (change: RecordChange) =>
    (change.kind === 'created' ? 30 : change.kind === 'updated' ? 20 : 10) + (labelField(change.record) ? 5 : 0);
  return [...changes].sort((a, b) => rank(b) - rank(a));
}

function describeChange(change: RecordChange, input: ReviseInput): Pick<Proposal, 'description' | 'predicates' | 'entities'> | undefined {
  const field = labelField(change.record);
  if (!field) return undefined;
  const label = String(change.record[field]);
  const noun = singular(change.collection);
  switch (change.kind) {
    case 'created': {
      // A label other records share (a new version of a page keeps the page's title) is checked by
      // the number of records that carry it, which the attempt raised.
      const sharing = (input.stateAfter?.[change.collection] ?? []).filter((record) => record[field] === label).length;
      const predicate: Predicate =
        sharing > 1
          ? { kind: 'state-count', collection: change.collection, where: { [field]: label }, op: 'gte', count: sharing }
          : { kind: 'state-value', collection: change.collection, field, value: label, present: true };
      return {
        description:
          sharing > 1
            ? `Add another ${noun} ${q(label)}.`
            : input.rng.pick([`Create ${withArticle(noun)} ${q(label)}.`, `Add the ${noun} ${q(label)}.`]),
        predicates: [predicate],
        entities: [label],
      };
    }
    case 'removed':
      return {
        description: `Delete the ${noun} ${q(label)}.`,
        predicates: [{ kind: 'state-value', collection: change.collection, field, value: label, present: false }],
        entities: [label],
      };
    case 'updated': {
      const scalar = change.fields.filter(
        (entry) => typeof entry.after === 'string' || typeof entry.after === 'number' || typeof entry.after === 'boolean',
      );
      // Prefer the field a person sees (statusLabel "In review" over status "in_review").
      const changed =
        scalar.find((entry) => /(Label|Name)$/.test(entry.field)) ?? scalar.find((entry) => typeof entry.after === 'string') ?? scalar[0];
      if (!changed || change.record.id === undefined) return undefined;
      const value = changed.after as string | number | boolean;
      const predicate: Predicate = {
        kind: 'state-field',
        collection: change.collection,
        match: { id: change.record.id as string | number },
        field: changed.field,
        equals: value,
      };
      if (typeof value === 'boolean') {
        return {
          description: `Mark the ${noun} ${q(label)} as ${value ? '' : 'not '}${humanizeField(changed.field)}.`,
          predicates: [predicate],
          entities: [label],
        };
      }
      const shown = String(value);
      return {
        description: `Set the ${humanizeField(changed.field)} of the ${noun} ${q(label)} to ${q(shown)}.`,
        predicates: [predicate],
        entities: [label, shown],
      };
    }
  }
}
