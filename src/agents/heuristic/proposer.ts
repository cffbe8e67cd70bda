import { isOneUseAffordance, type Proposal } from '../../core/task.js';
import { normalizedIncludes } from '../../core/text-match.js';
import type { ProposeInput, Proposer } from '../roles.js';
import { findAffordances, type Affordance } from './affordances.js';
import { proposalFromAffordance } from './propose-from-affordance.js';
import { q } from './phrasing.js';

const KIND_WEIGHT: Record<Affordance['kind'] | 'search', number> = {
  form: 4,
  search: 0.6,
  'item-action': 2.5,
  toggle: 2.5,
  select: 2,
  choice: 2,
  bulk: 1.2,
  'cell-edit': 2,
  navigate: 0.7,
  read: 1.5,
};

const REFERABLE: ReadonlyArray<Proposal['interaction']> = ['form', 'search', 'item-action', 'read'];

export interface HeuristicProposerOptions {
  /** Follow-ups prefer affordances that mention entities the chain already touched. */
  followUp: boolean;
}

/**
 * Proposes a task grounded in what is on the page: finds affordances, scores them (unexplored and,
 * for follow-ups, related to the chain's entities score higher; simpler kinds after failures), picks
 * one with the seeded generator and writes it as a task.
 */
export class HeuristicProposer implements Proposer {
  readonly id: string;
  private readonly followUp: boolean;

  constructor(options: HeuristicProposerOptions) {
    this.followUp = options.followUp;
    this.id = options.followUp ? 'heuristic-follow-up' : 'heuristic-proposer';
  }

  async propose(input: ProposeInput): Promise<Proposal | undefined> {
    const chainEntities = [...input.chain.accepted].reverse().flatMap((subtask) => subtask.entities);
    // A control the chain already used is not used again (the pipeline's diversity guard would refuse it).
    const used = new Set(input.chain.accepted.map((subtask) => subtask.affordance).filter((key) => key !== undefined));
    const candidates = findAffordances(input.observation).filter(
      (affordance) => !input.chain.avoid.has(affordance.key) && !(isOneUseAffordance(affordance.key) && used.has(affordance.key)),
    );
    // Pick a kind of interaction first, then an affordance of that kind, so that kinds with many
    // instances on a page (table cells, links) do not crowd out the rest.
    const byKind = new Map<KindKey, Affordance[]>();
    for (const affordance of candidates) byKind.set(kindKey(affordance), [...(byKind.get(kindKey(affordance)) ?? []), affordance]);
    while (byKind.size > 0) {
      const kinds = [...byKind.keys()];
      const kind = kinds[input.rng.weightedIndex(kinds.map((candidate) => this.kindScore(candidate, byKind.get(candidate)!, input, chainEntities)))]!;
      const group = byKind.get(kind)!;
      const index = input.rng.weightedIndex(group.map((affordance) => this.affordanceScore(affordance, input, chainEntities)));
      const affordance = group[index]!;
      const proposal = proposalFromAffordance({
        affordance,
        observation: input.observation,
        persona: input.persona,
        rng: input.rng,
        hasStateProbe: input.hasStateProbe,
        chainEntities,
      });
      if (proposal) return this.followUp ? referBack(proposal, input) : proposal;
      group.splice(index, 1);
      if (group.length === 0) byKind.delete(kind);
    }
    return undefined;
  }

  private kindScore(kind: KindKey, group: Affordance[], input: ProposeInput, chainEntities: readonly string[]): number {
    let score = KIND_WEIGHT[kind];
    const history = input.chain.accepted.map((subtask) => subtask.interaction);
    const uses = history.filter((interaction) => interaction === kind).length;
    score /= 1 + uses;
    if (history[history.length - 1] === kind) score *= 0.5;
    if (kind === 'read' && history.includes('read')) score *= 0.6;
    // After a failure, something simpler on the same page (reading a value) rather than walking away.
    if (input.retry > 0 && kind === 'read') score *= 1 + input.retry;
    // The longer a chain stays on one kind of page, the more it wants to move on and explore.
    if (kind === 'navigate') score *= 1 + subtasksOnThisPage(input);
    if (this.followUp && group.some((affordance) => mentionsAny(affordance, chainEntities))) score *= 4;
    // A kind whose every instance repeats something the chain already did (the same sidebar
    // toggle, the same row action on another row) loses most of its pull.
    score *= Math.max(...group.map((affordance) => repetitionFactor(affordance, input)));
    return score;
  }

