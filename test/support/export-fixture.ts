import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { ChainRecordSchema, ChainTasksSchema, SCHEMA_VERSION, type ChainRecord } from '../../src/core/chain.js';
import { EpisodeRecordSchema, EvalRunMetaSchema } from '../../src/core/eval.js';
import { RunMetaSchema, type RunMeta } from '../../src/core/run.js';
import { StepSchema, type Step } from '../../src/core/step.js';
import type { Predicate } from '../../src/core/predicate.js';
import type { InteractionKind } from '../../src/core/task.js';
import { emptyUsage } from '../../src/core/usage.js';
import { tasksLine } from '../../src/pipeline/run-meta.js';
import { chainLayout, runLayout, type RunLayout } from '../../src/store/layout.js';
import { writeRunMeta, writeTasksFile } from '../../src/store/run-store.js';

/**
 * A tiny, valid synthesis run on disk, faithful to the schemas (everything written is parsed with
 * them first): two chains (shop and mail) of two levels each, four steps per chain, real 1280x800
 * WebP screenshots and YAML snapshots. For tests of the readers of a run (validate, stats, export).
 */
export const FIXTURE_RUN_ID = 'fixture-run';
export const VIEWPORT = { width: 1280, height: 800 };

interface SubtaskSpec {
  description: string;
  interaction: InteractionKind;
  entities: string[];
  predicates: Predicate[];
  action: Step['executed'];
}

interface ChainSpec {
  environment: string;
  persona: string;
  envSeed: number;
  subtasks: [SubtaskSpec, SubtaskSpec];
  tasks: [string, string];
}

const origin = 'http://127.0.0.1:4000';

const CHAINS: ChainSpec[] = [
  {
    environment: 'shop',
    persona: 'support-agent',
    envSeed: 11,
    subtasks: [
      {
        description: 'Save “Seaside Foam Roller” to wishlist.',
        interaction: 'toggle',
        entities: ['Seaside Foam Roller'],
        predicates: [{ kind: 'element', role: 'checkbox', name: 'Save Seaside Foam Roller', present: true, checked: true }],
        action: {
          action: { type: 'click', target: { role: 'checkbox', name: 'Save Seaside Foam Roller' } },
          coordinates: { x: 300, y: 400 },
          outcome: { ok: true },
          urlAfter: `${origin}/`,
        },
      },
      {
        description: 'Open “Wishlist”.',
        interaction: 'navigate',
        entities: ['Wishlist'],
        predicates: [{ kind: 'url', includes: '/wishlist' }],
        action: {
          action: { type: 'click', target: { role: 'link', name: 'Wishlist' } },
          coordinates: { x: 1100, y: 40 },
          outcome: { ok: true },
          urlAfter: `${origin}/wishlist`,
        },
      },
    ],
    tasks: ['Save “Seaside Foam Roller” to wishlist.', 'First, save “Seaside Foam Roller” to wishlist. Then open “Wishlist”.'],
  },
  {
    environment: 'mail',
    persona: 'operations-analyst',
    envSeed: 12,
    subtasks: [
      {
        description: 'Search the mail for “Quarterly invoice”.',
        interaction: 'search',
        entities: ['Quarterly invoice'],
        predicates: [{ kind: 'url', includes: 'q=Quarterly' }],
        action: {
          action: { type: 'type', target: { role: 'searchbox', name: 'Search mail' }, text: 'Quarterly invoice' },
          outcome: { ok: true },
          urlAfter: `${origin}/search?q=Quarterly+invoice`,
        },
      },
      {
        description: 'Archive the message “Quarterly invoice”.',
        interaction: 'item-action',
        entities: ['Quarterly invoice'],
        predicates: [
          { kind: 'state-field', collection: 'messages', match: { subject: 'Quarterly invoice' }, field: 'folder', equals: 'archive' },
        ],
        action: {
          action: { type: 'click', target: { role: 'button', name: 'Archive' } },
          coordinates: { x: 700, y: 120 },
          outcome: { ok: true },
          urlAfter: `${origin}/mail/inbox`,
        },
      },
    ],
    tasks: ['Search the mail for “Quarterly invoice”.', 'Search the mail for “Quarterly invoice”, then archive that message.'],
  },
];

/** A 1280x800 WebP with a texture (so a cut-off copy cannot decode by luck), different per `seed`. */
export async function screenshotWebp(seed: number, viewport = VIEWPORT): Promise<Buffer> {
  const pixels = Buffer.alloc(viewport.width * viewport.height * 3);
  for (let y = 0; y < viewport.height; y += 1) {
    for (let x = 0; x < viewport.width; x += 1) {
      const offset = (y * viewport.width + x) * 3;
      pixels[offset] = (x * 7 + seed * 31) & 0xff;
      pixels[offset + 1] = (y * 5 + x * y) & 0xff;
      pixels[offset + 2] = ((x ^ y) + seed * 17) & 0xff;
    }
  }
  return sharp(pixels, { raw: { ...viewport, channels: 3 } })
    .webp({ quality: 60, effort: 0 })
    .toBuffer();
}

