import type { RunEstimate } from '../pipeline/estimate-run.js';

/** AgentSynth (Xie et al., 2025) reports about $0.60 per long-horizon trajectory. */
export const AGENTSYNTH_USD_PER_TRAJECTORY = 0.6;

const usd = (value: number | undefined) => (value === undefined ? 'unpriced' : `$${value.toFixed(4)}`);
const tokens = (value: number) => Math.round(value).toLocaleString('en-US');

/** The dry run's estimate as a table a person reads before spending. */
export function estimateText(estimate: RunEstimate): string {
  const lines = [
    '',
    `Dry run: no model was called. Estimate for ${estimate.plannedChains} chain(s) to level ${estimate.maxLevel}, from ${estimate.sampledChains} sampled chain(s) on real pages.`,
  ];
  if (estimate.roles.length === 0) {
    lines.push('  Every role is heuristic: 0 model calls, $0.0000. Choose models with --model or per-role flags (see --help).', '');
    return lines.join('\n');
  }
  lines.push(
    '',
    `  ${'role'.padEnd(11)}${'model'.padEnd(30)}${'calls'.padStart(7)}${'input'.padStart(10)}${'cache w'.padStart(9)}${'cache r'.padStart(9)}${'output'.padStart(9)}${'images'.padStart(8)}${'USD'.padStart(10)}   (per chain)`,
  );
  for (const role of estimate.roles) {
    lines.push(
      `  ${role.role.padEnd(11)}${role.spec.padEnd(30)}${role.calls.toFixed(1).padStart(7)}${tokens(role.inputTokens).padStart(10)}${tokens(role.cacheWriteTokens).padStart(9)}${tokens(role.cacheReadTokens).padStart(9)}${tokens(role.outputTokens).padStart(9)}${role.images.toFixed(1).padStart(8)}${usd(role.costUsd).padStart(10)}`,
    );
  }
  lines.push('', `  per chain    ${usd(estimate.perChainUsd)}`);
  lines.push(`  whole run    ${usd(estimate.totalUsd)} for ${estimate.plannedChains} chain(s)`);
  lines.push(
    `  per level-k  ${estimate.perLevelUsd.map((cost, index) => `L${index + 1} ${usd(cost)}`).join('  ')}  (cost to reach level k)`,
  );
  const top = estimate.perLevelUsd[estimate.perLevelUsd.length - 1];
  if (top !== undefined)
    lines.push(
      `  vs AgentSynth's published $${AGENTSYNTH_USD_PER_TRAJECTORY.toFixed(2)} per trajectory: ${(top / AGENTSYNTH_USD_PER_TRAJECTORY).toFixed(2)}x for a level-${estimate.maxLevel} chain`,
    );
  lines.push(`  sampled chains reaching each level: ${estimate.reaching.map((count, index) => `L${index + 1}:${count}`).join(' ')}`);
  lines.push(`  prices: ${estimate.priceTables.join(', ') || 'none'}`, '  assumptions:');
  for (const assumption of estimate.assumptions) lines.push(`    - ${assumption}`);
  lines.push('');
  return lines.join('\n');
}
