import type { Interval, LevelResult, Results } from '../core/results.js';

const FONT = 'DejaVu Sans, Liberation Sans, Arial, sans-serif';
const WIDTH = 960;
const BASE_HEIGHT = 420;
const MARGIN = { left: 66, right: 18, bottom: 66 };
const PANEL_GAP = 90;
const [LEGEND_TOP, LEGEND_ROW_PX, LEGEND_FONT_PX, LEGEND_MAX_CHARS] = [50, 20, 12, 56];
/** Average glyph width of the sans fonts above, in em, for laying out the legend without measuring. */
const CHAR_WIDTH_EM = 0.6;
const CAP_HALF_WIDTH_PX = 3.5;
/** Okabe–Ito, colour-blind safe; yellow last because it is faint on white. */
const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'];
/** Marker outlines as (dx, dy) corners; an empty list is a circle. A second cue besides colour. */
const MARKERS: readonly (readonly [number, number])[][] = [
  [],
  [
    [-4, -4],
    [4, -4],
    [4, 4],
    [-4, 4],
  ],
  [
    [0, -5.5],
    [5, 3.5],
    [-5, 3.5],
  ],
  [
    [0, -5.5],
    [5.5, 0],
    [0, 5.5],
    [-5.5, 0],
  ],
  [
    [0, 5.5],
    [5, -3.5],
    [-5, -3.5],
  ],
];

interface PanelSpec {
  title: string;
  yLabel: string;
  value(level: LevelResult): number | undefined;
  interval(level: LevelResult): Interval | undefined;
  describe(level: LevelResult): string;
}

const PANELS: readonly PanelSpec[] = [
  {
    title: 'Success rate by level',
    yLabel: 'Success (%)',
    value: (l) => l.success,
    interval: (l) => l.successCi,
    describe: (l) => `success ${percent(l.success)}${l.successCi ? ` [${percent(l.successCi.low)}–${percent(l.successCi.high)}]` : ''}`,
  },
  {
    title: 'Progress by level',
    yLabel: 'Subtasks completed (% of level)',
    value: (l) => (l.meanProgress === undefined ? undefined : l.meanProgress / l.level),
    interval: (l) => (l.progressCi ? { low: l.progressCi.low / l.level, high: l.progressCi.high / l.level } : undefined),
    describe: (l) => `mean progress ${l.meanProgress?.toFixed(2) ?? '—'}/${l.level}`,
  },
];

/** Where everything goes, in pixels: computed once from the data, shared by the renderer and tests. */
export interface ChartLayout {
  width: number;
  height: number;
  plotTop: number;
  plotBottom: number;
  /** Plot areas: success panel first, progress panel second. */
  panels: readonly { left: number; right: number }[];
  /** Levels some agent has a row for, ascending; x spans minLevel..maxLevel. */
  levels: number[];
  minLevel: number;
  maxLevel: number;
  agentCount: number;
  legendRows: { label: string; agentIndex: number; x: number }[][];
}

/** Lays the chart out for `results`: legend rows, plot boxes and the level range on x. */
export function chartLayout(results: Results): ChartLayout {
  const levels = [...new Set(results.agents.flatMap((agent) => agent.levels.map((l) => l.level)))].sort((a, b) => a - b);
  const legendRows = layoutLegend(results.agents.map((agent) => agent.label));
  const extraRows = Math.max(0, legendRows.length - 1);
  const plotTop = LEGEND_TOP + extraRows * LEGEND_ROW_PX + 44;
  const height = BASE_HEIGHT + extraRows * LEGEND_ROW_PX;
  const panelWidth = (WIDTH - MARGIN.left - MARGIN.right - PANEL_GAP) / 2;
  const panels = [0, 1].map((i) => ({
    left: MARGIN.left + i * (panelWidth + PANEL_GAP),
    right: MARGIN.left + i * (panelWidth + PANEL_GAP) + panelWidth,
  }));
  const agentCount = results.agents.length;
  return {
    width: WIDTH,
    height,
    plotTop,
    plotBottom: height - MARGIN.bottom,
    panels,
    levels,
    minLevel: levels[0] ?? 1,
    maxLevel: levels.at(-1) ?? 1,
    agentCount,
    legendRows,
  };
}

