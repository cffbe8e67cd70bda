import type { AffordanceDeclaration } from '../../core/environment.js';
import { rowContext, type Element, type Observation } from '../../core/observation.js';
import { normalizedEquals } from '../../core/text-match.js';
import { exercises, routeMatches } from '../../environments/coverage.js';
import type { MenuLink } from '../../environments/page-menus.js';
import { routeOf, type RouteGraph } from '../../environments/site-map.js';
import type { ChainAim, ChainSoFar } from '../roles.js';
import { affordanceKind, type Affordance } from './affordances.js';

/**
 * How strongly a chain pulls toward its aims: an affordance that exercises an aimed declaration (a
 * link that does, times the pull of where it leads), a link straight to an aimed route, a link one
 * step closer to one (by the app's route graph), a link to another page of a route whose control
 * this page does not show, a control of the next chain's share (`spare`), and, a little, anything
 * else the app declares. An affordance that would end other aims the page shows (leaving it,
 * deleting its subject) is `deferred`: no pull until they are done.
 */
export const AIM_WEIGHT = { hit: 40, route: 20, toward: 8, sameRoute: 8, spare: 6, filter: 2, declared: 2, deferred: 1 } as const;

/** A proposer's view of its chain's aims on the current page. */
export interface Aiming {
  /** 1 for an affordance that serves no aim, more for one that exercises or leads toward one. */
  weight(affordance: Affordance): number;
  /** The aimed declarations the chain has not exercised yet. */
  remaining: readonly AffordanceDeclaration[];
  /** A way toward an aim through a closed menu of this page, when no visible link leads toward one. */
  hiddenWay(): HiddenWay | undefined;
}

/** A link toward an aim kept in a closed menu, and the element on the page that opens the menu. */
export interface HiddenWay {
  opener: Element;
  link: MenuLink;
}

const NO_AIM: Aiming = { weight: () => 1, remaining: [], hiddenWay: () => undefined };

/**
 * Sizes up the chain's aims on this page: which are left (not exercised by an accepted subtask, by
 * the same matching coverage uses; once its own share is done, those of `then`), which this page's
 * affordances exercise, and where the others are. Without aims (a site without declared
 * affordances) every weight is 1.
 */
export function aimingFor(
  aim: ChainAim | undefined,
  chain: Pick<ChainSoFar, 'accepted' | 'attempted'>,
  observation: Pick<Observation, 'url' | 'elements'>,
  candidates: readonly Affordance[],
): Aiming {
  if (!aim) return NO_AIM;
  const left = (declarations: readonly AffordanceDeclaration[]) =>
    declarations.filter((declaration) => !chain.accepted.some((subtask) => exercises(declaration, subtask)));
  const own = left(aim.affordances);
  const then = left(aim.then ?? []);
  // Once its own share is done the chain takes up the next; before that, the next share's controls
  // on the page are worth a little (an own aim that cannot be reached must not block them).
  const remaining = own.length > 0 ? own : then;
  if (remaining.length === 0) return NO_AIM;
  const spare = own.length > 0 ? then : [];
  const declared = left(aim.declared ?? []).filter((declaration) => !remaining.includes(declaration) && !spare.includes(declaration));
  const routes = aim.routes?.routes ?? aim.affordances.flatMap(concreteRoutesOf);
  const page = new AimsOnPage({
    remaining,
    spare,
    declared,
    graph: aim.routes,
    routes,
    chain,
    pageUrl: observation.url,
    elements: observation.elements,
    candidates,
  });
  const weights = new Map<Affordance, number>();
  const weight = (affordance: Affordance): number => {
    if (!weights.has(affordance)) weights.set(affordance, page.weigh(affordance));
    return weights.get(affordance)!;
  };
  return { weight, remaining, hiddenWay: () => page.hiddenWay() };
}

interface PageContext {
  remaining: readonly AffordanceDeclaration[];
  spare: readonly AffordanceDeclaration[];
  declared: readonly AffordanceDeclaration[];
  graph: RouteGraph | undefined;
  routes: readonly string[];
  chain: Pick<ChainSoFar, 'attempted'>;
  pageUrl: string;
  elements: readonly Element[];
  candidates: readonly Affordance[];
}

