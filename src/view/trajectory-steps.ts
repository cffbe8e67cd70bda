import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ModelCall } from '../core/usage.js';
import type { Step } from '../core/step.js';
import { markerLabel } from '../core/step-label.js';
import type { CallView, StepView } from './site-model.js';
import { snapshotDiff } from './snapshot-diff.js';

export interface TrajectoryStepsOptions {
  /** The chain's or episode's directory (step files are relative to it). */
  dir: string;
  steps: readonly Step[];
  /** Site-relative folder the screenshots are copied to, e.g. `img/c0001`. */
  imageDir: string;
  /**
   * The subtask a step serves (a revision, for the steps of the failed attempt it relabelled), its
   * place in the page's subtask list, and whether its attempt failed.
   */
  subtaskOf(step: Step): { id: string; position: number; attempt: StepView['attempt'] };
  /** Model calls made for each step, by step index. */
  callsByStep: Map<number, CallView[]>;
  /** Show URLs without their origin (a bundled app's origin is a port chosen per episode). */
  pathOnly: boolean;
  /** Collects the files to copy: absolute source by site-relative destination. */
  images: Map<string, string>;
}

/** The step timeline of a chain or episode, with each action's marker and snapshot change. */
export async function trajectorySteps(options: TrajectoryStepsOptions): Promise<StepView[]> {
  const snapshots = new Map<string, Promise<string>>();
  const snapshot = (file: string): Promise<string> => {
    let text = snapshots.get(file);
    if (!text) {
      text = readFile(join(options.dir, file), 'utf8').catch(() => '');
      snapshots.set(file, text);
    }
    return text;
  };
  const views: StepView[] = [];
  for (const step of options.steps) {
    const { executed } = step;
    const { id, position, attempt } = options.subtaskOf(step);
    const [before, after] = await Promise.all([snapshot(step.before.snapshot), snapshot(step.after.snapshot)]);
    views.push({
      index: step.index,
      subtaskId: id,
      ...(id !== step.subtaskId ? { attemptOf: step.subtaskId } : {}),
      subtaskPosition: position,
      attempt,
      url: shownUrl(step.before.url, options.pathOnly),
      title: step.before.title,
      urlAfter: shownUrl(executed.urlAfter, options.pathOnly),
      image: siteImage(options, step.before.screenshot),
      afterImage: siteImage(options, step.after.screenshot),
      label: markerLabel(step),
      actionType: executed.action.type,
      executed,
      ...(executed.element?.box ? { box: executed.element.box } : {}),
      ...(executed.coordinates ? { point: executed.coordinates } : {}),
      ok: executed.outcome.ok,
      ...(executed.outcome.ok ? {} : { error: executed.outcome.error }),
      timings: step.timings,
      diff: snapshotDiff(before, after),
      calls: options.callsByStep.get(step.index) ?? [],
    });
  }
  return views;
}

/** Copies the stored screenshot into the site (once) and returns its site-relative path. */
export function siteImage(options: Pick<TrajectoryStepsOptions, 'dir' | 'imageDir' | 'images'>, file: string): string {
  const destination = `${options.imageDir}/${file.split('/').pop()}`;
  options.images.set(destination, join(options.dir, file));
  return destination;
}

export function shownUrl(url: string, pathOnly: boolean): string {
  if (!pathOnly) return url;
  try {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}${parsed.hash}`;
  } catch {
    return url;
  }
}

export function callView(call: ModelCall): CallView {
  return {
    role: call.role,
    model: call.model,
    inputTokens: call.inputTokens,
    outputTokens: call.outputTokens,
    cacheReadTokens: call.cacheReadTokens,
    images: call.images,
    latencyMs: call.latencyMs,
    ...(call.costUsd !== undefined ? { costUsd: call.costUsd } : {}),
    ...(call.fromCache ? { fromCache: true } : {}),
  };
}

/** Roles whose calls choose a step's action, one call per step, in order. */
const ACTING_ROLES = new Set(['executor', 'agent', 'policy']);

/**
 * Attributes model calls to steps: the acting calls of a subtask (or episode) in order, one per step,
 * when their count matches its steps; every other call stays with the subtask.
 */
export function attributeCalls(
  calls: readonly ModelCall[],
  stepsOf: (subtaskId: string | undefined) => readonly Step[],
): { byStep: Map<number, CallView[]>; bySubtask: Map<string, CallView[]> } {
  const byStep = new Map<number, CallView[]>();
  const bySubtask = new Map<string, CallView[]>();
  const groups = new Map<string, ModelCall[]>();
  for (const call of calls) {
    const key = call.subtaskId ?? '';
    groups.set(key, [...(groups.get(key) ?? []), call]);
  }
  for (const [subtaskId, group] of groups) {
    const steps = stepsOf(subtaskId || undefined);
    const acting = group.filter((call) => ACTING_ROLES.has(call.role));
    const perStep = acting.length > 0 && acting.length === steps.length;
    if (perStep) acting.forEach((call, index) => byStep.set(steps[index]!.index, [callView(call)]));
    const rest = perStep ? group.filter((call) => !ACTING_ROLES.has(call.role)) : group;
    if (rest.length > 0) bySubtask.set(subtaskId, rest.map(callView));
  }
  return { byStep, bySubtask };
}
