/**
 * A line diff of two accessibility snapshots (YAML), for "what this action changed": the common head
 * and tail are cut, the middle is aligned by longest common subsequence, and the changes are shown
 * with a few lines of context. Bounded: a middle too large to align shows as removed then added.
 */
export interface DiffLine {
  /** ' ' context, '-' only before, '+' only after, '…' lines left out. */
  op: ' ' | '-' | '+' | '…';
  text: string;
}

export interface SnapshotDiff {
  lines: DiffLine[];
  added: number;
  removed: number;
  /** More changed lines than `maxLines` were found; the rest are left out. */
  truncated: boolean;
}

const MAX_ALIGN_CELLS = 4_000_000;

export function snapshotDiff(before: string, after: string, options: { context?: number; maxLines?: number } = {}): SnapshotDiff {
  const context = options.context ?? 2;
  const maxLines = options.maxLines ?? 120;
  const a = readable(before);
  const b = readable(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head += 1;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail += 1;
  const middle = align(a.slice(head, a.length - tail), b.slice(head, b.length - tail));
  const all: DiffLine[] = [
    ...a.slice(0, head).map((text) => ({ op: ' ' as const, text })),
    ...middle,
    ...a.slice(a.length - tail).map((text) => ({ op: ' ' as const, text })),
  ];
  const added = all.filter((line) => line.op === '+').length;
  const removed = all.filter((line) => line.op === '-').length;
  return { ...withContext(all, context, maxLines), added, removed };
}

/**
 * The snapshot's lines without element refs and pointer hints: a re-render renumbers refs, which is
 * noise to a person asking what the action changed on the page.
 */
function readable(snapshot: string): string[] {
  return snapshot.split('\n').map((line) => line.replace(/ ?\[ref=[^\]]*\]/g, '').replace(/ ?\[cursor=pointer\]/g, ''));
}

function align(a: string[], b: string[]): DiffLine[] {
  if (a.length * b.length > MAX_ALIGN_CELLS) {
    return [...a.map((text) => ({ op: '-' as const, text })), ...b.map((text) => ({ op: '+' as const, text }))];
  }
  // lengths[i][j]: LCS length of a[i..] and b[j..], in one flat array.
  const width = b.length + 1;
  const lengths = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      lengths[i * width + j] =
        a[i] === b[j] ? lengths[(i + 1) * width + j + 1]! + 1 : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      out.push({ op: ' ', text: a[i]! });
      i += 1;
      j += 1;
    } else if (j < b.length && (i === a.length || lengths[i * width + j + 1]! >= lengths[(i + 1) * width + j]!)) {
      out.push({ op: '+', text: b[j]! });
      j += 1;
    } else {
      out.push({ op: '-', text: a[i]! });
      i += 1;
    }
  }
  return out;
}

/** Keeps changed lines and `context` lines around each; runs of other lines become one '…' line. */
function withContext(all: DiffLine[], context: number, maxLines: number): { lines: DiffLine[]; truncated: boolean } {
  const keep = new Uint8Array(all.length);
  all.forEach((line, index) => {
    if (line.op === ' ') return;
    for (let k = Math.max(0, index - context); k <= Math.min(all.length - 1, index + context); k += 1) keep[k] = 1;
  });
  const lines: DiffLine[] = [];
  let changed = 0;
  let truncated = false;
  for (let index = 0; index < all.length; index += 1) {
    if (!keep[index]) {
      if (lines.length > 0 && lines[lines.length - 1]!.op !== '…') lines.push({ op: '…', text: '' });
      continue;
    }
    const line = all[index]!;
    if (line.op !== ' ') changed += 1;
    if (changed > maxLines) {
      truncated = true;
      break;
    }
    lines.push(line);
  }
  if (lines.length > 0 && lines[lines.length - 1]!.op === '…') lines.pop();
  return { lines, truncated };
}
