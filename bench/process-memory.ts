/**
 * Memory of this process and everything it started (Chromium's browser, GPU and renderer processes,
 * the bundled apps' servers), as proportional set size (PSS) from /proc: shared pages are split
 * between the processes that share them, so the sum is not inflated by Chromium's shared libraries.
 * Linux only; elsewhere the sampler reports undefined.
 */
import { readdirSync, readFileSync } from 'node:fs';

function childrenOf(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name may hold spaces and parentheses: fields resume after the last ')'.
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(parent) ?? [];
      list.push(Number(entry));
      children.set(parent, list);
    } catch {
      // The process ended while we looked.
    }
  }
  return children;
}

function pssKb(pid: number): number {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    return Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** PSS of the process tree rooted at `rootPid`, in bytes, or undefined where /proc is not there. */
export function treeMemoryBytes(rootPid = process.pid): number | undefined {
  let children: Map<number, number[]>;
  try {
    children = childrenOf();
  } catch {
    return undefined;
  }
  let total = 0;
  const pending = [rootPid];
  while (pending.length) {
    const pid = pending.pop()!;
    total += pssKb(pid);
    pending.push(...(children.get(pid) ?? []));
  }
  return total * 1024;
}

/** Samples the tree's memory every `intervalMs` until stopped; returns the peak. */
export function sampleMemory(intervalMs = 500): { stop(): number | undefined } {
  let peak: number | undefined = treeMemoryBytes();
  const timer = setInterval(() => {
    const now = treeMemoryBytes();
    if (now !== undefined) peak = Math.max(peak ?? 0, now);
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      const now = treeMemoryBytes();
      return now === undefined ? peak : Math.max(peak ?? 0, now);
    },
  };
}