/** The chain's remaining aims as seen from one page. */
class AimsOnPage {
  private readonly here: string;
  private readonly hereRoute: string;
  /**
   * Pages the chain has been on: going back finds nothing new (and a level ending on its start page
   * checks nothing), except where an attempt at a remaining aim failed.
   */
  private readonly visited: Set<string>;
  /** Remaining aims some affordance of this page exercises, and those bound to this route. */
  private readonly shown: AffordanceDeclaration[];
  private readonly shownHere: AffordanceDeclaration[];
  private readonly unreached: AffordanceDeclaration[];
  /** Whether an aim of this route is missing from this page (it may be on another tab, another order). */
  private readonly lostHere: boolean;
  private readonly targets: Set<string>;
  private readonly distance: Map<string, number>;
  /** Routes whose pages link to this route's pages (the list of orders, for an order). */
  private readonly listsHere: Set<string>;

  constructor(private readonly context: PageContext) {
    const { remaining, graph, routes, chain, pageUrl, candidates } = context;
    this.here = pathOf(pageUrl, pageUrl) ?? '/';
    this.hereRoute = routeOf(routes, this.here);
    // A page where an attempt at a remaining aim failed is worth another try (another row, no slip).
    const retry = new Set(
      chain.attempted
        .filter((subtask) => subtask.status === 'failed' && remaining.some((declaration) => exercises(declaration, subtask)))
        .map((subtask) => subtask.proposedAt),
    );
    this.visited = new Set([this.here, ...chain.attempted.map((subtask) => subtask.proposedAt).filter((path) => !retry.has(path))]);
    this.shown = remaining.filter((declaration) => candidates.some((affordance) => aimedBy(declaration, affordance, this.here)));
    this.shownHere = this.shown.filter((declaration) => this.boundHere(declaration));
    this.unreached = remaining.filter((declaration) => !this.shown.includes(declaration));
    this.lostHere = this.unreached.some((declaration) => this.boundHere(declaration));
    this.targets = new Set(this.unreached.flatMap(concreteRoutesOf).filter((route) => route !== this.hereRoute));
    this.distance = graph ? distancesTo(this.targets, graph) : new Map();
    this.listsHere = new Set(
      Object.entries(graph?.links ?? {}).flatMap(([from, tos]) => (from !== this.hereRoute && tos.includes(this.hereRoute) ? [from] : [])),
    );
  }

  weigh(affordance: Affordance): number {
    const onward = this.leadsOn(affordance);
    const hit = this.context.remaining.some((declaration) => aimedBy(declaration, affordance, this.here));
    const spare = this.context.spare.some((declaration) => aimedBy(declaration, affordance, this.here));
    const declared = this.context.declared.some((declaration) => aimedBy(declaration, affordance, this.here));
    // Any link out exercises a navigate aim; the one that also leads toward another aim is the one to take.
    const full = hit ? AIM_WEIGHT.hit * onward : Math.max(onward, spare ? AIM_WEIGHT.spare : declared ? AIM_WEIGHT.declared : 1);
    return full > AIM_WEIGHT.deferred && this.waits(affordance) ? AIM_WEIGHT.deferred : full;
  }

  /**
   * A link in a closed menu of this page (known from the app's route graph) that leads to an aimed
   * route or closer to one, with the element that opens the menu, when no visible link does: an
   * account menu is often the only way to an app's settings or address book.
   */
  hiddenWay(): HiddenWay | undefined {
    const menu = this.context.graph?.menus?.[this.hereRoute] ?? [];
    if (menu.length === 0 || this.targets.size === 0) return undefined;
    if (this.context.candidates.some((candidate) => this.leadsOn(candidate) >= AIM_WEIGHT.toward)) return undefined;
    const hereDistance = this.distance.get(this.hereRoute) ?? Infinity;
    const ways = menu
      .filter((link) => !this.visited.has(link.path))
      .map((link) => ({ link, route: routeOf(this.context.routes, link.path) }))
      .filter(({ route }) => this.targets.has(route) || (this.distance.get(route) ?? Infinity) < hereDistance)
      .sort((a, b) => Number(this.targets.has(b.route)) - Number(this.targets.has(a.route)));
    for (const { link } of ways) {
      const opener = this.context.elements.find(
        (element) => !element.disabled && (element.box?.width ?? 0) > 0 && normalizedEquals(element.name, link.opener),
      );
      if (opener) return { opener, link };
    }
    return undefined;
  }

