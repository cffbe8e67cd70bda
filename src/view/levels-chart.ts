import { escapeHtml } from './html.js';

/**
 * A bar chart of counts by level (chains reaching level k, or successful episodes at level k out of
 * those run), as a standalone SVG: bars scaled to the largest denominator, labels under each bar.
 */
export function levelsChart(levels: ReadonlyArray<{ level: number; count: number; of: number; label: string }>, title: string): string {
  const width = 520;
  const height = 240;
  const left = 44;
  const bottom = 40;
  const top = 34;
  const plotHeight = height - top - bottom;
  const max = Math.max(1, ...levels.map((level) => level.of));
  const slot = (width - left - 12) / Math.max(1, levels.length);
  const barWidth = Math.min(56, slot * 0.6);
  const y = (value: number) => top + plotHeight - (value / max) * plotHeight;
  const ticks = [0, 0.5, 1].map((fraction) => Math.round(max * fraction));
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(title)}">`,
    `<text x="${left}" y="20" class="chart-title" font-size="14" font-weight="bold">${escapeHtml(title)}</text>`,
    ...ticks.map(
      (tick) =>
        `<line x1="${left}" x2="${width - 8}" y1="${y(tick)}" y2="${y(tick)}" stroke="#ddd"/><text x="${left - 6}" y="${y(tick) + 4}" font-size="11" text-anchor="end" fill="#666">${tick}</text>`,
    ),
  ];
  levels.forEach((level, index) => {
    const x = left + slot * index + (slot - barWidth) / 2;
    parts.push(`<rect x="${x}" y="${y(level.of)}" width="${barWidth}" height="${(level.of / max) * plotHeight}" fill="#e8eef7"/>`);
    parts.push(
      `<rect class="bar" data-level="${level.level}" x="${x}" y="${y(level.count)}" width="${barWidth}" height="${(level.count / max) * plotHeight}" fill="#3a6fb0"><title>${escapeHtml(`level ${level.level}: ${level.label}`)}</title></rect>`,
    );
    parts.push(`<text x="${x + barWidth / 2}" y="${height - bottom + 16}" font-size="12" text-anchor="middle">L${level.level}</text>`);
    parts.push(
      `<text x="${x + barWidth / 2}" y="${height - bottom + 30}" font-size="10.5" text-anchor="middle" fill="#666">${escapeHtml(level.label)}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}
