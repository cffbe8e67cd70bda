import type { EnvironmentState } from '../core/environment.js';
import type { PageView } from '../core/observation.js';
import type { Predicate } from '../core/predicate.js';
import { diffStates, labelField } from '../agents/heuristic/state-diff.js';
import { evaluatePredicates } from '../environments/predicates.js';
import type { LevelEnd } from './chain-audit.js';

/**
 * Predicates that hold where the gold left the level and fail at the end of every surviving
 * near-miss: a field of a record the gold made or changed (or a record it removed), else text the
 * gold's page shows. Undefined when a survivor cannot be told apart (a wrong answer, a near-miss whose
 * end was not kept, one that ends exactly where the gold does).
 */
export async function tellApart(
  gold: LevelEnd,
  survivors: ReadonlyArray<{ mutation: string; end?: { state: EnvironmentState | undefined; page: PageView } }>,
): Promise<Predicate[] | undefined> {
  if (survivors.some((survivor) => !survivor.end)) return undefined;
  const chosen: Predicate[] = [];
  for (const survivor of survivors) {
    const end = survivor.end!;
    const killedAlready = chosen.length > 0 && !(await holdsAt(chosen, end));
    if (killedAlready) continue;
    const candidate = candidatesBetween(gold, end).find(() => true);
    if (!candidate) return undefined;
    chosen.push(candidate);
  }
  for (const predicate of chosen) if (!(await holdsAt([predicate], gold))) return undefined;
  return chosen;
}

async function holdsAt(
  predicates: readonly Predicate[],
  moment: { state: EnvironmentState | undefined; page: PageView },
): Promise<boolean> {
  const values = await evaluatePredicates(predicates, { state: moment.state, page: moment.page });
  return values.length > 0 && values.every(Boolean);
}

/** What the gold produced that the near-miss did not: record fields first, then page text. */
function candidatesBetween(gold: LevelEnd, near: { state: EnvironmentState | undefined; page: PageView }): Predicate[] {
  const candidates: Predicate[] = [];
  if (gold.state && near.state) {
    for (const change of diffStates(near.state, gold.state)) {
      const label = labelField(change.record);
      const key = label ? { [label]: change.record[label] as string } : { id: change.record.id as string | number };
      if (change.kind === 'removed') {
        candidates.push({ kind: 'state-count', collection: change.collection, where: key, op: 'eq', count: 0 });
      } else if (change.kind === 'created' && label) {
        candidates.push({
          kind: 'state-field',
          collection: change.collection,
          match: key,
          field: label,
          equals: change.record[label] as string,
        });
      } else {
        for (const field of change.fields) {
          const value = field.after;
          if (value === null || ['string', 'number', 'boolean'].includes(typeof value))
            candidates.push({
              kind: 'state-field',
              collection: change.collection,
              match: key,
              field: field.field,
              equals: value as string | number | boolean | null,
            });
        }
      }
    }
  }
  const nearLines = new Set(near.page.text.split('\n'));
  for (const line of gold.page.text.split('\n')) {
    if (line.trim().length >= 3 && !nearLines.has(line) && !near.page.text.includes(line.trim()))
      candidates.push({ kind: 'text', text: line.trim(), present: true, path: pagePath(gold.page.url) });
  }
  return candidates;
}

function pagePath(url: string): string {
  const parsed = new URL(url);
  return parsed.pathname + parsed.search + (/^#!?\/./.test(parsed.hash) ? parsed.hash : '');
}
