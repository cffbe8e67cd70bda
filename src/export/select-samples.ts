import { TrajsynthError } from '../core/errors.js';
import { InteractionKindSchema, type InteractionKind } from '../core/task.js';
import type { TrajectorySample } from './sample.js';

/** Which samples an export keeps. Every filter given must be satisfied. */
export interface SampleFilters {
  minLevel?: number;
  maxLevel?: number;
  /** Environment ids (bundled app ids, or `url`). */
  environments?: string[];
  /** Keep a sample when any of its subtasks exercises one of these kinds. */
  kinds?: InteractionKind[];
  /** Drop level-k tasks whose gold steps failed replay or whose checker a near-miss passes (where replay or audit results exist). */
  validOnly?: boolean;
  /** Keep only samples whose human-review consensus has this label (accepted, rejected, unsure, disputed, pending). */
  reviewed?: string;
  /** Evaluation episodes: keep only successes. */
  successOnly?: boolean;
}

export function parseKinds(values: readonly string[]): InteractionKind[] {
  return values.map((value) => {
    const parsed = InteractionKindSchema.safeParse(value);
    if (!parsed.success) {
      throw new TrajsynthError(`Expected --kind to be one of ${InteractionKindSchema.options.join(', ')}, got "${value}"`, {
        code: 'BAD_INPUT',
      });
    }
    return parsed.data;
  });
}

/** Why a sample is left out, or undefined when it is kept. */
export function exclusionReason(sample: Omit<TrajectorySample, 'split'>, filters: SampleFilters): string | undefined {
  if (filters.minLevel !== undefined && sample.level < filters.minLevel) return '--min-level';
  if (filters.maxLevel !== undefined && sample.level > filters.maxLevel) return '--max-level';
  if (filters.environments && !filters.environments.includes(sample.environment)) return '--env';
  if (filters.kinds && sample.kind === 'synth' && !sample.interactions.some((kind) => filters.kinds!.includes(kind))) return '--kind';
  if (filters.validOnly && sample.replayValid === false) return '--valid-only (failed replay)';
  if (filters.validOnly && sample.checkerSound === false) return '--valid-only (a near-miss passes its checker)';
  if (filters.reviewed !== undefined && sample.review !== filters.reviewed) return '--reviewed';
  if (filters.successOnly && sample.kind === 'eval' && sample.outcome?.success !== true) return '--success-only';
  return undefined;
}

/**
 * Checks the filters against what the sources can answer, before selecting: a filter no source can
 * apply is an error, not an empty dataset.
 */
export function checkFiltersApply(
  filters: SampleFilters,
  samples: readonly Omit<TrajectorySample, 'split'>[],
  sources: readonly { runId: string; kind: 'synth' | 'eval'; hasReplay: boolean; hasAudit?: boolean }[],
): void {
  if (filters.minLevel !== undefined && filters.maxLevel !== undefined && filters.minLevel > filters.maxLevel) {
    throw new TrajsynthError(`Expected --min-level (${filters.minLevel}) to be at most --max-level (${filters.maxLevel})`, {
      code: 'BAD_INPUT',
    });
  }
  if (filters.successOnly && !sources.some((source) => source.kind === 'eval')) {
    throw new TrajsynthError('Expected an evaluation run among the sources for --success-only, got only synthesis runs', {
      code: 'BAD_INPUT',
      hint: 'Drop --success-only, or export an evaluation run (trajsynth eval RUN --agent SPEC).',
    });
  }
  if (filters.validOnly && !sources.some((source) => source.hasReplay || source.hasAudit)) {
    throw new TrajsynthError(
      `Expected replay or audit results for --valid-only, got none in ${sources.map((source) => source.runId).join(', ')}`,
      {
        code: 'BAD_INPUT',
        hint: `Run \`trajsynth audit ${sources[0]?.runId ?? 'RUN'}\` (or \`trajsynth replay\`) first, or drop --valid-only.`,
      },
    );
  }
  if (filters.reviewed !== undefined && !samples.some((sample) => sample.review !== undefined)) {
    throw new TrajsynthError(
      `Expected human reviews for --reviewed ${filters.reviewed}, got none in ${sources.map((source) => source.runId).join(', ')}`,
      {
        code: 'BAD_INPUT',
        hint: 'Drop --reviewed, or review the run first: verdicts go to trajectories/<run>/reviews.jsonl (merge copies with `trajsynth reviews RUN --merge FILE`).',
      },
    );
  }
  if (filters.kinds && !sources.some((source) => source.kind === 'synth')) {
    throw new TrajsynthError(
      'Expected a synthesis run among the sources for --kind (evaluation episodes carry no interaction kinds), got only evaluation runs',
      { code: 'BAD_INPUT' },
    );
  }
}