/** Pixel y of a fraction (0..1, clamped) on either panel's 0–100% axis. */
export function yForFraction(layout: ChartLayout, fraction: number): number {
  const clamped = Math.max(0, Math.min(1, fraction));
  return round(layout.plotBottom - clamped * (layout.plotBottom - layout.plotTop));
}

/** Pixel x of `level` in panel `panelIndex`, nudged sideways per agent so error bars do not overlap. */
export function xForLevel(layout: ChartLayout, panelIndex: number, level: number, agentIndex?: number): number {
  const panel = layout.panels[panelIndex]!;
  const step = levelStepPx(layout);
  const center = panel.left + (level - layout.minLevel + 0.5) * step;
  if (agentIndex === undefined || layout.agentCount < 2) return round(center);
  const spread = Math.min(10, (step * 0.4) / (layout.agentCount - 1));
  return round(center + (agentIndex - (layout.agentCount - 1) / 2) * spread);
}

/**
 * Renders results.json as a self-contained SVG: success rate (left) and progress as a share of the
 * level (right) against level k, one line per agent with 95% interval error bars. A level where an
 * agent has no value breaks its line. Under each level tick, n is the most episodes any agent ran there.
 */
export function renderResultsChart(results: Results, options: { title?: string } = {}): string {
  const layout = chartLayout(results);
  const title = options.title ?? 'Success and progress by level';
  const parts = [
    `<rect width="${layout.width}" height="${layout.height}" fill="#ffffff"/>`,
    title ? `<text x="${layout.width / 2}" y="26" text-anchor="middle" font-size="17" font-weight="bold">${escapeXml(title)}</text>` : '',
    renderLegend(layout),
    ...PANELS.map((spec, i) => renderPanel(results, layout, spec, i)),
  ];
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}" font-family="${FONT}" fill="#222222" role="img">`,
    `<title>${escapeXml(title || 'Results by level')}</title>`,
    ...parts.filter(Boolean),
    '</svg>',
  ].join('\n');
}