let screenshotCache: Buffer[] | undefined;

async function screenshots(): Promise<Buffer[]> {
  screenshotCache ??= await Promise.all([0, 1, 2, 3, 4].map((seed) => screenshotWebp(seed)));
  return screenshotCache;
}

function chainRecord(spec: ChainSpec, index: number): { record: ChainRecord; steps: Step[] } {
  const chainId = `c000${index + 1}`;
  const steps: Step[] = [];
  const observation = (at: number, url: string) => ({
    index: at,
    url,
    title: `Page ${at}`,
    screenshot: `screens/000${at}.webp`,
    snapshot: `snapshots/000${at}.yaml`,
  });
  const subtasks = spec.subtasks.map((subtask, position) => {
    const id = `${chainId}-s0${position + 1}`;
    const start = position * 2;
    steps.push(
      StepSchema.parse({
        index: start,
        subtaskId: id,
        before: observation(start, `${origin}/`),
        executed: subtask.action,
        after: observation(start + 1, subtask.action.urlAfter),
        timings: timings(),
      }),
      StepSchema.parse({
        index: start + 1,
        subtaskId: id,
        before: observation(start + 1, subtask.action.urlAfter),
        executed: { action: { type: 'done' }, outcome: { ok: true }, urlAfter: subtask.action.urlAfter },
        after: observation(start + 2, subtask.action.urlAfter),
        timings: timings(),
      }),
    );
    return {
      ...subtask,
      action: undefined,
      id,
      origin: 'proposed' as const,
      status: 'accepted' as const,
      level: position + 1,
      steps: { start, end: start + 2 },
      verdict: { success: true, before: [false], after: [true], reason: 'checker false before, true after', method: 'checker' as const },
      usage: emptyUsage(),
      proposedAt: '/',
    };
  });
  const levels = spec.tasks.map((task, position) => ({
    level: position + 1,
    task,
    checker: spec.subtasks.slice(0, position + 1).flatMap((subtask) => subtask.predicates),
    subtaskIds: subtasks.slice(0, position + 1).map((subtask) => subtask.id),
    gold: { start: 0, end: (position + 1) * 2 },
    entities: [...new Set(spec.subtasks.slice(0, position + 1).flatMap((subtask) => subtask.entities))],
    subtaskChecks: spec.subtasks.slice(0, position + 1).map((subtask) => subtask.predicates),
  }));
  const record = ChainRecordSchema.parse({
    schemaVersion: SCHEMA_VERSION,
    chainId,
    index,
    environment: spec.environment,
    envSeed: spec.envSeed,
    agentSeed: spec.envSeed + 100,
    persona: spec.persona,
    startPath: '/',
    status: 'complete',
    subtasks,
    levels,
    stepCount: steps.length,
    usage: emptyUsage(),
  });
  return { record, steps };
}

function timings(): Step['timings'] {
  return { actionMs: 10, observeMs: 20, screenshotMs: 15, snapshotMs: 5, encodeMs: 3, writeMs: 1 };
}

/** Writes the fixture run under `outDir` and returns its layout. */
export async function writeFixtureRun(outDir: string, runId = FIXTURE_RUN_ID): Promise<RunLayout> {
  const layout = runLayout(outDir, runId);
  const images = await screenshots();
  const records: ChainRecord[] = [];
  for (const [index, spec] of CHAINS.entries()) {
    const { record, steps } = chainRecord(spec, index);
    records.push(record);
    const files = chainLayout(layout, record.chainId);
    await mkdir(files.screensDir, { recursive: true });
    await mkdir(files.snapshotsDir, { recursive: true });
    await writeFile(files.chainFile, `${JSON.stringify(record, null, 2)}\n`);
    await writeFile(files.stepsFile, steps.map((step) => JSON.stringify(step)).join('\n') + '\n');
    for (let at = 0; at <= steps.length; at += 1) {
      await writeFile(join(files.screensDir, `000${at}.webp`), images[at]!);
      await writeFile(join(files.snapshotsDir, `000${at}.yaml`), `- main:\n  - heading "Page ${at}" [level=1] [ref=e${at}]\n`);
    }
  }
  await writeTasksFile(
    layout,
    records.map((record) => ChainTasksSchema.parse(tasksLine(record, record.startPath!))),
  );
  const meta: RunMeta = RunMetaSchema.parse({
    schemaVersion: SCHEMA_VERSION,
    kind: 'synth',
    runId,
    tool: { name: 'trajsynth', version: '0.1.0' },
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:01:00.000Z',
    status: 'complete',
    config: {
      environment: 'all',
      chains: 2,
      maxLevel: 2,
      seed: 7,
      concurrency: 1,
      maxStepsPerSubtask: 12,
      maxRetriesPerLevel: 2,
      roles: { proposer: 'heuristic-proposer' },
    },
    chains: records.map((record) => ({
      chainId: record.chainId,
      environment: record.environment,
      status: 'complete',
      levelsReached: 2,
      accepted: 2,
      revised: 0,
      failed: 0,
      steps: record.stepCount,
    })),
    usage: emptyUsage(),
    coverage: [
      {
        environment: 'shop',
        chains: 1,
        declared: 4,
        exercised: [
          { route: '/products|/search|/', kind: 'toggle', name: 'Save', description: 'save to wishlist', subtasks: 1 },
          { route: '/', kind: 'navigate', description: 'open pages', subtasks: 1 },
        ],
        untouched: [],
      },
      {
        environment: 'mail',
        chains: 1,
        declared: 5,
        exercised: [{ route: '*', kind: 'search', description: 'search mail', subtasks: 1 }],
        untouched: [],
      },
    ],
  });
  await writeRunMeta(layout, meta);
  return layout;
}

