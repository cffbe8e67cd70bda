import { createHash } from 'node:crypto';
import { TrajsynthError } from '../core/errors.js';

export interface SplitRule {
  /** Split names and their shares, in the order given (shares sum to 1). */
  ratios: [string, number][];
}

export const DEFAULT_SPLIT: SplitRule = { ratios: [['train', 1]] };

/** Parses `train=0.9,val=0.05,test=0.05`. Shares must be positive and sum to 1 (within 1e-6). */
export function parseSplitRule(text: string): SplitRule {
  const ratios: [string, number][] = [];
  for (const part of text.split(',')) {
    const match = /^\s*([A-Za-z][\w-]*)\s*=\s*([0-9]*\.?[0-9]+)\s*$/.exec(part);
    if (!match) {
      throw new TrajsynthError(`Expected --split as name=share pairs like train=0.9,val=0.05,test=0.05, got "${text}"`, {
        code: 'BAD_INPUT',
      });
    }
    const share = Number(match[2]);
    if (!(share > 0))
      throw new TrajsynthError(`Expected every --split share to be above 0, got ${match[1]}=${match[2]}`, { code: 'BAD_INPUT' });
    if (ratios.some(([name]) => name === match[1]))
      throw new TrajsynthError(`Expected each --split name once, got "${match[1]}" twice`, { code: 'BAD_INPUT' });
    ratios.push([match[1]!, share]);
  }
  const total = ratios.reduce((sum, [, share]) => sum + share, 0);
  if (Math.abs(total - 1) > 1e-6)
    throw new TrajsynthError(`Expected --split shares to sum to 1, got ${Number(total.toFixed(6))} (${text})`, { code: 'BAD_INPUT' });
  return { ratios };
}

export function splitRuleText(rule: SplitRule): string {
  return rule.ratios.map(([name, share]) => `${name}=${share}`).join(',');
}

/**
 * The split of a chain: a sha256 of `<source run>/<chain>` mapped to [0, 1) and cut by the shares.
 * Every level of a chain (they share their first steps) and every evaluation episode of its tasks
 * lands in the same split, so nothing a test task contains was trained on. Independent of the other
 * chains, of file order and of the machine.
 */
export function splitOf(rule: SplitRule, sourceRunId: string, chainId: string): string {
  const digest = createHash('sha256').update(`${sourceRunId}/${chainId}`).digest();
  const position = digest.readUInt32BE(0) / 2 ** 32;
  let cumulative = 0;
  for (const [name, share] of rule.ratios) {
    cumulative += share;
    if (position < cumulative) return name;
  }
  return rule.ratios.at(-1)![0];
}
