import type { Action, Target } from '../core/index.js';

/** A target as a person would name it: `button "Save" [ref=e5] at (120, 40)`. */
export function describeTarget(target: Target): string {
  const parts: string[] = [];
  if (target.role) parts.push(target.name ? `${target.role} ${JSON.stringify(target.name)}` : target.role);
  else if (target.name) parts.push(JSON.stringify(target.name));
  if (target.within !== undefined) parts.push(`in the row ${JSON.stringify(target.within)}`);
  if (target.nth) parts.push(`#${target.nth + 1}`);
  if (target.ref) parts.push(`[ref=${target.ref}]`);
  if (target.point) parts.push(`at (${target.point.x}, ${target.point.y})`);
  return parts.length > 0 ? parts.join(' ') : 'an empty target';
}

/** The action in words, for error messages: `click button "Save"`, `navigate to /tasks`. */
export function describeAction(action: Action): string {
  switch (action.type) {
    case 'click':
    case 'hover':
      return `${action.type} ${describeTarget(action.target)}`;
    case 'dblclick':
      return `double-click ${describeTarget(action.target)}`;
    case 'type':
      return `type ${JSON.stringify(action.text)} into ${describeTarget(action.target)}`;
    case 'press':
      return `press ${action.key}${action.target ? ` on ${describeTarget(action.target)}` : ''}`;
    case 'select':
      return `select ${JSON.stringify(action.value)} in ${describeTarget(action.target)}`;
    case 'scroll':
      return `scroll by (${action.deltaX ?? 0}, ${action.deltaY})${action.target ? ` over ${describeTarget(action.target)}` : ''}`;
    case 'navigate':
      return `navigate to ${action.url}`;
    case 'back':
      return 'go back';
    case 'wait':
      return `wait ${action.ms} ms`;
    case 'done':
      return 'finish';
  }
}
