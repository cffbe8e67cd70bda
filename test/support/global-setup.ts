/**
 * Once per `vitest run`: a scratch folder for the runs several test files share (shared-run.ts),
 * removed when the run ends. Creating it costs nothing; a shared run is made only when a file asks.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    sharedRunsDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'trajsynth-shared-'));
  project.provide('sharedRunsDir', dir);
  return () => rm(dir, { recursive: true, force: true });
}