  private boundHere(declaration: AffordanceDeclaration): boolean {
    return declaration.route !== '*' && routeMatches(declaration.route, this.here);
  }

  /** How strongly following the affordance leads toward an aim not on this page (1: not at all). */
  private leadsOn(affordance: Affordance): number {
    let best = 1;
    for (const destination of destinations(affordance, this.context.pageUrl, this.hereRoute, this.context.graph)) {
      const route = routeOf(this.context.routes, destination);
      const fresh = !this.visited.has(destination);
      const elsewhere = route !== this.hereRoute;
      // By the destination's most specific route (`/events/new` is not an event), or a declared subtree.
      const aimedRoute =
        this.targets.has(route) ||
        this.unreached.some((declaration) =>
          declaration.route.split('|').some((alternative) => alternative.endsWith('/*') && routeMatches(alternative, destination)),
        );
      if (elsewhere && fresh && aimedRoute) best = Math.max(best, AIM_WEIGHT.route);
      else if (
        elsewhere &&
        (fresh || !this.targets.has(route)) &&
        (this.distance.get(route) ?? Infinity) < (this.distance.get(this.hereRoute) ?? Infinity)
      )
        best = Math.max(best, AIM_WEIGHT.toward);
      // A list of the route's records is worth going back to, to open another one.
      else if (this.lostHere && (fresh || this.listsHere.has(route))) best = Math.max(best, this.elsewhereOnRoute(affordance, route));
    }
    return best;
  }

  /**
   * For an aim this page of the route lacks: another record of the route, or a list of them; else
   * another view of the page, which a small group of links offers (Grid | List, Active | Archived,
   * the pager), unlike a long list of filters (departments) or a sort.
   */
  private elsewhereOnRoute(affordance: Affordance, route: string): number {
    const records = this.hereRoute.includes(':');
    if (route !== this.hereRoute) return records && this.listsHere.has(route) ? AIM_WEIGHT.toward : 1;
    if (records) return AIM_WEIGHT.route;
    if (affordance.kind !== 'navigate' || affordance.sorts) return 1;
    const group = containerOf(affordance.element.path);
    const siblings = this.context.candidates.filter(
      (other) =>
        other.kind === 'navigate' &&
        containerOf(other.element.path) === group &&
        other.element.url !== undefined &&
        routeOf(this.context.routes, pathOf(other.element.url, this.context.pageUrl) ?? '') === this.hereRoute,
    );
    return siblings.length <= 3 ? AIM_WEIGHT.sameRoute : AIM_WEIGHT.filter;
  }

  /**
   * Leaving the page (a link, a search that loads another page) ends the aims only this page shows,
   * and removing its subject (Delete task) ends those and the ways on from it: each waits. A way out
   * that is an aim of this page itself waits only for the aims done without leaving.
   */
  private waits(affordance: Affordance): boolean {
    const { candidates } = this.context;
    const others = this.shownHere.filter((declaration) => !aimedBy(declaration, affordance, this.here));
    const doneHereBy = (keep: (candidate: Affordance) => boolean) =>
      others.some((declaration) => candidates.some((candidate) => keep(candidate) && aimedBy(declaration, candidate, this.here)));
    if (removesSubject(affordance))
      return others.length > 0 || candidates.some((candidate) => candidate !== affordance && this.leadsOn(candidate) > 1);
    // A form or menu outside the rows (a filter, a new item) changes which rows show: it waits for
    // the aims done on the rows shown now.
    if (reshapesList(affordance)) return doneHereBy(inRow);
    if (!this.leaves(affordance)) return false;
    // What removes the page's subject waits for the way out, not the other way round.
    if (!this.shownHere.some((declaration) => aimedBy(declaration, affordance, this.here)))
      return doneHereBy((candidate) => !removesSubject(candidate));
    return doneHereBy((candidate) => !this.leaves(candidate) && !removesSubject(candidate));
  }