  private affordanceScore(affordance: Affordance, input: ProposeInput, chainEntities: readonly string[]): number {
    let score = 1;
    if (!input.chain.explored.has(affordance.key)) score *= 3;
    if (affordance.kind === 'navigate') {
      const destination = affordance.element.url ? pagePattern(affordance.element.url, input.observation.url) : undefined;
      if (destination && !visitedPatterns(input).has(destination)) score *= 4;
      else if (affordance.inNavigation) score *= 0.5;
    }
    // Building on what the chain touched is the point of a follow-up, but doing the same thing to it
    // again (star, unstar, star) is not: an explored affordance keeps only a small part of the boost.
    // Walking to the entity's page is the weakest way to build on it: the next subtask can act there.
    if (this.followUp && mentionsAny(affordance, chainEntities)) score *= input.chain.explored.has(affordance.key) ? 4 : affordance.kind === 'navigate' ? 6 : 40;
    return score * repetitionFactor(affordance, input);
  }
}

type KindKey = Affordance['kind'] | 'search';

/**
 * An affordance's family: its key with quoted item names blanked, so that `item:Decline “Lunch”`
 * and `item:Decline “Standup”`, or `toggle:Show “Work”` and `toggle:Show “Team”`, are one family.
 */
export function affordanceFamily(key: string): string {
  return key.replace(/\u201C[^\u201D]*\u201D/g, '“…”').replace(/"[^"]*"/g, '"…"');
}

/** 1 for a family the chain has not used yet, 1/3 after one use, 1/5 after two, … */
function repetitionFactor(affordance: Affordance, input: ProposeInput): number {
  const family = affordanceFamily(affordance.key);
  const uses = input.chain.accepted.filter((subtask) => subtask.affordance !== undefined && affordanceFamily(subtask.affordance) === family).length;
  return 1 / (1 + 2 * uses);
}

/** A page's kind: its path with ids and slugs generalized (`/tasks/42` → `/tasks/:id`), without the query. */
export function pagePattern(url: string, base?: string): string | undefined {
  try {
    const { pathname } = new URL(url, base);
    return pathname
      .split('/')
      .map((segment) => (/\d/.test(segment) || segment.length > 24 ? ':id' : segment))
      .join('/');
  } catch {
    return undefined;
  }
}

function visitedPatterns(input: ProposeInput): Set<string> {
  const visited = new Set<string>();
  for (const subtask of input.chain.attempted) {
    const pattern = pagePattern(subtask.proposedAt, input.observation.url);
    if (pattern) visited.add(pattern);
  }
  const here = pagePattern(input.observation.url);
  if (here) visited.add(here);
  return visited;
}

function subtasksOnThisPage(input: ProposeInput): number {
  const here = pagePattern(input.observation.url);
  return input.chain.attempted.filter((subtask) => pagePattern(subtask.proposedAt, input.observation.url) === here).length;
}

/** Search forms are their own kind: they sit on every page and would otherwise crowd out other forms. */
function kindKey(affordance: Affordance): KindKey {
  return affordance.kind === 'form' && affordance.search ? 'search' : affordance.kind;
}

function mentionsAny(affordance: Affordance, entities: readonly string[]): boolean {
  const texts: string[] = [];
  if (affordance.kind === 'form') texts.push(affordance.formName, ...affordance.fields.map((field) => field.path.join(' ')));
  else texts.push(affordance.element.name, affordance.element.path.join(' '));
  if (affordance.kind === 'read' || affordance.kind === 'item-action') texts.push(affordance.item);
  return entities.some((entity) => entity.length >= 3 && texts.some((text) => normalizedIncludes(text, entity)));
}

/**
 * Ties a follow-up to the chain by the thing an earlier subtask made or acted on ("“Q3 plan” (from
 * step 1)"). A control's label is not such a thing: toggles, selects and links name the control.
 */
function referBack(proposal: Proposal, input: ProposeInput): Proposal {
  for (const [index, subtask] of input.chain.accepted.entries()) {
    if (!REFERABLE.includes(subtask.interaction)) continue;
    const shared = proposal.entities.find((entity) => subtask.entities.includes(entity) && proposal.description.includes(q(entity)));
    if (!shared) continue;
    const description = proposal.description.replace(q(shared), `${q(shared)} (from step ${index + 1})`);
    return { ...proposal, description };
  }
  return proposal;
}
