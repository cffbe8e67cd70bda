import { Rng } from '../../core/random.js';
import { isOneUseAffordance, type InteractionKind, type Proposal } from '../../core/task.js';
import { normalizedIncludes } from '../../core/text-match.js';
import type { ProposeInput, Proposer } from '../roles.js';
import { findAffordances, type Affordance } from './affordances.js';
import { AIM_WEIGHT, aimingFor, type Aiming } from './aiming.js';
import { proposalThroughMenu } from './menu-way.js';
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

/** How often a chain with aims left picks among the affordances that serve them (else it explores freely). */
const AIM_FOCUS = 0.9;

const REFERABLE: ReadonlyArray<Proposal['interaction']> = ['form', 'search', 'item-action', 'read'];

export interface HeuristicProposerOptions {
  /** Follow-ups prefer affordances that mention entities the chain already touched. */
  followUp: boolean;
}

/**
 * Proposes a task grounded in what is on the page: finds affordances, scores them (unexplored and,
 * for follow-ups, related to the chain's entities score higher; simpler kinds after failures), picks
 * one with the seeded generator and writes it as a task. A chain given an aim (its share of an app's
 * declared affordances) mostly picks what serves it; without one nothing changes.
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
      (affordance) =>
        (!input.chain.avoid.has(affordance.key) || secondChance(affordance.key, input)) &&
        !(isOneUseAffordance(affordance.key) && used.has(affordance.key)),
    );
    // A chain with a share of the app's declared affordances mostly picks among what exercises them
    // and the links that lead to them; now and then it explores as if it had none (still leaning
    // toward its aims).
    const usable = input.aim ? candidates.filter((affordance) => this.yieldsTask(affordance, input)) : candidates;
    const aiming = aimingFor(input.aim, input.chain, input.observation, usable);
    const aimed = this.proposeForAims(usable, input, chainEntities, aiming);
    if (aimed) return aimed;
    return this.pick(candidates, input, chainEntities, aiming, (kind, group) => this.kindScore(kind, group, input, chainEntities, aiming));
  }

  /**
   * Most of the time (AIM_FOCUS), a task that serves the chain's aims: among the affordances that
   * serve one, how much each serves it decides, not its kind (a search that is an aim counts as much
   * as a form that is one), and within a kind only the strongest count (any link out exercises a
   * navigate aim; the one toward another aim should win over thirty that lead nowhere in
   * particular). With nothing on the page for its aims and no visible way toward them, the chain
   * opens the menu that keeps the link (an account menu, a "More actions" menu).
   */
  private proposeForAims(
    usable: readonly Affordance[],
    input: ProposeInput,
    chainEntities: readonly string[],
    aiming: Aiming,
  ): Proposal | undefined {
    const aimed = usable.filter((affordance) => aiming.weight(affordance) >= AIM_WEIGHT.toward);
    const hidden = aimed.length === 0 ? aiming.hiddenWay() : undefined;
    const hiddenKey = hidden ? `navigate:${hidden.link.name}` : '';
    if (hidden && (!input.chain.avoid.has(hiddenKey) || secondChance(hiddenKey, input)) && input.rng.next() < AIM_FOCUS) {
      const proposal = proposalThroughMenu(hidden, input.observation, input.rng);
      return this.followUp ? referBack(proposal, input) : proposal;
    }
    if (aimed.length === 0 || input.rng.next() >= AIM_FOCUS) return undefined;
    const best = new Map<KindKey, number>();
    for (const affordance of aimed) best.set(kindKey(affordance), Math.max(best.get(kindKey(affordance)) ?? 0, aiming.weight(affordance)));
    const strongest = aimed.filter((affordance) => aiming.weight(affordance) * 2 >= best.get(kindKey(affordance))!);
    return this.pick(strongest, input, chainEntities, aiming, (kind) => best.get(kind)! * kindWeight(kind, input));
  }

  /**
   * Whether an affordance can be written as a task at all (a form whose only select has a single
   * option cannot): one that cannot must not count as showing an aim, or the chain would stay to
   * do what it cannot. A dry run with its own generator, so the chain's stays untouched.
   */
  private yieldsTask(affordance: Affordance, input: ProposeInput): boolean {
    if (affordance.kind === 'navigate' || affordance.kind === 'read') return true;
    const dry = {
      affordance,
      observation: input.observation,
      persona: input.persona,
      rng: new Rng(0),
      hasStateProbe: input.hasStateProbe,
      chainEntities: [],
    };
    return proposalFromAffordance(dry) !== undefined;
  }

  private pick(
    candidates: readonly Affordance[],
    input: ProposeInput,
    chainEntities: readonly string[],
    aiming: Aiming,
    kindScore: (kind: KindKey, group: Affordance[]) => number,
  ): Proposal | undefined {
    // Pick a kind of interaction first, then an affordance of that kind, so that kinds with many
    // instances on a page (table cells, links) do not crowd out the rest.
    const byKind = new Map<KindKey, Affordance[]>();
    for (const affordance of candidates) byKind.set(kindKey(affordance), [...(byKind.get(kindKey(affordance)) ?? []), affordance]);
    while (byKind.size > 0) {
      const kinds = [...byKind.keys()];
      const kind = kinds[input.rng.weightedIndex(kinds.map((candidate) => kindScore(candidate, byKind.get(candidate)!)))]!;
      const group = byKind.get(kind)!;
      const index = input.rng.weightedIndex(group.map((affordance) => this.affordanceScore(affordance, input, chainEntities, aiming)));
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

  private kindScore(kind: KindKey, group: Affordance[], input: ProposeInput, chainEntities: readonly string[], aiming: Aiming): number {
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
    score *= Math.max(...group.map((affordance) => aiming.weight(affordance)));
    return score * kindWeight(kind, input);
  }

  private affordanceScore(affordance: Affordance, input: ProposeInput, chainEntities: readonly string[], aiming: Aiming): number {
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
    if (this.followUp && mentionsAny(affordance, chainEntities))
      score *= input.chain.explored.has(affordance.key) ? 4 : affordance.kind === 'navigate' ? 6 : 40;
    return score * repetitionFactor(affordance, input) * aiming.weight(affordance);
  }
}

type KindKey = Affordance['kind'] | 'search';

/** An aimed run's weight on the interaction kind an affordance kind exercises (1 without one). */
function kindWeight(kind: KindKey, input: ProposeInput): number {
  if (!input.kindWeights) return 1;
  const interaction: InteractionKind =
    kind === 'choice' ? 'select' : kind === 'bulk' ? 'item-action' : kind === 'cell-edit' ? 'form' : kind;
  return input.kindWeights[interaction] ?? 1;
}

/**
 * Whether a chain with aims may try a control again after one failed attempt: its aims are few
 * and an executor's slip (a typo, the tab next to it) is no reason to give one up. Controls that
 * failed twice, or were avoided for a reason a retry cannot change (`settled`), stay avoided.
 */
function secondChance(key: string, input: ProposeInput): boolean {
  // Not in the retries of the level it failed in: those go to something else, so a real failure
  // cannot stop the chain.
  if (input.retry > 0 || input.chain.settled?.has(key)) return false;
  const failures = input.chain.attempted.filter((subtask) => subtask.affordance === key && subtask.status === 'failed');
  if (failures.length !== 1 || input.chain.accepted.some((subtask) => subtask.affordance === key)) return false;
  // Any chain, aims or none, tries again a control the executor missed: its attempt was relabeled
  // to another control it reached instead, so the failure says nothing about this one.
  const missed = input.chain.accepted.some(
    (subtask) => subtask.revisedFrom === failures[0]!.id && subtask.affordance !== undefined && subtask.affordance !== key,
  );
  return input.aim !== undefined || missed;
}

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
  const uses = input.chain.accepted.filter(
    (subtask) => subtask.affordance !== undefined && affordanceFamily(subtask.affordance) === family,
  ).length;
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
