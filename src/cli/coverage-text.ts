import type { AppCoverage, Spread } from '../core/run.js';

/** The closing coverage report: per app, affordances exercised and never touched; the spread for `--env all`. */
export function coverageText(coverage: readonly AppCoverage[], spread: Spread | undefined): string {
  const lines: string[] = [];
  if (coverage.length) lines.push('Coverage of declared affordances (by accepted subtasks):');
  for (const app of coverage) {
    lines.push(`  ${app.environment.padEnd(16)} ${app.exercised.length}/${app.declared} exercised over ${app.chains} chain(s)`);
    for (const entry of app.untouched)
      lines.push(`    never: ${entry.kind}${entry.name ? ` "${entry.name}"` : ''} on ${entry.route} (${entry.description})`);
  }
  if (spread) {
    lines.push('Spread:');
    for (const [environment, entry] of Object.entries(spread.byEnvironment)) {
      lines.push(
        `  ${environment.padEnd(16)} ${entry.chains} chains; reaching ${entry.reaching.map((count, index) => `L${index + 1}:${count}`).join(' ')}`,
      );
    }
    lines.push(
      `  interactions     ${Object.entries(spread.byInteraction)
        .sort((a, b) => b[1] - a[1])
        .map(([kind, count]) => `${kind} ${count}`)
        .join(', ')}`,
    );
    lines.push(
      `  level-k tasks    ${Object.entries(spread.byLevel)
        .map(([level, count]) => `L${level}: ${count}`)
        .join('  ')}`,
    );
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}