  private leaves(affordance: Affordance): boolean {
    if (affordance.kind === 'navigate') return true;
    return (
      affordance.kind === 'form' &&
      affordance.search &&
      (this.context.graph?.searches[this.hereRoute] ?? []).some((route) => route !== this.hereRoute)
    );
  }
}

/**
 * Whether doing `affordance` on page `here` would exercise `declaration`, by coverage's matching,
 * except that following a link never stands in for a control of the same name (the "Archive"
 * folder link for an Archive row action) nor a control for a link.
 */
export function aimedBy(declaration: AffordanceDeclaration, affordance: Affordance, here: string): boolean {
  const interaction = affordanceKind(affordance);
  if ((interaction === 'navigate') !== (declaration.kind === 'navigate')) return false;
  return exercises(declaration, { proposedAt: here, interaction, affordance: affordance.key });
}

/** Where following an affordance leads: a link's or tab's target, or the routes a search form submits to. */
function destinations(affordance: Affordance, pageUrl: string, hereRoute: string, graph: RouteGraph | undefined): string[] {
  if (affordance.kind === 'navigate') {
    const destination = affordance.element.url ? pathOf(affordance.element.url, pageUrl) : undefined;
    return destination ? [destination] : [];
  }
  if (affordance.kind === 'form' && affordance.search) return graph?.searches[hereRoute] ?? [];
  return [];
}

/** A control acting on a row or list item of the page (a row's checkbox, a line's Remove); not a link or a read. */
function inRow(affordance: Affordance): boolean {
  if (affordance.kind !== 'toggle' && affordance.kind !== 'item-action' && affordance.kind !== 'select' && affordance.kind !== 'choice')
    return false;
  return rowContext(affordance.element) !== undefined;
}

/** A form or select outside any row that is no search: filtering or adding changes the rows shown. */
function reshapesList(affordance: Affordance): boolean {
  if (affordance.kind === 'form') return !affordance.search && !affordance.fields.some((field) => rowContext(field) !== undefined);
  return (affordance.kind === 'select' || affordance.kind === 'choice') && rowContext(affordance.element) === undefined;
}

/** The list, tab list or landmark an element sits in (its path without the list items). */
function containerOf(path: readonly string[]): string {
  return path.filter((entry) => !entry.startsWith('listitem')).join(' > ');
}

/**
 * An action that takes away the page's own subject: a Delete that names no item, or only its kind
 * ("Delete", "Delete task", "Delete this event"), outside any row. "Remove “Bamboo board”" names
 * its item and takes away one line.
 */
function removesSubject(affordance: Affordance): boolean {
  return (
    affordance.kind === 'item-action' &&
    affordance.within === undefined &&
    /^(delete|remove)(\s+(this |the )?[a-z]+)?$/i.test(affordance.element.name.trim())
  );
}

/** For every route, how many steps of the graph it is from the nearest target route. */
function distancesTo(targets: ReadonlySet<string>, graph: RouteGraph): Map<string, number> {
  const incoming = new Map<string, string[]>();
  for (const edges of [graph.links, graph.searches]) {
    for (const [from, tos] of Object.entries(edges)) for (const to of tos) incoming.set(to, [...(incoming.get(to) ?? []), from]);
  }
  const distance = new Map([...targets].map((route) => [route, 0]));
  const queue = [...targets];
  while (queue.length > 0) {
    const route = queue.shift()!;
    for (const from of incoming.get(route) ?? []) {
      if (distance.has(from)) continue;
      distance.set(from, distance.get(route)! + 1);
      queue.push(from);
    }
  }
  return distance;
}

function concreteRoutesOf(declaration: AffordanceDeclaration): string[] {
  return declaration.route.split('|').filter((route) => route.startsWith('/') && !route.includes('*'));
}

/** Same-origin path and query of `url` (resolved against `base`); undefined for another origin. */
function pathOf(url: string, base: string): string | undefined {
  try {
    const target = new URL(url, base);
    if (target.origin !== new URL(base).origin) return undefined;
    return target.pathname + target.search;
  } catch {
    return undefined;
  }
}
