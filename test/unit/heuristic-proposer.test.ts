import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ObservationSchema, type Observation } from '../../src/core/observation.js';
import { ProposalSchema, type Proposal, type Subtask } from '../../src/core/task.js';
import { Rng } from '../../src/core/random.js';
import { findAffordances } from '../../src/agents/heuristic/affordances.js';
import { HeuristicProposer } from '../../src/agents/heuristic/proposer.js';
import { PERSONAS } from '../../src/agents/personas.js';
import { evaluatePredicates } from '../../src/environments/predicates.js';

/** Observations recorded from the bundled project tracker (scripts/record-observations.ts). */
function fixture(name: string): Observation {
  const path = join(import.meta.dirname, '../fixtures/observations', `project-tracker-${name}.json`);
  return ObservationSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

const projectPage = fixture('projects-1');
const taskPage = fixture('tasks-3');
const persona = PERSONAS[0]!;

function propose(
  observation: Observation,
  seed: number,
  chain: Partial<{ accepted: Subtask[]; explored: Set<string>; avoid: Set<string> }> = {},
  followUp = false,
) {
  return new HeuristicProposer({ followUp }).propose({
    observation,
    persona,
    chain: {
      accepted: chain.accepted ?? [],
      attempted: chain.accepted ?? [],
      explored: chain.explored ?? new Set(),
      avoid: chain.avoid ?? new Set(),
    },
    rng: new Rng(seed),
    retry: 0,
    hasStateProbe: true,
  });
}

describe('affordances from a recorded accessibility snapshot', () => {
  it('finds the forms of the project page with their fields and submit buttons', () => {
    const forms = findAffordances(projectPage).filter((affordance) => affordance.kind === 'form');
    const newTask = forms.find((form) => form.kind === 'form' && form.formName === 'New task');
    expect(newTask?.kind === 'form' && newTask.fields.map((field) => `${field.role}:${field.name}`)).toEqual([
      'textbox:Title',
      'combobox:Assignee',
      'combobox:Priority',
      'textbox:Due date',
    ]);
    expect(newTask?.kind === 'form' && newTask.submit?.name).toBe('Add task');
    expect(forms.some((form) => form.kind === 'form' && form.search)).toBe(true);
  });

  it('finds row toggles, item actions and readable cells named by their row', () => {
    const affordances = findAffordances(projectPage);
    const toggle = affordances.find((affordance) => affordance.kind === 'toggle');
    expect(toggle?.kind === 'toggle' && toggle.element.name).toMatch(/^Mark “.+” done$/);
    const archive = affordances.find((affordance) => affordance.kind === 'item-action');
    expect(archive?.kind === 'item-action' && archive.verb).toBe('Archive');
    const read = affordances.find((affordance) => affordance.kind === 'read' && affordance.attribute === 'Due date');
    expect(read?.kind === 'read' && read.item).not.toMatch(/^Mark/);
    expect(affordances.filter((affordance) => affordance.kind === 'read' && affordance.attribute === 'Actions')).toEqual([]);
  });

  it('names the subject of a detail page for generic item actions ("Delete task")', () => {
    const heading = taskPage.elements.find((element) => element.role === 'heading' && element.level === 1)!;
    const remove = findAffordances(taskPage).find((affordance) => affordance.kind === 'item-action');
    expect(remove?.kind === 'item-action' && remove.item).toBe(heading.name);
    expect(remove?.kind === 'item-action' && remove.noun).toBe('task');
  });
});

describe('heuristic proposer', () => {
  it('proposes valid, grounded tasks whose postcondition is false on the page it was proposed on', async () => {
    const kinds = new Set<string>();
    for (let seed = 0; seed < 40; seed += 1) {
      const proposal = (await propose(projectPage, seed))!;
      ProposalSchema.parse(proposal);
      kinds.add(proposal.interaction);
      for (const entity of proposal.entities) expect(proposal.description).toContain(entity);
      const pagePredicates = proposal.predicates.filter((predicate) => predicate.kind === 'url' || predicate.kind === 'answer');
      const values = await evaluatePredicates(pagePredicates, {
        state: undefined,
        page: { url: projectPage.url, text: projectPage.snapshot, elements: projectPage.elements },
      });
      expect(values.every(Boolean)).toBe(pagePredicates.length === 0);
      for (const action of proposal.plan ?? []) {
        if ('target' in action && action.target?.name) {
          expect(projectPage.elements.some((element) => element.role === action.target!.role && element.name === action.target!.name)).toBe(
            true,
          );
        }
      }
    }
    expect(kinds.size).toBeGreaterThanOrEqual(5);
  });

  it('is deterministic for a seed and varies across seeds', async () => {
    const a = await propose(projectPage, 3);
    const b = await propose(projectPage, 3);
    expect(a).toEqual(b);
    const descriptions = new Set<string>();
    for (let seed = 0; seed < 20; seed += 1) descriptions.add((await propose(projectPage, seed))!.description);
    expect(descriptions.size).toBeGreaterThan(12);
  });

  it('fills a create form with field-appropriate values and checks the record in the state', async () => {
    let form: Proposal | undefined;
    for (let seed = 0; seed < 60 && !form; seed += 1) {
      const proposal = await propose(projectPage, seed);
      if (proposal?.affordance === 'form:New task') form = proposal;
    }
    expect(form).toBeDefined();
    const typed = form!.plan!.filter((action) => action.type === 'type');
    const due = typed.find((action) => action.type === 'type' && action.target.name === 'Due date');
    expect(due?.type === 'type' && due.text).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const title = typed.find((action) => action.type === 'type' && action.target.name === 'Title');
    expect(form!.predicates).toContainEqual({ kind: 'state-value', value: title?.type === 'type' ? title.text : '', present: true });
    expect(form!.plan![form!.plan!.length - 1]).toMatchObject({ type: 'click', target: { role: 'button', name: 'Add task' } });
  });

  it('never proposes an affordance the chain asked to avoid', async () => {
    const all = findAffordances(projectPage).map((affordance) => affordance.key);
    const keep = all.find((key) => key.startsWith('toggle:'))!;
    const avoid = new Set(all.filter((key) => key !== keep));
    const proposal = await propose(projectPage, 1, { avoid });
    expect(proposal?.affordance).toBe(keep);
  });

  it('follow-ups prefer elements that mention entities the chain touched', async () => {
    const toggle = findAffordances(projectPage).find((affordance) => affordance.kind === 'toggle')!;
    const title = toggle.kind === 'toggle' ? /“(.+)”/.exec(toggle.element.name)![1]! : '';
    const previous = {
      ...(await propose(projectPage, 0))!,
      entities: [title],
      id: 'c-s01',
      origin: 'proposed',
      status: 'accepted',
    } as Subtask;
    let related = 0;
    for (let seed = 0; seed < 30; seed += 1) {
      const proposal = await propose(projectPage, seed, { accepted: [previous] }, true);
      if (proposal?.entities.includes(title)) related += 1;
    }
    expect(related).toBeGreaterThan(15);
  });
});
