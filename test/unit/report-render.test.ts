import { writeFileSync } from 'node:fs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ResultsSchema, type LevelResult, type Results } from '../../src/core/results.js';
import { chartLayout, renderResultsChart, yForFraction } from '../../src/eval/report-chart.js';
import { renderResultsHtml } from '../../src/eval/report-html.js';

const TRICKY_LABEL = 'cua <&> "beta"';

/** 95% Wilson interval, so the fixture's intervals look like real ones. */
function wilson(successes: number, n: number): { low: number; high: number } {
  const z = 1.96;
  const p = successes / n;
  const center = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return { low: Math.max(0, center - half), high: Math.min(1, center + half) };
}

function level(k: number, successes: number, episodes: number, meanProgress: number, extra: Partial<LevelResult> = {}): LevelResult {
  return {
    level: k,
    tasks: episodes / 2,
    episodes,
    successes,
    success: successes / episodes,
    successCi: wilson(successes, episodes),
    meanProgress,
    progressCi: { low: Math.max(0, meanProgress - 0.3 - k * 0.05), high: Math.min(k, meanProgress + 0.3 + k * 0.05) },
    meanSteps: 8 * k + 3,
    wallMsPerEpisode: 21_000 * k,
    costUsdPerEpisode: 0.04 * k,
    costUsdPerSuccess: successes ? (0.04 * k * episodes) / successes : undefined,
    errors: 0,
    ...extra,
  };
}

function pooled(episodes: number, successes: number, chains: number) {
  return {
    episodes,
    successes,
    chains,
    success: successes / episodes,
    successCi: { low: 0.3, high: 0.5 },
    progressFraction: 0.55,
    progressFractionCi: { low: 0.48, high: 0.62 },
    meanSteps: 24.5,
    wallMsPerEpisode: 70_000,
    costUsd: 12.5,
    costUsdPerEpisode: 0.1,
    costUsdPerSuccess: undefined,
  };
}

const fixture: Results = ResultsSchema.parse({
  schema: 'trajsynth-results',
  version: 1,
  generatedAt: '2025-06-01T12:00:00.000Z',
  tool: { name: 'trajsynth', version: '0.1.0' },
  bootstrap: { resamples: 2000, seed: 7 },
  agents: [
    {
      label: TRICKY_LABEL,
      agent: 'openai:computer-use-preview',
      runs: ['run-a'],
      levels: [
        level(1, 34, 40, 0.85),
        level(2, 27, 40, 1.55),
        level(3, 19, 40, 2.1, { errors: 2 }),
        level(4, 13, 40, 2.6),
        level(5, 8, 40, 3.1, { errors: 1 }),
        level(6, 4, 40, 3.4),
      ],
      pooled: pooled(240, 105, 40),
      errors: 3,
      errorReasons: [{ reason: 'endpoint 503 <retry exhausted>', count: 3 }],
      failureReasons: [
        { reason: 'wrong field edited', count: 61 },
        { reason: 'step budget', count: 74 },
      ],
      judge: {
        overall: { episodes: 240, agreement: 0.91, precision: 0.88, recall: 0.93, kappa: 0.81 },
        levels: [1, 2, 3, 4, 5, 6].map((k) => ({
          level: k,
          episodes: 40,
          agreement: 0.95 - k * 0.01,
          precision: 0.9,
          recall: 0.92,
          kappa: 0.85 - k * 0.02,
        })),
      },
    },
    {
      label: 'anthropic:claude-sonnet',
      agent: 'anthropic:claude-sonnet',
      runs: ['run-b'],
      levels: [level(1, 36, 40, 0.9), level(2, 30, 40, 1.7), level(3, 24, 40, 2.4), level(5, 12, 40, 3.5), level(6, 7, 40, 4.1)],
      pooled: pooled(200, 109, 40),
      errors: 0,
      errorReasons: [],
      failureReasons: [{ reason: 'stopped early', count: 91 }],
    },
  ],
});

/** Checks that every opened tag closes in order: enough to catch broken markup without an XML parser. */
function assertBalancedTags(markup: string): void {
  const stack: string[] = [];
  for (const [, closing, name, selfClosing] of markup.matchAll(/<(\/?)([a-zA-Z][\w-]*)\b[^>]*?(\/?)>/g)) {
    if (selfClosing) continue;
    if (!closing) stack.push(name!);
    else expect(stack.pop(), `closing </${name}>`).toBe(name);
  }
  expect(stack).toEqual([]);
}

