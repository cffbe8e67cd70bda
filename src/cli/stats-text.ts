import type { DatasetStats, Distribution, NumberSummary } from '../export/dataset-stats.js';

const BAR_WIDTH = 24;

/** The stats as aligned tables for a terminal, one section per measure, with a bar per category. */
export function statsText(stats: DatasetStats, sources: readonly string[]): string {
  const out: string[] = [`${stats.tasks} level-k task(s) from ${sources.join(', ')}`];
  const sections: [string, Distribution][] = [
    ['app', stats.distributions.app],
    ['level', stats.distributions.level],
    ['interaction (the subtask each level adds)', stats.distributions.interaction],
    ['persona', stats.distributions.persona],
  ];
  for (const [name, distribution] of sections) out.push('', ...distributionLines(name, distribution));

  const { distinct1, distinct2, unigrams, bigrams } = stats.distinct;
  out.push(
    '',
    'Task text diversity (lowercased words)',
    `  distinct-1  ${fixed(distinct1)}  (${unigrams} words)`,
    `  distinct-2  ${fixed(distinct2)}  (${bigrams} bigrams)`,
  );

  const near = stats.nearDuplicates;
  out.push('', `Near-duplicate tasks (Jaccard of word 3-shingles >= ${near.threshold}; tasks of one chain are not paired)`);
  out.push(`  ${near.tasksWithNearDuplicate} of ${stats.tasks} task(s) have one (${percent(near.share)}), ${near.pairs} pair(s)`);
  for (const example of near.examples) {
    out.push(
      `  ${example.similarity.toFixed(2)}  ${example.a.id ?? ''}: ${clip(example.a.task)}`,
      `        ${example.b.id ?? ''}: ${clip(example.b.task)}`,
    );
  }

  if (stats.coverage.length > 0) {
    out.push('', 'Affordance coverage (declared affordances exercised by accepted subtasks)');
    const width = Math.max(...stats.coverage.map((app) => app.environment.length));
    for (const app of stats.coverage) {
      out.push(
        `  ${app.environment.padEnd(width)}  ${String(app.exercised).padStart(3)}/${String(app.declared).padEnd(3)} ${percent(app.share).padStart(4)}  ${bar(app.share ?? 0)}`,
      );
    }
  }
  out.push('', ...summaryTable('Gold steps per level-k task', stats.stepLengths));
  out.push('', ...summaryTable(`Task text tokens (estimate: ${stats.tokenLengths.estimate})`, stats.tokenLengths));
  if (stats.soundness) {
    const sound = stats.soundness;
    out.push('', 'Checker soundness (does wrong work fail?)');
    if (sound.synthAudited > 0) {
      const modes = Object.entries(sound.synthModes)
        .map(([mode, count]) => `${count} ${mode}`)
        .join(', ');
      out.push(`  audited by synthesis  ${sound.synthAudited} of ${stats.tasks} level-k task(s) (${modes})`);
    }
    if (sound.audited > 0) {
      out.push(
        `  trajsynth audit       ${sound.sound} of ${sound.audited} task(s) sound; mutation score ${percent(sound.mutationScore)} (${sound.killed}/${sound.replayed} near-misses rejected, ${sound.stuck} stuck)`,
      );
    } else {
      out.push('  trajsynth audit       not run (`trajsynth audit RUN` replays every near-miss)');
    }
  }
  if (stats.outcomes) {
    out.push('', `Evaluation outcomes: ${stats.outcomes.successes}/${stats.outcomes.episodes} episode(s) succeeded`);
    for (const [level, row] of Object.entries(stats.outcomes.byLevel))
      out.push(
        `  L${level.padEnd(3)} ${String(row.successes).padStart(4)}/${String(row.episodes).padEnd(4)} ${percent(row.rate).padStart(4)}  ${bar(row.rate)}`,
      );
  }
  return out.join('\n');
}

function distributionLines(name: string, distribution: Distribution): string[] {
  const header = `By ${name}: ${distribution.categories} categor${distribution.categories === 1 ? 'y' : 'ies'}, entropy ${distribution.entropyBits.toFixed(2)} bits (normalized ${fixed(distribution.normalizedEntropy)})`;
  const entries = Object.entries(distribution.counts);
  if (entries.length === 0) return [header, '  (none)'];
  const width = Math.max(...entries.map(([key]) => key.length));
  const max = Math.max(...entries.map(([, count]) => count));
  const countWidth = String(max).length;
  return [
    header,
    ...entries.map(
      ([key, count]) =>
        `  ${key.padEnd(width)}  ${String(count).padStart(countWidth)}  ${percent(count / distribution.total).padStart(4)}  ${bar(count / max)}`,
    ),
  ];
}

function summaryTable(title: string, summary: { overall: NumberSummary | undefined; byLevel: Record<string, NumberSummary> }): string[] {
  const rows: [string, NumberSummary | undefined][] = [
    ...Object.entries(summary.byLevel).map(([level, row]): [string, NumberSummary] => [`L${level}`, row]),
    ['all', summary.overall],
  ];
  const lines = [title, `  ${'level'.padEnd(6)}${['n', 'min', 'median', 'p90', 'max', 'mean'].map((head) => head.padStart(8)).join('')}`];
  for (const [label, row] of rows) {
    if (!row) continue;
    lines.push(
      `  ${label.padEnd(6)}${[row.count, row.min, row.median, row.p90, row.max].map((value) => number(value).padStart(8)).join('')}${row.mean.toFixed(1).padStart(8)}`,
    );
  }
  return lines;
}

function bar(fraction: number): string {
  const eighths = Math.round(Math.max(0, Math.min(1, fraction)) * BAR_WIDTH * 8);
  const partial = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'][eighths % 8]!;
  return `${'█'.repeat(Math.floor(eighths / 8))}${partial}`;
}

function number(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

function fixed(value: number | undefined): string {
  return value === undefined ? 'n/a' : value.toFixed(3);
}

function percent(value: number | undefined): string {
  return value === undefined ? 'n/a' : `${Math.round(value * 100)}%`;
}

function clip(text: string, max = 110): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
