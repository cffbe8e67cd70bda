import { z } from 'zod';
import { SynthesisTargetSchema } from './target.js';
import { UrlSiteSchema } from './environment.js';
import { TrajsynthError } from './errors.js';

/**
 * The data a library caller passes to `synthesize`, `evaluate` and `replayRun`, checked where it enters (the CLI
 * checks its flags with the same bounds). Objects that are not data (agents, a browser, a signal,
 * callbacks) pass through unchecked: their types say what they must be.
 */
const count = (max: number) => z.number().int().min(1).max(max);
const seed = z.number().int().min(0).max(2_147_483_647);
const optionalFlag = z.boolean().optional();
const budgetUsd = z.number().positive().finite().optional();
const runId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'a run id is letters, digits, dots, dashes and underscores, starting with a letter or digit')
  .optional();

export const SynthesizeOptionsSchema = z.looseObject({
  outDir: z.string().min(1),
  runId,
  environment: z.string().min(1),
  site: UrlSiteSchema.optional(),
  chains: count(10_000),
  maxLevel: count(50),
  seed,
  concurrency: count(64),
  maxStepsPerSubtask: z.number().int().min(2).max(200).optional(),
  maxRetriesPerLevel: z.number().int().min(0).max(20).optional(),
  resume: optionalFlag,
  redoDamaged: optionalFlag,
  executablePath: z.string().min(1).optional(),
  budgetUsd,
  target: SynthesisTargetSchema.optional(),
  audit: z.enum(['full', 'fast', 'off']).optional(),
});

export const EvaluateOptionsSchema = z.looseObject({
  outDir: z.string().min(1),
  runId,
  agentMode: z.enum(['refs', 'computer']).optional(),
  episodes: count(1000).optional(),
  maxSteps: count(1000).optional(),
  maxStepsPerSubtask: count(200).optional(),
  maxInvalidInARow: count(100).optional(),
  seed: seed.optional(),
  concurrency: count(64).optional(),
  resume: optionalFlag,
  redoDamaged: optionalFlag,
  executablePath: z.string().min(1).optional(),
  budgetUsd,
});

export const ReplayOptionsSchema = z.looseObject({
  layout: z.looseObject({ runDir: z.string().min(1), runId: z.string().min(1) }),
  concurrency: count(64).optional(),
  chains: z.array(z.string().min(1)).optional(),
  levels: z.array(count(50)).optional(),
  siteUrl: z.url().optional(),
  executablePath: z.string().min(1).optional(),
  write: optionalFlag,
});

/**
 * Checks options against their schema; BAD_INPUT naming every field that is wrong ("Expected
 * synthesize options …, got maxLevel: 0 (Too small: …)") before anything is written.
 */
export function checkOptions(schema: z.ZodType, options: unknown, what: string): void {
  const parsed = schema.safeParse(options);
  if (parsed.success) return;
  const problems = parsed.error.issues.map((issue) => {
    const path = issue.path.join('.');
    const value = path ? valueAt(options, issue.path) : undefined;
    return `${path || '(options)'}${value === undefined ? '' : ` = ${JSON.stringify(value)}`} (${issue.message})`;
  });
  throw new TrajsynthError(`Expected valid ${what} options, got ${problems.join('; ')}`, {
    code: 'BAD_INPUT',
    hint: `See ${what[0]!.toUpperCase()}${what.slice(1)}Options in src/index.ts (and the README's library section) for each option's range.`,
  });
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return typeof value === 'function' ? undefined : value;
}