function attributesOf(tag: string): Record<string, string> {
  return Object.fromEntries([...tag.matchAll(/([\w-]+)="([^"]*)"/g)].map(([, key, value]) => [key!, value!]));
}

function panelMarkup(svg: string, panelIndex: number): string {
  const start = svg.indexOf(`<g class="panel" data-panel="${panelIndex}">`);
  expect(start).toBeGreaterThanOrEqual(0);
  const end = svg.indexOf('<g class="panel"', start + 1);
  return svg.slice(start, end === -1 ? undefined : end);
}

describe('renderResultsChart', () => {
  const svg = renderResultsChart(fixture);
  const layout = chartLayout(fixture);

  it('produces well-formed SVG that sharp rasterises at the expected size', async () => {
    assertBalancedTags(svg);
    const png = await sharp(Buffer.from(svg), { density: 144 }).png().toBuffer();
    const metadata = await sharp(png).metadata();
    expect(metadata.format).toBe('png');
    expect(metadata.width).toBe(layout.width * 2);
    expect(layout.width).toBe(960);
    if (process.env.REPORT_PREVIEW) {
      writeFileSync('/tmp/report-chart-preview.png', png);
      writeFileSync('/tmp/report-preview.html', renderResultsHtml(fixture, svg));
    }
  });

  it('draws one point per level with a value and breaks the line at a missing level', () => {
    for (const panelIndex of [0, 1]) {
      const paths = [...panelMarkup(svg, panelIndex).matchAll(/<path class="series"[^>]*>/g)].map((m) => attributesOf(m[0]));
      expect(paths.map((p) => p['data-agent'])).toEqual(['0', '1']);
      const commands = paths.map((p) =>
        p
          .d!.split(' ')
          .map((c) => c[0])
          .join(''),
      );
      expect(commands).toEqual(['MLLLLL', 'MLLML']);
    }
  });

  it('places error-bar ends at the pixel y of each interval bound', () => {
    for (const [agentIndex, agent] of fixture.agents.entries()) {
      for (const result of agent.levels) {
        const pattern = new RegExp(
          `<g class="error-bar" data-agent="${agentIndex}" data-level="${result.level}"[^>]*><line class="stem"[^>]*>`,
          'g',
        );
        const [success, progress] = [0, 1].map((i) =>
          [...panelMarkup(svg, i).matchAll(pattern)].map((m) => attributesOf(m[0].slice(m[0].indexOf('<line')))),
        );
        expect(success).toHaveLength(1);
        expect(progress).toHaveLength(1);
        expect(Number(success![0]!.y1)).toBeCloseTo(yForFraction(layout, result.successCi!.low), 5);
        expect(Number(success![0]!.y2)).toBeCloseTo(yForFraction(layout, result.successCi!.high), 5);
        expect(Number(progress![0]!.y1)).toBeCloseTo(yForFraction(layout, result.progressCi!.low / result.level), 5);
        expect(Number(progress![0]!.y2)).toBeCloseTo(yForFraction(layout, result.progressCi!.high / result.level), 5);
      }
    }
    expect(yForFraction(layout, 0)).toBe(layout.plotBottom);
    expect(yForFraction(layout, 1)).toBe(layout.plotTop);
  });

  it('escapes labels and shows episode counts under the level ticks', () => {
    expect(svg).toContain('cua &lt;&amp;&gt; &quot;beta&quot;');
    expect(svg).not.toContain(TRICKY_LABEL);
    expect([...panelMarkup(svg, 0).matchAll(/class="n"[^>]*>n=(\d+)</g)].map((m) => m[1])).toEqual(['40', '40', '40', '40', '40', '40']);
    // Agents that ran different numbers of episodes show the range, not the largest count alone.
    const first = fixture.agents[0]!;
    const mixed: Results = {
      ...fixture,
      agents: [first, { ...first, label: 'fewer', levels: first.levels.map((level) => ({ ...level, episodes: 12 })) }],
    };
    expect([...panelMarkup(renderResultsChart(mixed), 0).matchAll(/class="n"[^>]*>n=([\d–]+)</g)].map((m) => m[1])).toEqual(
      Array(6).fill('12–40'),
    );
  });
});

describe('renderResultsHtml', () => {
  const html = renderResultsHtml(fixture, renderResultsChart(fixture));
  const levelTables = [...html.matchAll(/<table class="levels">[\s\S]*?<\/table>/g)].map((m) => m[0]);

  it('is a balanced standalone page with the chart inlined', () => {
    assertBalancedTags(html.replace(/<!DOCTYPE html>|<meta[^>]*>/g, ''));
    expect(html).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
    expect(html).not.toMatch(/<script|<link/);
  });

  it('has a row per level plus a pooled row for each agent, with CIs in brackets', () => {
    expect(levelTables).toHaveLength(2);
    expect(levelTables.map((t) => t.match(/<tr class="level">/g)?.length)).toEqual([6, 5]);
    expect(levelTables.every((t) => t.includes('pooled (bootstrap CI by chain)'))).toBe(true);
    const wilsonOfLevel1 = wilson(34, 40);
    expect(levelTables[0]).toContain(
      `85.0% <span class="ci">[${(wilsonOfLevel1.low * 100).toFixed(1)}–${(wilsonOfLevel1.high * 100).toFixed(1)}]</span>`,
    );
    expect(levelTables[0]).toContain('0.85/1 <span class="ci">[0.50–1.00]</span>');
    expect(levelTables[1]).toContain('<td>pooled (bootstrap CI by chain)</td><td class="num">40</td><td class="num">200</td>');
    expect(levelTables[1]).toContain('<td class="num">—</td>');
  });

  it('lists reasons, judge agreement and escapes all text', () => {
    expect(html).toContain('<h2>cua &lt;&amp;&gt; &quot;beta&quot;</h2>');
    expect(html).toContain('<td>endpoint 503 &lt;retry exhausted&gt;</td><td class="num">3</td>');
    expect(html).toMatch(/<td>step budget<\/td>[\s\S]*<td>wrong field edited<\/td>/);
    expect(html.match(/<table class="judge">/g)).toHaveLength(1);
    expect(html).toContain(
      '<tr class="pooled"><td>overall</td><td class="num">240</td><td class="num">91.0%</td><td class="num">88.0%</td><td class="num">93.0%</td><td class="num">0.81</td></tr>',
    );
  });
});