/** Escapes the five XML special characters, for text and attribute values alike. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' })[char]!);
}

function renderPanel(results: Results, layout: ChartLayout, spec: PanelSpec, panelIndex: number): string {
  const agents = results.agents.map((agent, agentIndex) => ({ agent, agentIndex, color: colorOf(agentIndex) }));
  const lines = agents.map(({ agent, agentIndex, color }) => {
    const d = pathData(layout, panelIndex, agentIndex, agent.levels, spec);
    return `<path class="series" data-agent="${agentIndex}" d="${d}" fill="none" stroke="${color}" stroke-width="2" stroke-linejoin="round"/>`;
  });
  const bars = agents.flatMap(({ agent, agentIndex, color }) =>
    agent.levels.flatMap((level) => {
      const interval = spec.value(level) === undefined ? undefined : spec.interval(level);
      return interval
        ? [errorBar(xForLevel(layout, panelIndex, level.level, agentIndex), layout, interval, color, agentIndex, level.level)]
        : [];
    }),
  );
  const markers = agents.flatMap(({ agent, agentIndex, color }) =>
    agent.levels.flatMap((level) => {
      const value = spec.value(level);
      if (value === undefined) return [];
      const tip = `${agent.label} — level ${level.level}: ${spec.describe(level)}, n=${level.episodes}`;
      return [marker(agentIndex, xForLevel(layout, panelIndex, level.level, agentIndex), yForFraction(layout, value), color, tip)];
    }),
  );
  return [
    `<g class="panel" data-panel="${panelIndex}">`,
    renderAxes(results, layout, spec, panelIndex),
    ...lines,
    ...bars,
    ...markers,
    '</g>',
  ].join('\n');
}

function renderAxes(results: Results, layout: ChartLayout, spec: PanelSpec, panelIndex: number): string {
  const { left, right } = layout.panels[panelIndex]!;
  const { plotTop, plotBottom } = layout;
  const parts = [
    `<text x="${round((left + right) / 2)}" y="${plotTop - 12}" text-anchor="middle" font-size="14" font-weight="bold">${escapeXml(spec.title)}</text>`,
  ];
  for (let tick = 0; tick <= 100; tick += 20) {
    const y = yForFraction(layout, tick / 100);
    parts.push(`<line x1="${left}" y1="${y}" x2="${right}" y2="${y}" stroke="${tick === 0 ? '#555555' : '#e2e2e2'}" stroke-width="1"/>`);
    parts.push(`<text x="${left - 7}" y="${y + 4}" text-anchor="end" font-size="11" fill="#444444">${tick}</text>`);
  }
  parts.push(`<line x1="${left}" y1="${plotTop}" x2="${left}" y2="${plotBottom}" stroke="#555555" stroke-width="1"/>`);
  if (!layout.levels.length)
    parts.push(
      `<text x="${round((left + right) / 2)}" y="${round((plotTop + plotBottom) / 2)}" text-anchor="middle" font-size="13" fill="#777777">No levels in these results</text>`,
    );
  const every = Math.max(1, Math.ceil(36 / levelStepPx(layout)));
  for (let level = layout.minLevel; layout.levels.length && level <= layout.maxLevel; level++) {
    const x = xForLevel(layout, panelIndex, level);
    parts.push(`<line x1="${x}" y1="${plotBottom}" x2="${x}" y2="${plotBottom + 5}" stroke="#555555" stroke-width="1"/>`);
    if ((level - layout.minLevel) % every !== 0) continue;
    parts.push(`<text x="${x}" y="${plotBottom + 18}" text-anchor="middle" font-size="12">${level}</text>`);
    const n = episodesAt(results, level);
    if (n !== undefined)
      parts.push(`<text class="n" x="${x}" y="${plotBottom + 32}" text-anchor="middle" font-size="10" fill="#777777">n=${n}</text>`);
  }
  const middleY = round((plotTop + plotBottom) / 2);
  parts.push(
    `<text x="${round((left + right) / 2)}" y="${plotBottom + 54}" text-anchor="middle" font-size="12">Level k (subtasks chained)</text>`,
  );
  parts.push(
    `<text transform="translate(${left - 42} ${middleY}) rotate(-90)" text-anchor="middle" font-size="12">${escapeXml(spec.yLabel)}</text>`,
  );
  return parts.join('\n');
}

function renderLegend(layout: ChartLayout): string {
  return layout.legendRows
    .flatMap((row, rowIndex) =>
      row.map(({ label, agentIndex, x }) => {
        const y = LEGEND_TOP + rowIndex * LEGEND_ROW_PX;
        const color = colorOf(agentIndex);
        const line = `<line x1="${x}" y1="${y}" x2="${x + 24}" y2="${y}" stroke="${color}" stroke-width="2"/>`;
        const text = `<text x="${x + 30}" y="${y + 4}" font-size="${LEGEND_FONT_PX}">${escapeXml(label)}</text>`;
        return `<g class="legend-item" data-agent="${agentIndex}">${line}${marker(agentIndex, x + 12, y, color)}${text}</g>`;
      }),
    )
    .join('\n');
}

/** Wraps legend entries into centred rows; labels longer than the limit are cut with an ellipsis. */
function layoutLegend(labels: string[]): ChartLayout['legendRows'] {
  const available = WIDTH - MARGIN.left - MARGIN.right;
  const items = labels.map((raw, agentIndex) => {
    const label = raw.length > LEGEND_MAX_CHARS ? `${raw.slice(0, LEGEND_MAX_CHARS - 1)}…` : raw;
    return { label, agentIndex, width: 30 + label.length * LEGEND_FONT_PX * CHAR_WIDTH_EM + 24 };
  });
  const rows: (typeof items)[] = [];
  const widthOf = (row: typeof items) => row.reduce((sum, i) => sum + i.width, 0);
  for (const item of items) {
    const row = rows.at(-1);
    if (row && widthOf(row) + item.width <= available) row.push(item);
    else rows.push([item]);
  }
  return rows.map((row) => {
    const start = MARGIN.left + (available - widthOf(row) + 24) / 2;
    return row.map(({ label, agentIndex }, i) => ({ label, agentIndex, x: round(start + widthOf(row.slice(0, i))) }));
  });
}

