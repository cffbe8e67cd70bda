import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AffordanceDeclaration } from '../../src/core/environment.js';
import { ObservationSchema, type Observation } from '../../src/core/observation.js';
import { Rng } from '../../src/core/random.js';
import type { Subtask } from '../../src/core/task.js';
import { findAffordances } from '../../src/agents/heuristic/affordances.js';
import { AIM_WEIGHT, aimingFor } from '../../src/agents/heuristic/aiming.js';
import { HeuristicProposer } from '../../src/agents/heuristic/proposer.js';
import { PERSONAS } from '../../src/agents/personas.js';
import type { ChainAim } from '../../src/agents/roles.js';
import { exercises } from '../../src/environments/coverage.js';
import { listEnvironments } from '../../src/environments/registry.js';
import { closedMenuLinks } from '../../src/environments/page-menus.js';
import type { RouteGraph } from '../../src/environments/site-map.js';
import { proposalThroughMenu } from '../../src/agents/heuristic/menu-way.js';
import { aimedAffordances } from '../../src/pipeline/chain-aims.js';
import { entryRoute } from '../../src/pipeline/entry-route.js';

/** The project page of the bundled tracker (scripts/record-observations.ts), at /projects/1. */
function fixture(name: string): Observation {
  const path = join(import.meta.dirname, '../fixtures/observations', `project-tracker-${name}.json`);
  return ObservationSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

const projectPage = fixture('projects-1');
const mark: AffordanceDeclaration = { route: '/projects/:id', kind: 'toggle', name: 'Mark', description: 'mark a task done' };
const people: AffordanceDeclaration = { route: '/people', kind: 'read', description: 'read a member’s open task count' };
const comment: AffordanceDeclaration = { route: '/tasks/:id', kind: 'form', name: 'Add comment', description: 'post a comment' };
const report: AffordanceDeclaration = { route: '/reports/:id', kind: 'read', description: 'read a report figure' };
const graph: RouteGraph = {
  routes: ['/', '/projects', '/projects/:id', '/tasks/:id', '/people', '/reports', '/reports/:id'],
  links: { '/projects/:id': ['/', '/people', '/projects', '/tasks/:id'], '/': ['/reports'], '/reports': ['/reports/:id'] },
  searches: {},
};

function propose(seed: number, aim?: ChainAim, accepted: Subtask[] = []) {
  return new HeuristicProposer({ followUp: accepted.length > 0 }).propose({
    observation: projectPage,
    persona: PERSONAS[0]!,
    chain: { accepted, attempted: accepted, explored: new Set(), avoid: new Set() },
    ...(aim ? { aim } : {}),
    rng: new Rng(seed),
    retry: 0,
    hasStateProbe: true,
  });
}

describe('sharing an app’s declared affordances among its chains', () => {
  it('gives every declaration to exactly one chain, the same way every time', () => {
    for (const manifest of listEnvironments()) {
      for (const chainCount of [1, 2, 5, 12]) {
        const shares = Array.from({ length: chainCount }, (_, ordinal) => aimedAffordances(manifest, ordinal, chainCount));
        expect(shares.flat().sort((a, b) => manifest.affordances.indexOf(a) - manifest.affordances.indexOf(b))).toEqual(
          manifest.affordances,
        );
        expect(aimedAffordances(manifest, 1 % chainCount, chainCount)).toEqual(shares[1 % chainCount]);
      }
    }
  });

  it('aims a chain first at the declarations of the route it starts on, up to one over its fair share', () => {
    for (const manifest of listEnvironments()) {
      for (let ordinal = 0; ordinal < 5; ordinal += 1) {
        const start = entryRoute(manifest, ordinal);
        // …except a control named like a declared link, which goes with the link ("Reply").
        const followsLink = (declaration: AffordanceDeclaration) =>
          manifest.affordances.some(
            (link) => link !== declaration && link.kind === 'navigate' && link.name !== undefined && link.name === declaration.name,
          );
        const onStart = manifest.affordances.filter((declaration) => declaration.route === start && !followsLink(declaration));
        const share = aimedAffordances(manifest, ordinal, 5);
        // …up to about one over its fair share: the rest go to chains with less to do.
        const fair = Math.ceil(manifest.affordances.length / 5);
        expect(onStart.filter((declaration) => share.includes(declaration)).length).toBeGreaterThanOrEqual(Math.min(onStart.length, fair));
        expect(share.length).toBeLessThanOrEqual(fair + 1);
      }
    }
  });

  it('gives a control named like a declared link to the chain that aims at the link', () => {
    const mail = listEnvironments().find((manifest) => manifest.id === 'mail')!;
    for (let ordinal = 0; ordinal < 5; ordinal += 1) {
      const names = aimedAffordances(mail, ordinal, 5).map((declaration) => `${declaration.kind} ${declaration.name ?? ''}`);
      expect(names.includes('navigate Reply')).toBe(names.includes('form Reply'));
    }
  });

  it('leaves nobody empty-handed: with fewer chains than routes, shares stay within a few of each other', () => {
    for (const manifest of listEnvironments()) {
      const sizes = Array.from({ length: 5 }, (_, ordinal) => aimedAffordances(manifest, ordinal, 5).length);
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('aiming on a page', () => {
  const candidates = findAffordances(projectPage);
  const fresh = { accepted: [], attempted: [] };
  const byKey = (key: string) => candidates.find((affordance) => affordance.key === key)!;

  it('weighs an affordance that exercises an aim by the same matching coverage uses', () => {
    const aiming = aimingFor({ affordances: [mark] }, fresh, projectPage, candidates);
    const toggles = candidates.filter((affordance) => affordance.kind === 'toggle');
    expect(toggles.length).toBeGreaterThan(0);
    for (const toggle of toggles) expect(aiming.weight(toggle)).toBe(AIM_WEIGHT.hit);
    expect(aiming.weight(candidates.find((affordance) => affordance.kind === 'read')!)).toBe(1);
  });

  it('weighs a link to an aimed route, and a link one step closer to one by the route graph', () => {
    const direct = aimingFor({ affordances: [people], routes: graph }, fresh, projectPage, candidates);
    expect(direct.weight(byKey('navigate:People'))).toBe(AIM_WEIGHT.route);
    expect(direct.weight(byKey('navigate:Dashboard'))).toBe(1);
    const twoAway = aimingFor({ affordances: [report], routes: graph }, fresh, projectPage, candidates);
    expect(twoAway.weight(byKey('navigate:Dashboard'))).toBe(AIM_WEIGHT.toward);
    expect(twoAway.weight(byKey('navigate:People'))).toBe(1);
  });

  it('never takes a link for a control of the same name, nor counts what the chain already did', () => {
    // "Apollo Web App" is a link to another project: that project's page may show an Apollo control
    // this one lacks, but following the link does not exercise one.
    const apollo = { route: '/projects/:id', kind: 'item-action' as const, name: 'Apollo', description: '' };
    const aiming = aimingFor({ affordances: [apollo] }, fresh, projectPage, candidates);
    expect(aiming.weight(byKey('navigate:Apollo Web App'))).toBe(AIM_WEIGHT.route);
    const done = {
      proposedAt: '/projects/1',
      interaction: 'toggle',
      affordance: 'toggle:Mark “Upgrade Terraform modules” done',
      status: 'accepted',
    } as Subtask;
    expect(exercises(mark, done)).toBe(true);
    const after = aimingFor({ affordances: [mark, comment] }, { accepted: [done], attempted: [done] }, projectPage, candidates);
    expect(after.remaining).toEqual([comment]);
    expect(after.weight(candidates.find((affordance) => affordance.kind === 'toggle')!)).toBe(1);
  });

  it('leaves the page last while it shows other aims, then prefers a way out that leads to one', () => {
    const leave: AffordanceDeclaration = { route: '/projects/:id', kind: 'navigate', description: 'open a task' };
    const both = aimingFor({ affordances: [mark, leave, people], routes: graph }, fresh, projectPage, candidates);
    expect(both.weight(byKey('navigate:People'))).toBe(AIM_WEIGHT.deferred);
    const marked = {
      proposedAt: '/projects/1',
      interaction: 'toggle',
      affordance: 'toggle:Mark “Upgrade Terraform modules” done',
      status: 'accepted',
    } as Subtask;
    const after = aimingFor(
      { affordances: [mark, leave, people], routes: graph },
      { accepted: [marked], attempted: [marked] },
      projectPage,
      candidates,
    );
    expect(after.weight(byKey('navigate:People'))).toBe(AIM_WEIGHT.hit * AIM_WEIGHT.route);
    expect(after.weight(byKey('navigate:Dashboard'))).toBe(AIM_WEIGHT.hit);
  });

  it('deletes the page’s subject only after following the links it aims at from there', () => {
    const taskPage = fixture('tasks-3');
    const onTask = findAffordances(taskPage);
    const remove: AffordanceDeclaration = { route: '/tasks/:id', kind: 'item-action', name: 'Delete', description: 'delete the task' };
    const open: AffordanceDeclaration = { route: '/tasks/:id', kind: 'navigate', description: 'open the project' };
    const aiming = aimingFor({ affordances: [remove, open] }, fresh, taskPage, onTask);
    const deleteTask = onTask.find((affordance) => affordance.key === 'item:Delete task')!;
    expect(aiming.weight(deleteTask)).toBe(AIM_WEIGHT.deferred);
    expect(aiming.weight(onTask.find((affordance) => affordance.kind === 'navigate')!)).toBe(AIM_WEIGHT.hit);
    const alone = aimingFor({ affordances: [remove] }, fresh, taskPage, onTask);
    expect(alone.weight(deleteTask)).toBe(AIM_WEIGHT.hit);
    // An aim elsewhere: the way there goes first, and the deletion waits for it.
    const elsewhere = aimingFor({ affordances: [remove, people], routes: graph }, fresh, taskPage, onTask);
    expect(elsewhere.weight(onTask.find((affordance) => affordance.key === 'navigate:People')!)).toBe(AIM_WEIGHT.route);
    expect(elsewhere.weight(deleteTask)).toBe(AIM_WEIGHT.deferred);
  });

  it('filters or adds to a list only after the aims on its rows as shown now', () => {
    const filter: AffordanceDeclaration = { route: '/projects/:id', kind: 'select', name: 'Filter', description: 'filter the task list' };
    const filterForm = candidates.find((affordance) => affordance.key === 'form:Filter tasks')!;
    expect(aimingFor({ affordances: [filter, mark] }, fresh, projectPage, candidates).weight(filterForm)).toBe(AIM_WEIGHT.deferred);
    const marked = {
      proposedAt: '/projects/1',
      interaction: 'toggle',
      affordance: 'toggle:Mark “Upgrade Terraform modules” done',
      status: 'accepted',
    } as Subtask;
    expect(
      aimingFor({ affordances: [filter, mark] }, { accepted: [marked], attempted: [marked] }, projectPage, candidates).weight(filterForm),
    ).toBe(AIM_WEIGHT.hit);
  });

  it('does not send the chain back to a page it has been on, unless an attempt at an aim failed there', () => {
    const been = { proposedAt: '/people', interaction: 'navigate', affordance: 'navigate:Ada Lovelace', status: 'accepted' } as Subtask;
    const aiming = aimingFor({ affordances: [people], routes: graph }, { accepted: [been], attempted: [been] }, projectPage, candidates);
    expect(aiming.weight(byKey('navigate:People'))).toBe(1);
    const slipped = { proposedAt: '/people', interaction: 'read', affordance: 'read:Role', status: 'failed' } as Subtask;
    const again = aimingFor({ affordances: [people], routes: graph }, { accepted: [], attempted: [slipped] }, projectPage, candidates);
    expect(again.weight(byKey('navigate:People'))).toBe(AIM_WEIGHT.route);
  });

  it('gives an aimed control one more try at the next level after a failure, never when its check already held', async () => {
    const key = 'toggle:Mark “Upgrade Terraform modules” done';
    const failed = { proposedAt: '/projects/1', interaction: 'toggle', affordance: key, status: 'failed' } as Subtask;
    const only = { route: '/projects/:id', kind: 'toggle' as const, name: 'Mark “Upgrade Terraform', description: '' };
    const proposeAfter = (retry: number, settled: Set<string>) =>
      new HeuristicProposer({ followUp: false }).propose({
        observation: projectPage,
        persona: PERSONAS[0]!,
        chain: { accepted: [], attempted: [failed], explored: new Set([key]), avoid: new Set([key]), settled },
        aim: { affordances: [only] },
        rng: new Rng(3),
        retry,
        hasStateProbe: true,
      });
    expect((await proposeAfter(0, new Set()))?.affordance).toBe(key);
    expect((await proposeAfter(1, new Set()))?.affordance).not.toBe(key);
    expect((await proposeAfter(0, new Set([key])))?.affordance).not.toBe(key);
  });

  it('steers the proposer toward its aim, and changes nothing without one', async () => {
    let aimed = 0;
    for (let seed = 0; seed < 10; seed += 1) {
      const proposal = (await propose(seed, { affordances: [people], routes: graph }))!;
      if (proposal.affordance === 'navigate:People') aimed += 1;
      const unaimed = await propose(seed);
      expect(await propose(seed)).toEqual(unaimed);
      expect(await propose(seed, { affordances: [] })).toEqual(unaimed);
    }
    expect(aimed).toBeGreaterThanOrEqual(7);
  });
});

describe('ways through closed menus', () => {
  const html = `<header><details class="menu"><summary aria-label="Account menu"><span aria-hidden="true">DA</span>Daniel</summary>
    <ul><li><a href="/orders"><svg><path d="M0"/></svg>Your orders</a></li><li><a href="/addresses">Addresses</a></li>
    <li><a href="https://elsewhere.example/help">Help</a></li></ul></details>
    <details open><summary>Filters</summary><a href="/products?sale=1">On sale</a></details></header>`;

  it('finds the links a closed <details> menu keeps, named as the tree will name them', () => {
    expect(closedMenuLinks(html, new URL('http://127.0.0.1:4100/'))).toEqual([
      { opener: 'Account menu', name: 'Your orders', path: '/orders' },
      { opener: 'Account menu', name: 'Addresses', path: '/addresses' },
    ]);
  });

  it('opens the menu when nothing visible leads toward an aim, checking the address it reaches', () => {
    const address: AffordanceDeclaration = { route: '/addresses', kind: 'form', name: 'New address', description: 'save an address' };
    const opener = { ref: 'e90', role: 'button', name: 'Account menu', path: ['banner'], box: { x: 1, y: 1, width: 40, height: 20 } };
    const page = { ...projectPage, elements: [...projectPage.elements, opener] };
    const candidates = findAffordances(page);
    const withMenu: RouteGraph = {
      ...graph,
      routes: [...graph.routes, '/addresses'],
      menus: { '/projects/:id': [{ opener: 'Account menu', name: 'Addresses', path: '/addresses' }] },
    };
    const way = aimingFor({ affordances: [address], routes: withMenu }, { accepted: [], attempted: [] }, page, candidates).hiddenWay();
    expect(way?.opener.ref).toBe('e90');
    const proposal = proposalThroughMenu(way!, page, new Rng(1));
    expect(proposal.predicates).toEqual([{ kind: 'url', includes: '/addresses', exact: true }]);
    expect(proposal.plan?.map((action) => (action.type === 'click' ? action.target.name : ''))).toEqual(['Account menu', 'Addresses']);
    for (const entity of proposal.entities) expect(proposal.description).toContain(entity);
    // A visible way (the People link, for an aim on /people) comes first.
    const visible = aimingFor({ affordances: [address, people], routes: withMenu }, { accepted: [], attempted: [] }, page, candidates);
    expect(visible.hiddenWay()).toBeUndefined();
  });
});
