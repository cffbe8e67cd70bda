/**
 * trajsynth as a library, the way a user gets it: `npm pack`, the tarball installed into a project of
 * its own, `import { synthesize } from 'trajsynth'` from plain JavaScript (a small synthesis, with
 * progress as events and nothing printed) and from TypeScript (type-checked against the packed
 * declarations). The project's other dependencies are linked from this checkout's node_modules, so
 * the test needs no registry.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
let project: string;

beforeAll(async () => {
  project = await mkdtemp(join(tmpdir(), 'trajsynth-consumer-'));
  const { stdout } = await run('npm', ['pack', '--pack-destination', project, '--json'], { cwd: root, maxBuffer: 64 * 2 ** 20 });
  const tarball = join(project, (JSON.parse(stdout) as Array<{ filename: string }>)[0]!.filename);
  const modules = join(project, 'node_modules');
  await mkdir(modules);
  await run('tar', ['-xzf', tarball, '-C', modules]);
  await rename(join(modules, 'package'), join(modules, 'trajsynth'));
  // trajsynth's own dependencies, as `npm install` would put them beside it.
  for (const name of await readdir(join(root, 'node_modules'))) {
    if (name === '.bin' || name.startsWith('.') || name === 'trajsynth') continue;
    await symlink(join(root, 'node_modules', name), join(modules, name));
  }
  await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
}, 120_000);

afterAll(async () => {
  if (project) await rm(project, { recursive: true, force: true });
});

describe('the packed package', () => {
  it(
    'runs a synthesis through the library API: events for progress, nothing printed, bad options refused',
    { timeout: 240_000 },
    async () => {
      await writeFile(
        join(project, 'main.mjs'),
        `import { synthesize, listEnvironments, readTasksFile, runLayout, ChainRecordSchema, TrajsynthError } from 'trajsynth';
const outDir = new URL('./out', import.meta.url).pathname;
const events = [];
const result = await synthesize({ outDir, environment: 'project-tracker', chains: 1, maxLevel: 2, seed: 4, concurrency: 1, onEvent: (event) => events.push(event.type) });
const tasks = await readTasksFile(runLayout(outDir, result.layout.runId));
const refused = await synthesize({ outDir, environment: 'project-tracker', chains: 1, maxLevel: 0, seed: 4, concurrency: 1 }).catch((error) => error);
process.stdout.write(JSON.stringify({
  status: result.meta.status,
  levels: ChainRecordSchema.parse(result.records[0]).levels.length,
  tasks: tasks[0].levels.length,
  events: [...new Set(events)],
  environments: listEnvironments().map((manifest) => manifest.id),
  refused: refused instanceof TrajsynthError ? refused.code + ': ' + refused.message : String(refused),
}));
`,
      );
      const { stdout, stderr } = await run(process.execPath, ['main.mjs'], { cwd: project, maxBuffer: 16 * 2 ** 20 });
      expect(stderr).toBe('');
      const report = JSON.parse(stdout) as {
        status: string;
        levels: number;
        tasks: number;
        events: string[];
        environments: string[];
        refused: string;
      };
      expect(report.status).toBe('complete');
      expect(report.levels).toBe(2);
      expect(report.tasks).toBe(2);
      expect(report.events).toEqual(
        expect.arrayContaining(['run-started', 'subtask-finished', 'level-reached', 'chain-finished', 'run-finished']),
      );
      expect(report.environments).toContain('project-tracker');
      expect(report.refused).toMatch(/^BAD_INPUT: Expected valid synthesize options, got maxLevel = 0/);
      expect(existsSync(join(project, 'out', 'tasks', 'project-tracker-seed4.jsonl'))).toBe(true);
    },
  );

  it("runs the README's library example as written", { timeout: 240_000 }, async () => {
    const readme = await readFile(join(root, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Use it as a library'));
    const example = /```js\n([\s\S]*?)```/.exec(section)?.[1];
    expect(example, 'a js block under "Use it as a library"').toBeDefined();
    await writeFile(join(project, 'readme-example.mjs'), example!);
    const { stdout } = await run(process.execPath, ['readme-example.mjs'], { cwd: project, maxBuffer: 16 * 2 ** 20 });
    const lines = stdout.trim().split('\n');
    expect(lines.filter((line) => /^c000\d reached level [123]$/.test(line))).toHaveLength(12);
    expect(lines.at(-1)).toBe('complete 1 4');
  });

  it('type-checks a TypeScript consumer against the packed declarations', { timeout: 120_000 }, async () => {
    await writeFile(
      join(project, 'check.ts'),
      `import { synthesize, evaluate, heuristicAgents, type SynthesizeOptions, type AgentSet, type LanguageModel, type ChainRecord } from 'trajsynth';
const agents: AgentSet = heuristicAgents();
const options: SynthesizeOptions = { outDir: 'out', environment: 'shop', chains: 2, maxLevel: 3, seed: 1, concurrency: 2, agents };
const levels = (record: ChainRecord): number => record.levels.length;
export async function main(model?: LanguageModel): Promise<number> {
  void model;
  void evaluate;
  const result = await synthesize(options);
  return result.records.map(levels).reduce((a, b) => a + b, 0);
}
// @ts-expect-error maxLevel is a number
export const wrong: SynthesizeOptions = { ...options, maxLevel: 'three' };
`,
    );
    await writeFile(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          target: 'ES2022',
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          types: [],
        },
        files: ['check.ts'],
      }),
    );
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    const result = await run(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: project }).then(
      () => 'ok',
      (error: { stdout?: string }) => error.stdout ?? String(error),
    );
    expect(result).toBe('ok');
  });
});
