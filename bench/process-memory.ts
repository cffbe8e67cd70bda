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

/** Each live process of the tree by pid and start time, with its own CPU ticks (user + system). */
function treeCpuTicks(rootPid: number): Map<string, number> | undefined {
  let children: Map<number, number[]>;
  try {
    children = childrenOf();
  } catch {
    return undefined;
  }
  const ticks = new Map<string, number>();
  const pending = [rootPid];
  while (pending.length) {
    const pid = pending.pop()!;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // After the name: state is field 0, utime 11, stime 12, starttime 19.
      ticks.set(`${pid}:${fields[19]}`, Number(fields[11]) + Number(fields[12]));
    } catch {
      // Gone while we looked.
    }
    pending.push(...(children.get(pid) ?? []));
  }
  return ticks;
}

/**
 * CPU seconds spent by this process and everything it started (Chromium's browser, zygote,
 * renderer and utility processes), sampled every `intervalMs` until stopped: each process counts
 * with the last CPU time seen for it, so a process that ends between two samples loses at most
 * that interval (Chromium does not wait for its renderers at exit, so its own counters miss them).
 * Undefined off Linux.
 */
export function sampleCpu(intervalMs = 200): { stop(): number | undefined } {
  const first = treeCpuTicks(process.pid);
  if (!first) return { stop: () => undefined };
  const latest = new Map(first);
  const sample = () => {
    for (const [key, value] of treeCpuTicks(process.pid) ?? []) latest.set(key, value);
  };
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      let ticks = 0;
      for (const [key, value] of latest) ticks += value - (first.get(key) ?? 0);
      return ticks / 100;
    },
  };
}
