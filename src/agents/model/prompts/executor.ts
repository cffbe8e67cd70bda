import type { PolicyHistoryEntry } from '../../policy.js';

/** System prompt for the element-ref executor (stable: cached). */
export function executorSystem(): string {
  return `You operate a web browser to complete a task, one action at a time.
Each turn you see the task, what you did so far, and the current page: a screenshot and its accessibility snapshot, where elements carry refs such as [ref=e14].
Answer by calling the act tool with a short thought and ONE action:
- click / hover: {"type":"click","target":{"ref":"e14","role":"button","name":"Save"}}
- double-click, where a page edits in place (a title, a table cell): {"type":"dblclick","target":{…}}
- type into a field (replaces its text unless "clear":false): {"type":"type","target":{…},"text":"…"}
- select an option of a select/combobox: {"type":"select","target":{…},"value":"Option label"}
- press a key (optionally on an element): {"type":"press","key":"Enter"}
- scroll: {"type":"scroll","deltaY":600}; navigate to a URL on this site: {"type":"navigate","url":"/path"}; {"type":"back"}; {"type":"wait","ms":500}
- when the task is complete: {"type":"done"}; for a question, put the exact value you found in "answer": {"type":"done","answer":"…"}
Always give role and name with a ref, exactly as in the snapshot. If an action failed, the page shows why: try another way. Stay on this site. Do only what the task asks.`;
}

/** The task and the actions so far, as text. */
export function executorUser(task: string, history: readonly PolicyHistoryEntry[], stepsLeft: number): string {
  const lines = [`Task: ${task}`];
  if (history.length > 0) {
    lines.push('Actions so far:');
    history.forEach((entry, index) => {
      const outcome = entry.ok ? 'ok' : `FAILED: ${entry.error ?? 'unknown error'}`;
      lines.push(`${index + 1}. ${entry.action ? JSON.stringify(entry.action) : '(not a valid action)'} → ${outcome}`);
    });
  }
  lines.push(`${stepsLeft} action(s) left. Choose the next action.`);
  return lines.join('\n');
}

/** System prompt for the computer-use (pixel) executor. */
export function computerExecutorSystem(): string {
  return `You operate a web browser through the computer tool to complete a task. Each tool result shows the screen after your action.
Use left_click, double_click (to edit in place), type, key, scroll, mouse_move and screenshot as needed. When the task is complete, stop calling tools and reply with DONE, followed, for a question, by the exact value you found (e.g. "DONE: $1,234.56"). Stay on this site. Do only what the task asks.`;
}