/** A copy of a fixture store (the whole out directory) to damage. */
export async function copyStore(fromOutDir: string, toOutDir: string): Promise<void> {
  await cp(fromOutDir, toOutDir, { recursive: true });
}

/**
 * Rewrites a chain's chain.json through `edit` and its line in the tasks file to match, so a test
 * damages one thing at a time. `edit` may return raw JSON (an unknown schema version).
 */
export async function editChain(layout: RunLayout, chainId: string, edit: (record: ChainRecord) => unknown): Promise<void> {
  const file = chainLayout(layout, chainId).chainFile;
  const record = ChainRecordSchema.parse(JSON.parse(await readFile(file, 'utf8')));
  const edited = edit(structuredClone(record));
  await writeFile(file, `${JSON.stringify(edited, null, 2)}\n`);
  const parsed = ChainRecordSchema.safeParse(edited);
  if (!parsed.success) return;
  const lines = (await readFile(layout.tasksFile, 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((line) => ChainTasksSchema.parse(JSON.parse(line)));
  const others = lines.filter((line) => line.chainId !== chainId);
  await writeTasksFile(layout, [...others, tasksLine(parsed.data, parsed.data.startPath ?? '/')]);
}

/**
 * A tiny evaluation run of the fixture run's level-k tasks (one episode per task, replaying the gold
 * steps with their screenshots), under the same store. Call writeFixtureRun first.
 */
export async function writeFixtureEvalRun(outDir: string, sourceRunId = FIXTURE_RUN_ID, runId = 'fixture-eval'): Promise<RunLayout> {
  const source = runLayout(outDir, sourceRunId);
  const layout = runLayout(outDir, runId);
  let finished = 0;
  for (const chainId of ['c0001', 'c0002']) {
    const files = chainLayout(source, chainId);
    const record = ChainRecordSchema.parse(JSON.parse(await readFile(files.chainFile, 'utf8')));
    const steps = (await readFile(files.stepsFile, 'utf8')).trim().split('\n');
    for (const level of record.levels) {
      const episodeId = `${chainId}-L${level.level}-r0`;
      const dir = join(layout.episodesDir, episodeId);
      await cp(files.screensDir, join(dir, 'screens'), { recursive: true });
      await cp(files.snapshotsDir, join(dir, 'snapshots'), { recursive: true });
      const gold = steps.slice(level.gold.start, level.gold.end);
      await writeFile(join(dir, 'steps.jsonl'), gold.join('\n') + '\n');
      const episode = EpisodeRecordSchema.parse({
        schemaVersion: SCHEMA_VERSION,
        episodeId,
        task: {
          source: sourceRunId,
          chainId,
          level: level.level,
          environment: record.environment,
          envSeed: record.envSeed,
          startPath: '/',
          text: level.task,
          checker: level.checker,
          subtaskChecks: level.subtaskChecks ?? [],
          gold: level.gold,
        },
        repeat: 0,
        agent: 'gold',
        agentSeed: 1,
        maxSteps: 24,
        status: 'finished',
        endedBy: 'done',
        success: level.level === 1,
        progress: 1,
        invalidAnswers: [],
        stepCount: gold.length,
        usage: emptyUsage(),
        startedAt: '2026-01-01T00:02:00.000Z',
        finishedAt: '2026-01-01T00:02:10.000Z',
      });
      await writeFile(join(dir, 'episode.json'), `${JSON.stringify(episode, null, 2)}\n`);
      finished += 1;
    }
  }
  const meta = EvalRunMetaSchema.parse({
    schemaVersion: SCHEMA_VERSION,
    kind: 'eval',
    runId,
    tool: { name: 'trajsynth', version: '0.1.0' },
    createdAt: '2026-01-01T00:02:00.000Z',
    updatedAt: '2026-01-01T00:03:00.000Z',
    status: 'complete',
    config: {
      source: sourceRunId,
      sourceKind: 'run',
      agent: 'gold',
      levels: [1, 2],
      validOnly: false,
      episodes: 1,
      maxStepsPerSubtask: 12,
      seed: 1,
      concurrency: 1,
    },
    counts: { planned: finished, finished, successes: 2, errors: 0 },
    usage: emptyUsage(),
  });
  await writeFile(layout.runFile, `${JSON.stringify(meta, null, 2)}\n`);
  return layout;
}
