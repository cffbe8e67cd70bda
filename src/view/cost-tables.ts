import type { ModelCall } from '../core/usage.js';
import type { OverviewPage } from './site-model.js';

/** USD with enough digits for a cheap call; "—" when unknown (an unpriced model is never free). */
export function formatUsd(costUsd: number | undefined): string {
  if (costUsd === undefined) return '—';
  if (costUsd === 0) return '$0';
  return costUsd < 0.01 ? `$${costUsd.toFixed(4)}` : `$${costUsd.toFixed(2)}`;
}

/** Model calls summed by role and by level, as overview tables (none when no model was called). */
export function costTables(calls: readonly ModelCall[]): OverviewPage['tables'] {
  if (calls.length === 0) return [];
  const by = (key: (call: ModelCall) => string) => {
    const groups = new Map<string, ModelCall[]>();
    for (const call of calls) groups.set(key(call), [...(groups.get(key(call)) ?? []), call]);
    return [...groups.entries()]
      .sort(([a], [b]) => a.localeCompare(b, undefined, { numeric: true }))
      .map(([name, group]) => [
        name,
        String(group.length),
        String(group.reduce((sum, call) => sum + call.inputTokens, 0)),
        String(group.reduce((sum, call) => sum + call.outputTokens, 0)),
        String(group.reduce((sum, call) => sum + call.cacheReadTokens, 0)),
        formatUsd(group.some((call) => call.costUsd === undefined) ? undefined : group.reduce((sum, call) => sum + (call.costUsd ?? 0), 0)),
      ]);
  };
  const columns = ['calls', 'input tokens', 'output tokens', 'cache-read tokens', 'cost'];
  return [
    { title: 'Cost by role', columns: ['role', ...columns], rows: by((call) => call.role), numeric: [1, 2, 3, 4, 5] },
    {
      title: 'Cost by level',
      columns: ['level', ...columns],
      rows: by((call) => (call.level === undefined ? 'unattributed' : `level ${call.level}`)),
      numeric: [1, 2, 3, 4, 5],
    },
  ];
}