/** Move-to at the start and after a level in the data that this agent lacks, line-to otherwise: one coordinate pair per level with a value. */
function pathData(layout: ChartLayout, panelIndex: number, agentIndex: number, levels: LevelResult[], spec: PanelSpec): string {
  const sorted = [...levels].sort((a, b) => a.level - b.level);
  const commands: string[] = [];
  let previousIndex: number | undefined;
  for (const level of sorted) {
    const value = spec.value(level);
    if (value === undefined) continue;
    const index = layout.levels.indexOf(level.level);
    const joined = previousIndex !== undefined && index === previousIndex + 1;
    commands.push(`${joined ? 'L' : 'M'}${xForLevel(layout, panelIndex, level.level, agentIndex)},${yForFraction(layout, value)}`);
    previousIndex = index;
  }
  return commands.join(' ');
}

function errorBar(x: number, layout: ChartLayout, interval: Interval, color: string, agentIndex: number, level: number): string {
  const yLow = yForFraction(layout, interval.low);
  const yHigh = yForFraction(layout, interval.high);
  const cap = (y: number) => `<line x1="${round(x - CAP_HALF_WIDTH_PX)}" y1="${y}" x2="${round(x + CAP_HALF_WIDTH_PX)}" y2="${y}"/>`;
  const stem = `<line class="stem" x1="${x}" y1="${yLow}" x2="${x}" y2="${yHigh}"/>`;
  return `<g class="error-bar" data-agent="${agentIndex}" data-level="${level}" stroke="${color}" stroke-width="1.4">${stem}${cap(yLow)}${cap(yHigh)}</g>`;
}

function marker(agentIndex: number, x: number, y: number, color: string, tip?: string): string {
  const corners = MARKERS[agentIndex % MARKERS.length]!;
  const title = tip === undefined ? '' : `<title>${escapeXml(tip)}</title>`;
  const style = `class="marker" data-agent="${agentIndex}" fill="${color}" stroke="#ffffff" stroke-width="1"`;
  if (!corners.length) return `<circle ${style} cx="${x}" cy="${y}" r="4.5">${title}</circle>`;
  return `<polygon ${style} points="${corners.map(([dx, dy]) => `${round(x + dx)},${round(y + dy)}`).join(' ')}">${title}</polygon>`;
}

/** The episodes behind `level`: one count when every agent ran as many, else the range ("12–60"). */
function episodesAt(results: Results, level: number): string | undefined {
  const counts = results.agents.flatMap((agent) => agent.levels.filter((l) => l.level === level).map((l) => l.episodes));
  if (!counts.length) return undefined;
  const low = Math.min(...counts);
  const high = Math.max(...counts);
  return low === high ? String(high) : `${low}–${high}`;
}

function levelStepPx(layout: ChartLayout): number {
  const panel = layout.panels[0]!;
  return (panel.right - panel.left) / (layout.maxLevel - layout.minLevel + 1);
}

function colorOf(agentIndex: number): string {
  return PALETTE[agentIndex % PALETTE.length]!;
}

function percent(fraction: number | undefined): string {
  return fraction === undefined ? '—' : `${(fraction * 100).toFixed(1)}%`;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
