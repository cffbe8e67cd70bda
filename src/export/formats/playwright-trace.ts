import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { TrajsynthError } from '../../core/errors.js';
import { sha256Hex } from '../fingerprint.js';
import type { DatasetFormat, ExportUnit, FormatContext, FormatOutput } from '../sample.js';
import { writeZip } from '../zip-writer.js';
import { checkTraceArchive, TRACE_ENTRY } from './playwright-trace-check.js';
import { traceOfUnit, type TraceContent } from './playwright-trace-events.js';
import { PLAYWRIGHT_TRACE_VERIFIED_WITH, PLAYWRIGHT_TRACE_VERSION } from './playwright-trace-schema.js';

/** The archive's entries: the events, an empty network log (the recorder always writes one), then the screenshots. */
export function traceArchive(trace: TraceContent): Uint8Array {
  const events = `${trace.events.map((event) => JSON.stringify(event)).join('\n')}\n`;
  return writeZip([
    { name: TRACE_ENTRY, bytes: Buffer.from(events, 'utf8') },
    { name: 'trace.network', bytes: new Uint8Array() },
    // Screenshots are WebP, PNG or JPEG already: deflating them again gains nothing.
    ...[...trace.resources].map(([name, bytes]) => ({ name, bytes, compress: false })),
  ]);
}

/** `traces/<split>/<sample id with / as __>.zip`, other characters a file name should not carry as `_`; a clash gets `-2`, `-3`. */
function archivePath(unit: ExportUnit, used: Set<string>): string {
  const base = `traces/${unit.sample.split}/${unit.id.replace(/\//g, '__').replace(/[^A-Za-z0-9._-]/g, '_')}`;
  let path = `${base}.zip`;
  for (let n = 2; used.has(path); n += 1) path = `${base}-${n}.zip`;
  used.add(path);
  return path;
}

/**
 * `playwright-trace`: one trace archive per trajectory (level-k task or evaluation episode) that
 * Playwright's trace viewer opens (`npx playwright show-trace FILE`, or trace.playwright.dev): a
 * group per subtask, each step as the Playwright call that does the same with its point and its
 * before and after screenshots, the end state last. The format is Playwright's internal one, written
 * as version PLAYWRIGHT_TRACE_VERSION and verified with Playwright PLAYWRIGHT_TRACE_VERIFIED_WITH.
 * Trajectory units only. Points are pixels of the screenshots (the viewer draws them there), so
 * `--coords` does not apply; the screenshots travel inside the archives, not in images/.
 */
export const playwrightTraceFormat: DatasetFormat = {
  id: 'playwright-trace',
  imageFiles: false,
  async write(units: AsyncIterable<ExportUnit> | Iterable<ExportUnit>, context: FormatContext): Promise<FormatOutput> {
    const files: FormatOutput['files'] = [];
    const records: FormatOutput['records'] = [];
    const used = new Set<string>();
    let coords: ExportUnit['coords'] | undefined;
    for await (const unit of units) {
      if (unit.unit !== 'trajectory') {
        throw new TrajsynthError(
          `Expected --unit trajectory for --format playwright-trace, got --unit ${unit.unit}: a trace replays one whole trajectory`,
          {
            code: 'BAD_INPUT',
            hint: 'Drop --unit step (trajectory is the default): each level-k task or episode becomes one trace, opened with `npx playwright show-trace FILE`.',
          },
        );
      }
      coords = unit.coords;
      const bytes = traceArchive(traceOfUnit(unit));
      const path = archivePath(unit, used);
      await mkdir(dirname(join(context.root, path)), { recursive: true });
      await writeFile(join(context.root, path), bytes);
      files.push({ path, split: unit.sample.split, records: 1 });
      records.push({ key: unit.id, sha256: sha256Hex(bytes), split: unit.sample.split });
    }
    const notes = [
      `playwright-trace: open a trace with \`npx playwright show-trace ${files[0]?.path ?? 'FILE'}\` (trace format ${PLAYWRIGHT_TRACE_VERSION}, verified with the viewer of Playwright ${PLAYWRIGHT_TRACE_VERIFIED_WITH})`,
    ];
    if (coords !== undefined && coords !== 'absolute')
      notes.push(
        `playwright-trace: points are pixels of the screenshots, as the trace viewer draws them; --coords ${coords} does not apply`,
      );
    return { files, records, notes };
  },
  checkFile: checkTraceArchive,
};
