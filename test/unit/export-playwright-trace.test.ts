import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StepSchema, type Step } from '../../src/core/step.js';
import { exportDataset, type ExportOptions } from '../../src/export/export-dataset.js';
import { DatasetManifestSchema } from '../../src/export/manifest.js';
import { playwrightTraceFormat, traceArchive } from '../../src/export/formats/playwright-trace.js';
import { traceEvents, traceProblems } from '../../src/export/formats/playwright-trace-check.js';
import { traceOfUnit } from '../../src/export/formats/playwright-trace-events.js';
import { PLAYWRIGHT_TRACE_VERSION, type BeforeEvent, type TraceEvent } from '../../src/export/formats/playwright-trace-schema.js';
import { parseSplitRule } from '../../src/export/split.js';
import { validateDataset } from '../../src/export/validate-dataset.js';
import { readZip } from '../../src/export/zip-reader.js';
import { writeZip } from '../../src/export/zip-writer.js';
import { chainLayout, type RunLayout } from '../../src/store/layout.js';
import { writeFixtureEvalRun, writeFixtureRun } from '../support/export-fixture.js';
import { encodeScreens, formatContext, STEPS, trajectoryUnit } from '../support/export-units.js';

/** `--format playwright-trace` on the fixture store and on a hand-built trajectory of every action kind. */
let temp: string;
let run: RunLayout;

beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'trajsynth-trace-'));
  run = await writeFixtureRun(join(temp, 'store'));
});

afterAll(async () => {
  await rm(temp, { recursive: true, force: true });
});

function options(dest: string, overrides: Partial<ExportOptions> = {}): ExportOptions {
  return {
    sources: [run],
    format: 'playwright-trace',
    dest: join(temp, dest),
    unit: 'trajectory',
    history: 2,
    actionSpace: 'pixel',
    coords: 'absolute',
    imageFormat: 'webp',
    filters: {},
    split: parseSplitRule('train=0.5,test=0.5'),
    ...overrides,
  };
}

async function storedSteps(chainId: string): Promise<Step[]> {
  const text = await readFile(chainLayout(run, chainId).stepsFile, 'utf8');
  return text
    .trim()
    .split('\n')
    .map((line) => StepSchema.parse(JSON.parse(line)));
}

function eventsOf(entries: Map<string, Uint8Array>): TraceEvent[] {
  const { events, problems } = traceEvents(entries);
  expect(problems).toEqual([]);
  return events.map(({ event }) => event);
}

const isGroup = (event: TraceEvent): event is BeforeEvent => event.type === 'before' && event.method === 'tracingGroup';
const isStep = (event: TraceEvent): event is BeforeEvent => event.type === 'before' && event.parentId !== undefined;

