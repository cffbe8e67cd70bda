/**
 * Anthropic's computer-use tool speaks its own action vocabulary (left_click, double_click, type,
 * key with xdotool key names, scroll with a direction and amount, coordinates in the scaled display):
 * this maps one of its calls to trajsynth's Action in page pixels. A vendor format, so it lives with
 * the provider, not with the agents that use it.
 */
import type { Action } from '../../core/action.js';
import type { ToolCallPart } from '../language-model.js';

export type Mapped =
  { kind: 'act'; action: Action; point?: { x: number; y: number } } | { kind: 'screenshot' } | { kind: 'unsupported'; reason: string };

const KEY_NAMES: Record<string, string> = {
  return: 'Enter',
  enter: 'Enter',
  esc: 'Escape',
  escape: 'Escape',
  tab: 'Tab',
  backspace: 'Backspace',
  delete: 'Delete',
  space: 'Space',
  ctrl: 'Control',
  control: 'Control',
  alt: 'Alt',
  shift: 'Shift',
  cmd: 'Meta',
  super: 'Meta',
  page_down: 'PageDown',
  page_up: 'PageUp',
  up: 'ArrowUp',
  down: 'ArrowDown',
  left: 'ArrowLeft',
  right: 'ArrowRight',
  home: 'Home',
  end: 'End',
};

/** Maps a computer-tool call (xdotool-style key names, scaled coordinates) to our Action. */
export function toAction(call: ToolCallPart, scale: number, lastPoint: { x: number; y: number } | undefined): Mapped {
  const input = (call.input ?? {}) as {
    action?: string;
    coordinate?: [number, number];
    text?: string;
    scroll_direction?: string;
    scroll_amount?: number;
    duration?: number;
  };
  const point = input.coordinate ? { x: Math.round(input.coordinate[0] / scale), y: Math.round(input.coordinate[1] / scale) } : undefined;
  switch (input.action) {
    case 'screenshot':
      return { kind: 'screenshot' };
    case 'left_click':
    case 'triple_click':
      return pointerAction('click', input.action, point, lastPoint);
    case 'double_click':
      return pointerAction('dblclick', input.action, point, lastPoint);
    case 'mouse_move':
      return point
        ? { kind: 'act', action: { type: 'hover', target: { point } }, point }
        : { kind: 'unsupported', reason: 'mouse_move needs a coordinate' };
    case 'type':
      if (input.text === undefined) return { kind: 'unsupported', reason: 'type needs text' };
      return lastPoint
        ? { kind: 'act', action: { type: 'type', target: { point: lastPoint }, text: input.text, clear: false } }
        : { kind: 'act', action: { type: 'press', key: input.text } };
    case 'key':
      return input.text
        ? { kind: 'act', action: { type: 'press', key: keyName(input.text) } }
        : { kind: 'unsupported', reason: 'key needs text' };
    case 'scroll': {
      const amount = (input.scroll_amount ?? 3) * 100;
      const direction = input.scroll_direction ?? 'down';
      const deltaY = direction === 'up' ? -amount : direction === 'down' ? amount : 0;
      const deltaX = direction === 'left' ? -amount : direction === 'right' ? amount : 0;
      return {
        kind: 'act',
        action: { type: 'scroll', deltaX, deltaY, ...(point ? { target: { point } } : {}) },
        ...(point ? { point } : {}),
      };
    }
    case 'wait':
      return { kind: 'act', action: { type: 'wait', ms: Math.min(5000, Math.round((input.duration ?? 1) * 1000)) } };
    default:
      return {
        kind: 'unsupported',
        reason: `The action ${JSON.stringify(input.action)} is not supported here; use left_click, double_click, type, key, scroll, mouse_move, wait or screenshot.`,
      };
  }
}

/**
 * A click or double click at the call's coordinate. Without one the tool means "where the mouse is",
 * which is the last point we acted at; that point is not returned again since the mouse did not move.
 */
function pointerAction(
  type: 'click' | 'dblclick',
  toolAction: string,
  point: { x: number; y: number } | undefined,
  lastPoint: { x: number; y: number } | undefined,
): Mapped {
  if (point) return { kind: 'act', action: { type, target: { point } }, point };
  if (lastPoint) return { kind: 'act', action: { type, target: { point: lastPoint } } };
  return { kind: 'unsupported', reason: `${toolAction} needs a coordinate` };
}

function keyName(xdotool: string): string {
  return xdotool
    .split('+')
    .map((part) => KEY_NAMES[part.toLowerCase()] ?? (part.length === 1 ? part : part[0]!.toUpperCase() + part.slice(1)))
    .join('+');
}
