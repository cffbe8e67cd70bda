import type { Step } from './step.js';

/** A short label for a step's action, e.g. `#3 click button "Add task"`, for markers and timelines. */
export function markerLabel(step: Pick<Step, 'index' | 'executed'>): string {
  const { action, element } = step.executed;
  const what = element?.name ? ` ${element.role ?? ''} "${element.name}"`.replace(/\s+"/, ' "') : '';
  const detail =
    action.type === 'type'
      ? ` ← "${action.text}"`
      : action.type === 'select'
        ? ` → "${action.value}"`
        : action.type === 'scroll'
          ? ` ${action.deltaY}px`
          : '';
  const failed = step.executed.outcome.ok ? '' : ' (failed)';
  const verb = action.type === 'press' ? `press ${action.key}` : action.type;
  return `#${step.index} ${verb}${what}${detail}${failed}`;
}
