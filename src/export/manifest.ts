import { z } from 'zod';

export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_VERSION = 1;

/** One source run of a dataset, with the configuration it was made with. */
export const ManifestSourceSchema = z.object({
  runId: z.string(),
  kind: z.enum(['synth', 'eval']),
  status: z.string(),
  /** The run's run.json `config`, verbatim. */
  config: z.record(z.string(), z.unknown()),
  toolVersion: z.string(),
});

/** manifest.json at the root of every exported dataset. */
export const DatasetManifestSchema = z.object({
  manifestVersion: z.literal(MANIFEST_VERSION),
  generator: z.object({ name: z.literal('trajsynth'), version: z.string() }),
  format: z.string(),
  unit: z.enum(['trajectory', 'step']),
  /** sha256 over the sorted (record key, record hash) pairs and the sorted image hashes: independent of file order. */
  fingerprint: z.string().regex(/^sha256:[0-9a-f]{64}$/),
  sources: z.array(ManifestSourceSchema),
  /** The export's flags as given (filters, action space, coordinates, images, history). */
  options: z.record(z.string(), z.unknown()),
  split: z.object({ rule: z.string(), ratios: z.record(z.string(), z.number()) }),
  counts: z.object({
    samples: z.number().int().nonnegative(),
    records: z.number().int().nonnegative(),
    images: z.number().int().nonnegative(),
    /** Records per split. */
    bySplit: z.record(z.string(), z.number().int().nonnegative()),
    /** Samples per level and per environment (a pair counts both its attempts). */
    byLevel: z.record(z.string(), z.number().int().nonnegative()),
    byEnvironment: z.record(z.string(), z.number().int().nonnegative()),
    /** Preference formats: pairs written. */
    pairs: z.number().int().nonnegative().optional(),
  }),
  /** Every file of the dataset except manifest.json, with its sha256 and size. */
  files: z.array(
    z.object({
      path: z.string(),
      sha256: z.string(),
      bytes: z.number().int().nonnegative(),
      split: z.string().optional(),
      records: z.number().int().nonnegative().optional(),
    }),
  ),
  /** Every record's key (sample id, plus step) with the sha256 of its content, for `trajsynth diff`. */
  records: z.array(z.object({ key: z.string(), sha256: z.string(), split: z.string() })),
  notes: z.array(z.string()),
});
export type DatasetManifest = z.infer<typeof DatasetManifestSchema>;
