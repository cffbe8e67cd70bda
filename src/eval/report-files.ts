import { join } from 'node:path';
import sharp from 'sharp';
import type { Results } from '../core/results.js';
import { writeFileAtomic } from '../store/index.js';
import { renderResultsChart } from './report-chart.js';
import { renderResultsHtml } from './report-html.js';

export interface ReportFiles {
  results: string;
  chartSvg: string;
  chartPng: string;
  html: string;
}

/** Writes results.json, the chart (SVG, and PNG for slides and viewers) and the HTML report into `dir`. */
export async function writeReportFiles(results: Results, dir: string, options: { title?: string } = {}): Promise<ReportFiles> {
  const files: ReportFiles = {
    results: join(dir, 'results.json'),
    chartSvg: join(dir, 'chart.svg'),
    chartPng: join(dir, 'chart.png'),
    html: join(dir, 'report.html'),
  };
  const svg = renderResultsChart(results, options);
  const png = await sharp(Buffer.from(svg), { density: 144 }).png().toBuffer();
  await writeFileAtomic(files.results, `${JSON.stringify(results, null, 2)}\n`);
  await writeFileAtomic(files.chartSvg, svg);
  await writeFileAtomic(files.chartPng, png);
  await writeFileAtomic(files.html, renderResultsHtml(results, svg));
  return files;
}
