import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ExecutedActionSchema } from '../../core/action.js';
import { PredicateSchema } from '../../core/predicate.js';
import { describeIssue } from '../../store/parse-file.js';
import type { DatasetFormat, ExportUnit, FormatContext, FormatOutput, SampleStep, TrajectorySample } from '../sample.js';
import { readJsonlRecords } from './jsonl-files.js';
import { RecordFiles } from './record-files.js';

/** One line of a `raw` export: trajsynth's own record of a trajectory, with relative image paths. */
export const RawRecordSchema = z.object({
  id: z.string(),
  unit: z.enum(['trajectory', 'step']),
  split: z.string(),
  source: z.object({ runId: z.string(), kind: z.enum(['synth', 'eval']), sourceRunId: z.string(), chainId: z.string() }),
  level: z.number().int().positive(),
  environment: z.string(),
  envSeed: z.number().int(),
  startPath: z.string(),
  persona: z.string().optional(),
  interactions: z.array(z.string()),
  task: z.string(),
  subtasks: z.array(z.string()),
  checker: z.array(PredicateSchema),
  entities: z.array(z.string()),
  answer: z.string().optional(),
  outcome: z.object({ success: z.boolean(), progress: z.number().int().nonnegative(), endedBy: z.string().optional() }).optional(),
  replayValid: z.boolean().optional(),
  actionSpace: z.enum(['pixel', 'ref', 'both']),
  coords: z.enum(['absolute', 'unit', 'thousandths']),
  turns: z.array(
    z.object({
      stepIndex: z.number().int().nonnegative(),
      url: z.string(),
      title: z.string(),
      image: z.object({ path: z.string(), width: z.number().int().positive(), height: z.number().int().positive() }).optional(),
      snapshot: z.string().optional(),
      action: z.record(z.string(), z.unknown()),
      /** The action exactly as trajsynth recorded it (screenshot pixels, element, outcome); absent for the final done turn. */
      executed: ExecutedActionSchema.optional(),
      subtaskIndex: z.number().int().nonnegative().optional(),
      attempt: z.enum(['accepted', 'failed']).optional(),
      ok: z.boolean(),
      error: z.string().optional(),
    }),
  ),
});
export type RawRecord = z.infer<typeof RawRecordSchema>;

function rawRecord(unit: ExportUnit, imagePaths: Map<string, string>): RawRecord {
  const sample: TrajectorySample = unit.sample;
  const stepsByIndex = new Map<number, SampleStep>(sample.steps.map((step) => [step.index, step]));
  return {
    id: unit.id,
    unit: unit.unit,
    split: sample.split,
    source: { runId: sample.runId, kind: sample.kind, sourceRunId: sample.sourceRunId, chainId: sample.chainId },
    level: sample.level,
    environment: sample.environment,
    envSeed: sample.envSeed,
    startPath: sample.startPath,
    ...(sample.persona !== undefined ? { persona: sample.persona } : {}),
    interactions: sample.interactions,
    task: sample.task,
    subtasks: sample.subtaskTexts,
    checker: sample.checker,
    entities: sample.entities,
    ...(sample.answer !== undefined ? { answer: sample.answer } : {}),
    ...(sample.outcome ? { outcome: sample.outcome } : {}),
    ...(sample.replayValid !== undefined ? { replayValid: sample.replayValid } : {}),
    actionSpace: unit.actionSpace,
    coords: unit.coords,
    turns: unit.turns.map((turn) => {
      const step = turn.action.type === 'done' ? undefined : stepsByIndex.get(turn.stepIndex);
      return {
        stepIndex: turn.stepIndex,
        url: turn.url,
        title: turn.title,
        ...(turn.image ? { image: { path: imagePaths.get(turn.image.path)!, width: turn.image.width, height: turn.image.height } } : {}),
        ...(turn.snapshot !== undefined ? { snapshot: turn.snapshot } : {}),
        action: { ...turn.action },
        ...(step ? { executed: step.executed, subtaskIndex: step.subtaskIndex, attempt: step.attempt } : {}),
        ok: turn.ok,
        ...(turn.error !== undefined ? { error: turn.error } : {}),
      };
    }),
  };
}

/** `raw`: one JSON line per unit in trajsynth's own terms, images as files, for people who convert themselves. */
export const rawFormat: DatasetFormat = {
  id: 'raw',
  imageFiles: true,
  async write(units: AsyncIterable<ExportUnit> | Iterable<ExportUnit>, context: FormatContext): Promise<FormatOutput> {
    const files = new RecordFiles(context.root, 'jsonl');
    const imagePaths = new Map<string, string>();
    try {
      for await (const unit of units) {
        for (const turn of unit.turns)
          if (turn.image && !imagePaths.has(turn.image.path)) imagePaths.set(turn.image.path, await context.writeImage(turn.image));
        await files.append(unit.sample.split, unit.id, rawRecord(unit, imagePaths));
      }
      return { ...(await files.finish()), notes: [] };
    } finally {
      await files.close();
    }
  },
  async checkFile(root: string, file: string): Promise<string[]> {
    const { records, problems } = await readJsonlRecords(root, file);
    for (const { line, value } of records) {
      const parsed = RawRecordSchema.safeParse(value);
      if (!parsed.success) {
        problems.push(`${file}:${line}: ${describeIssue(parsed.error)}`);
        continue;
      }
      const last = parsed.data.turns.at(-1);
      if (parsed.data.unit === 'trajectory' && last?.action['type'] !== 'done')
        problems.push(`${file}:${line}: turns: a trajectory must end with its done turn`);
      for (const [index, turn] of parsed.data.turns.entries()) {
        if (turn.image && !existsSync(join(root, turn.image.path)))
          problems.push(`${file}:${line}: turns[${index}].image.path: ${turn.image.path} does not exist`);
      }
    }
    return problems;
  },
};