describe('export --format playwright-trace', () => {
  it('writes one archive per level-k task: a group per subtask, the steps in order at their recorded points, every file present', async () => {
    const result = await exportDataset(options('traces-a'));
    const manifest = DatasetManifestSchema.parse(JSON.parse(await readFile(join(result.dest, 'manifest.json'), 'utf8')));
    expect(manifest.format).toBe('playwright-trace');
    const archives = manifest.files.filter((file) => file.path.endsWith('.zip'));
    expect(archives.map((file) => file.path).sort()).toEqual(
      ['c0001', 'c0002'].flatMap((chain) =>
        ['L1', 'L2'].map((level) => expect.stringMatching(new RegExp(`^traces/(train|test)/fixture-run__${chain}__${level}\\.zip$`))),
      ),
    );
    expect(manifest.records.map((record) => record.key).sort()).toEqual([
      'fixture-run/c0001/L1',
      'fixture-run/c0001/L2',
      'fixture-run/c0002/L1',
      'fixture-run/c0002/L2',
    ]);
    expect(manifest.files.some((file) => file.path.startsWith('images/'))).toBe(false);
    expect(manifest.notes[0]).toMatch(/npx playwright show-trace traces\//);
    expect((await validateDataset(result.dest)).problems).toEqual([]);

    for (const chainId of ['c0001', 'c0002']) {
      const chain = JSON.parse(await readFile(chainLayout(run, chainId).chainFile, 'utf8')) as { subtasks: { description: string }[] };
      const recorded = (await storedSteps(chainId)).filter((step) => step.executed.action.type !== 'done');
      const file = archives.find((candidate) => candidate.path.endsWith(`__${chainId}__L2.zip`))!;
      const entries = readZip(await readFile(join(result.dest, file.path)));
      expect(await traceProblems(entries)).toEqual([]);
      const events = eventsOf(entries);
      const context = events[0]!;
      expect(context).toMatchObject({
        type: 'context-options',
        version: PLAYWRIGHT_TRACE_VERSION,
        browserName: 'chromium',
        options: { viewport: { width: 1280, height: 800 } },
        wallTime: Date.parse('2026-01-01T00:00:00.000Z'),
      });
      const groups = events.filter(isGroup);
      expect(groups.map((group) => group.title)).toEqual(chain.subtasks.map((subtask) => subtask.description));
      const steps = events.filter(isStep);
      expect(steps).toHaveLength(recorded.length);
      steps.forEach((step, position) => {
        // Each step sits in its own subtask's group (the fixture has one action per subtask).
        expect(step.parentId).toBe(groups[position]!.callId);
        const input = events.find((event) => event.type === 'input' && event.callId === step.callId);
        const coordinates = recorded[position]!.executed.coordinates;
        if (coordinates) expect(input).toMatchObject({ point: coordinates });
        else expect(input).toBeUndefined();
        // Before and after screenshots: the step's own screen, then the next one.
        const shots = events.filter((event) => event.type === 'screenshot' && event.callId === step.callId);
        expect(shots.map((shot) => shot.type === 'screenshot' && shot.phase)).toEqual(
          coordinates ? ['before', 'action', 'after'] : ['before', 'after'],
        );
      });
      expect(steps.map((step) => step.title)).toEqual(
        chainId === 'c0001'
          ? ['click checkbox "Save Seaside Foam Roller"', 'click link "Wishlist"']
          : ['fill searchbox "Search mail" with "Quarterly invoice"', 'click button "Archive"'],
      );
      // Times come from the recorded timings (10 ms action + 20 ms observation per step), from 0.
      const starts = steps.map((step) => step.startTime);
      expect(starts).toEqual([0, 30]);
      const last = events.findLast((event) => event.type === 'before')!;
      expect(last).toMatchObject({ title: 'done', class: 'Agent', method: 'done' });
      expect(last).not.toHaveProperty('parentId');
      // Every file an event names is in the archive, under the sha1 of its bytes.
      for (const event of events) {
        if (event.type !== 'screenshot' && event.type !== 'screencast-frame') continue;
        const bytes = entries.get(event.file);
        expect(bytes, event.file).toBeDefined();
        expect(event.file).toBe(`resources/${createHash('sha1').update(bytes!).digest('hex')}.webp`);
      }
    }

    const again = await exportDataset(options('traces-b'));
    for (const file of archives)
      expect(
        createHash('sha256')
          .update(await readFile(join(again.dest, file.path)))
          .digest('hex'),
        file.path,
      ).toBe(file.sha256);
  });

  it("gives an evaluation episode one group, titled with its task, and the episode's start as the wall time", async () => {
    const evalRun = await writeFixtureEvalRun(join(temp, 'store'));
    const result = await exportDataset(options('traces-eval', { sources: [evalRun], split: parseSplitRule('train=1') }));
    const file = result.manifest.files.find((candidate) => candidate.path === 'traces/train/fixture-eval__c0002-L2-r0.zip')!;
    const events = eventsOf(readZip(await readFile(join(result.dest, file.path))));
    expect(events[0]).toMatchObject({
      type: 'context-options',
      wallTime: Date.parse('2026-01-01T00:02:00.000Z'),
      title: 'Search the mail for “Quarterly invoice”, then archive that message.',
    });
    expect(events.filter(isGroup).map((group) => group.title)).toEqual([
      'Search the mail for “Quarterly invoice”, then archive that message.',
    ]);
    expect(events.filter(isStep).map((step) => step.title)).toEqual([
      'fill searchbox "Search mail" with "Quarterly invoice"',
      'click button "Archive"',
    ]);
  });

  it('refuses --unit step with the fix', async () => {
    await expect(exportDataset(options('traces-step', { unit: 'step' }))).rejects.toMatchObject({
      code: 'BAD_INPUT',
      message: expect.stringMatching(/^Expected --unit trajectory for --format playwright-trace, got --unit step/),
      hint: expect.stringMatching(/Drop --unit step/),
    });
  });

  it('maps every action kind to its Playwright call, carries errors, and scales points with the screenshots', async () => {
    const root = await mkdtemp(join(temp, 'units-'));
    const unit = trajectoryUnit(await encodeScreens('png', 0.5), 'pixel', 'unit');
    unit.sample.steps.forEach((step, index) => (step.subtaskIndex = index < 6 ? 0 : 1));
    const output = await playwrightTraceFormat.write([unit], formatContext(root));
    expect(output.files).toEqual([{ path: 'traces/train/run-1__c0001__L2.zip', split: 'train', records: 1 }]);
    expect(output.notes[1]).toMatch(/--coords unit does not apply/);
    expect(await playwrightTraceFormat.checkFile(root, output.files[0]!.path)).toEqual([]);
    const events = eventsOf(readZip(await readFile(join(root, output.files[0]!.path))));
    const steps = events.filter(isStep);
    expect(steps.map((step) => `${step.class}.${step.method}: ${step.title}`)).toEqual([
      'Frame.click: click link "Write runbook"',
      'Frame.dblclick: double click cell "Due date"',
      'Frame.fill: fill textbox "Title" with "Hello <image> world"',
      'Frame.fill: fill textbox "Title" with " again"',
      'Page.keyboardPress: press "Control+a"',
      'Frame.press: press "Enter" on textbox "Title"',
      'Frame.selectOption: select "High" in combobox "Priority"',
      'Page.mouseWheel: scroll by (0, 300) at (320, 200)',
      'Frame.waitForTimeout: wait 500 ms',
      'Frame.goto: goto http://127.0.0.1:3000/tasks',
      'Page.goBack: go back',
      'Frame.click: click button "Archive"',
    ]);
    expect(steps[0]!.params).toEqual({ selector: 'internal:role=link[name="Write runbook"i]' });
    expect(steps.map((step) => step.parentId)).toEqual(STEPS.map((_, index) => events.filter(isGroup)[index < 6 ? 0 : 1]!.callId));
    // Points and frames are in the exported (half-size) screenshots' pixels.
    expect(events.find((event) => event.type === 'input' && event.callId === steps[0]!.callId)).toMatchObject({
      point: { x: 182.5, y: 345 },
    });
    expect(events.find((event) => event.type === 'screencast-frame')).toMatchObject({ width: 640, height: 400 });
    const failed = events.find((event) => event.type === 'after' && event.callId === steps.at(-1)!.callId);
    expect(failed).toMatchObject({ error: { name: 'Error', message: 'Could not click button "Archive": no such element' } });
    expect(events.findLast((event) => event.type === 'before')).toMatchObject({
      class: 'Agent',
      method: 'done',
      title: 'done, answering "Medium"',
      params: { answer: 'Medium' },
    });
    // Without recorded timings, steps are a second apart.
    expect(steps.slice(0, 3).map((step) => step.startTime)).toEqual([0, 1000, 2000]);
  });

  it('lists what is wrong with a damaged archive', async () => {
    const root = await mkdtemp(join(temp, 'damaged-'));
    const trace = traceOfUnit(trajectoryUnit(await encodeScreens('webp'), 'pixel', 'absolute'));
    const [firstResource] = [...trace.resources.keys()];
    const lines = trace.events.map((event) => JSON.stringify(event));
    const entries = [
      {
        name: 'trace.trace',
        bytes: Buffer.from(
          [...lines.slice(0, 3), '{not json', JSON.stringify({ type: 'after', callId: 'call@999', endTime: 1 }), ...lines.slice(3)].join(
            '\n',
          ),
        ),
      },
      ...[...trace.resources].filter(([name]) => name !== firstResource).map(([name, bytes]) => ({ name, bytes })),
      { name: 'resources/0000000000000000000000000000000000000000.png', bytes: Buffer.from('x') },
    ];
    await writeFile(join(root, 'bad.zip'), writeZip(entries));
    const problems = await playwrightTraceFormat.checkFile(root, 'bad.zip');
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^bad\.zip: trace\.trace line 4: Expected one JSON event per line, got invalid JSON/),
        'bad.zip: trace.trace line 5: callId: Expected a call started earlier, got "call@999"',
        expect.stringMatching(
          new RegExp(
            `^bad\\.zip: trace\\.trace line \\d+: file: Expected ${firstResource!.replace('.', '\\.')} in the archive, got no such entry`,
          ),
        ),
        expect.stringMatching(/^bad\.zip: resources\/0{40}\.png: Expected the bytes to hash to the sha1 in the name/),
      ]),
    );
    await writeFile(join(root, 'not.zip'), 'hello');
    expect(await playwrightTraceFormat.checkFile(root, 'not.zip')).toEqual([
      expect.stringMatching(/^not\.zip: Expected a zip archive, got /),
    ]);
    expect(traceArchive(trace)).toEqual(traceArchive(trace));
  });
});
