import type { ExecutedAction } from '../../core/action.js';
import type { Point } from '../../core/geometry.js';

/** A trajsynth action as the Playwright call that does the same: what the trace viewer lists and shows in its Call tab. */
export interface TraceCall {
  class: string;
  method: string;
  /** What the action list shows, e.g. `click button "Add task"`. */
  title: string;
  params: Record<string, unknown>;
}

const MAX_QUOTED = 80;

/**
 * The Playwright call for an executed action: element actions as `Frame` calls on a role selector
 * (`internal:role=button[name="Add task"i]`, which the viewer renders as a `getByRole` locator),
 * actions without a named element as the `Page` mouse or keyboard call at `point` (viewport pixels).
 * click → click, dblclick → dblclick, hover → hover, type → fill, press → press or keyboard.press,
 * select → selectOption, scroll → mouse.wheel, navigate → goto, back → goBack, wait → waitForTimeout.
 */
export function traceCall(executed: ExecutedAction, point: Point | undefined): TraceCall {
  const action = executed.action;
  const target = 'target' in action ? action.target : undefined;
  const role = executed.element?.role ?? target?.role;
  const name = executed.element?.name ?? target?.name;
  const selector = role ? roleSelector(role, name) : undefined;
  const named = describeElement(role, name);
  const where = point ? `at (${round(point.x)}, ${round(point.y)})` : undefined;
  const element = named ?? where;
  const on = (verb: string) => (element ? `${verb} ${element}` : verb);
  const at = point ? { x: point.x, y: point.y } : {};
  switch (action.type) {
    case 'click':
      return selector
        ? frameCall('click', on('click'), { selector })
        : pageCall('mouseClick', on('click'), { ...at, button: 'left', clickCount: 1 });
    case 'dblclick':
      return selector
        ? frameCall('dblclick', on('double click'), { selector })
        : pageCall('mouseClick', on('double click'), { ...at, button: 'left', clickCount: 2 });
    case 'hover':
      return selector ? frameCall('hover', on('hover'), { selector }) : pageCall('mouseMove', on('hover'), at);
    case 'type':
      return frameCall('fill', `${on('fill')} with ${quote(action.text)}`, { ...(selector ? { selector } : {}), value: action.text });
    case 'press': {
      const keys = executed.keys ?? [action.key];
      const title = `press ${keys.map(quote).join(', ')}${element && target ? ` on ${element}` : ''}`;
      return selector && target
        ? frameCall('press', title, { selector, key: action.key })
        : pageCall('keyboardPress', title, { key: action.key });
    }
    case 'select':
      return frameCall('selectOption', `select ${quote(action.value)}${element ? ` in ${element}` : ''}`, {
        ...(selector ? { selector } : {}),
        options: [{ valueOrLabel: action.value }],
      });
    case 'scroll': {
      const deltaX = action.deltaX ?? 0;
      const over = named ? ` over ${named}` : where ? ` ${where}` : '';
      return pageCall('mouseWheel', `scroll by (${deltaX}, ${action.deltaY})${target ? over : ''}`, { deltaX, deltaY: action.deltaY });
    }
    case 'navigate':
      return frameCall('goto', `goto ${action.url}`, { url: action.url });
    case 'back':
      return pageCall('goBack', 'go back', {});
    case 'wait':
      return frameCall('waitForTimeout', `wait ${action.ms} ms`, { waitTimeout: action.ms });
    case 'done':
      return doneCall(action.answer);
  }
}

/** The trajectory's end: not a Playwright call, listed last with the answer, if any, on the end-state screenshot. */
export function doneCall(answer: string | undefined): TraceCall {
  return {
    class: 'Agent',
    method: 'done',
    title: answer === undefined ? 'done' : `done, answering ${quote(answer)}`,
    params: answer === undefined ? {} : { answer },
  };
}

function frameCall(method: string, title: string, params: Record<string, unknown>): TraceCall {
  return { class: 'Frame', method, title, params };
}

function pageCall(method: string, title: string, params: Record<string, unknown>): TraceCall {
  return { class: 'Page', method, title, params };
}

/** `button "Add task"`, `"Add task"` or `button`. */
function describeElement(role: string | undefined, name: string | undefined): string | undefined {
  if (role && name) return `${role} ${quote(name)}`;
  if (name) return quote(name);
  return role;
}

/** Playwright's role selector, the accessible name matched case-insensitively as getByRole does by default. */
function roleSelector(role: string, name: string | undefined): string {
  if (!name) return `internal:role=${role}`;
  return `internal:role=${role}[name="${name.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"i]`;
}

function quote(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return `"${oneLine.length > MAX_QUOTED ? `${oneLine.slice(0, MAX_QUOTED - 1)}…` : oneLine}"`;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
