/** Lines removed from and added to an accessibility snapshot (refs stripped), capped for a prompt. */
export function snapshotDiff(before: string, after: string, maxLines = 60): string {
  const clean = (text: string) =>
    text
      .split('\n')
      .map((line) => line.replace(/\s*\[ref=[^\]]+\]/g, '').trimEnd())
      .filter(Boolean);
  const beforeLines = clean(before);
  const afterLines = clean(after);
  const beforeCounts = counts(beforeLines);
  const afterCounts = counts(afterLines);
  const removed = beforeLines.filter((line) => take(afterCounts, line) === false).map((line) => `- ${line.trim()}`);
  const added = afterLines.filter((line) => take(beforeCounts, line) === false).map((line) => `+ ${line.trim()}`);
  const lines = [...removed, ...added];
  return lines.length > maxLines
    ? [...lines.slice(0, maxLines), `… ${lines.length - maxLines} more changed lines`].join('\n')
    : lines.join('\n');
}

function counts(lines: readonly string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const line of lines) map.set(line, (map.get(line) ?? 0) + 1);
  return map;
}

/** Consumes one occurrence of `line`; false when there was none (the line is new). */
function take(map: Map<string, number>, line: string): boolean {
  const count = map.get(line) ?? 0;
  if (count === 0) return false;
  map.set(line, count - 1);
  return true;
}
