/**
 * The dependency rules of DESIGN.md as data, in the spirit of Playwright's DEPS.list: for each area
 * of the tree, the areas it may import and the npm packages it may use (Node's built-ins count as
 * packages, so `core` can be held to zod alone). `checkImports` reads every import form: static
 * `import … from` and `export … from`, side-effect `import '…'`, and dynamic `import('…')`; a dynamic
 * import whose specifier is built at run time (a template literal or a variable) cannot be checked and
 * is itself a violation.
 */
import { dirname, resolve } from 'node:path';

/** The areas: src/<folder>, src/index.ts, the bundled apps, bench/, scripts/, test/. */
export type Area = string;

const NODE = 'node:*';

interface Rule {
  areas: readonly Area[];
  packages: readonly string[];
}

const LOWER = ['core', 'model', 'browser', 'environments', 'store', 'agents', 'cost', 'pipeline'] as const;

export const RULES: Record<Area, Rule> = {
  core: { areas: [], packages: ['zod'] },
  model: { areas: ['core'], packages: ['zod', 'sharp', '@anthropic-ai/sdk', 'openai', NODE] },
  browser: { areas: ['core'], packages: ['playwright-core', 'sharp', NODE] },
  environments: { areas: ['core', 'apps'], packages: ['zod', NODE] },
  store: { areas: ['core'], packages: ['zod', NODE] },
  agents: { areas: ['core', 'model', 'browser', 'environments', 'store'], packages: ['zod', NODE] },
  cost: { areas: ['core', 'model'], packages: ['zod', NODE] },
  pipeline: { areas: ['core', 'model', 'browser', 'environments', 'store', 'agents', 'cost'], packages: ['zod', 'p-queue', NODE] },
  eval: { areas: [...LOWER], packages: ['zod', 'p-queue', 'sharp', NODE] },
  // export and view read the store; they never launch a browser.
  export: { areas: LOWER.filter((area) => area !== 'browser'), packages: ['zod', 'sharp', 'hyparquet', 'hyparquet-writer', NODE] },
  view: { areas: LOWER.filter((area) => area !== 'browser'), packages: ['zod', NODE] },
  queue: { areas: [...LOWER, 'eval', 'export', 'view'], packages: ['zod', 'bullmq', 'ioredis', NODE] },
  cli: { areas: [...LOWER, 'eval', 'export', 'view', 'queue'], packages: ['zod', NODE] },
  index: { areas: [...LOWER, 'eval', 'export', 'view'], packages: [] },
  // The bundled apps know nothing of the harness: core's types and schemas only.
  apps: { areas: ['core'], packages: ['zod', NODE] },
  // The benchmark measures the pipeline against bare Playwright (hence playwright-core), and starts a
  // Redis the way the tests do.
  bench: { areas: [...LOWER, 'eval', 'queue', 'test'], packages: ['playwright-core', NODE] },
  scripts: { areas: [...LOWER, 'eval', 'export'], packages: ['zod', NODE] },
};

/** Where Playwright and the vendor SDKs may be imported, within the areas allowed them above. */
const PACKAGE_HOMES: Record<string, (path: string) => boolean> = {
  '@anthropic-ai/sdk': (path) => path.startsWith('src/model/providers/'),
  openai: (path) => path.startsWith('src/model/providers/'),
};

/**
 * Files that load a module named at run time on purpose: the user's own agent module
 * (`--agent module:FILE`), never a part of this tree.
 */
const RUNTIME_IMPORTS = ['src/eval/module-agent.ts'];

export function areaOf(path: string): Area | undefined {
  const [top, second] = path.split('/');
  if (top === 'src') return second === 'index.ts' ? 'index' : second;
  if (top === 'environments') return 'apps';
  if (top === 'bench' || top === 'scripts' || top === 'test') return top;
  return undefined;
}

export interface ImportFound {
  specifier: string | undefined;
  /** The text of the import when its specifier is not a string literal. */
  raw: string;
  kind: 'static' | 'side-effect' | 'dynamic';
}

export function importsIn(text: string): ImportFound[] {
  const found: ImportFound[] = [];
  for (const match of text.matchAll(/(?:^|\n)[ \t]*(?:import|export)(?:\s+type)?\s[^'"`;]*?\bfrom\s*(['"])([^'"]+)\1/g)) {
    found.push({ specifier: match[2], raw: match[0].trim(), kind: 'static' });
  }
  for (const match of text.matchAll(/(?:^|\n)[ \t]*import\s*(['"])([^'"]+)\1/g)) {
    found.push({ specifier: match[2], raw: match[0].trim(), kind: 'side-effect' });
  }
  for (const match of text.matchAll(/\bimport\(\s*([^)]*?)\s*[,)]/g)) {
    const literal = /^(['"])([^'"`$]+)\1$/.exec(match[1]!);
    found.push({ specifier: literal?.[2], raw: match[0], kind: 'dynamic' });
  }
  return found;
}

function packageOf(specifier: string): string {
  if (specifier.startsWith('node:')) return NODE;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** Every import of `files` (paths relative to the repository root) that breaks the rules. */
export function checkImports(files: ReadonlyArray<{ path: string; text: string }>): string[] {
  const violations: string[] = [];
  for (const { path, text } of files) {
    const from = areaOf(path);
    if (from === undefined || from === 'test') continue;
    const rule = RULES[from];
    if (!rule) {
      violations.push(`${path}: no rule for area "${from}" (add it to RULES)`);
      continue;
    }
    for (const found of importsIn(text)) {
      if (found.specifier === undefined) {
        if (RUNTIME_IMPORTS.includes(path)) continue;
        violations.push(`${path}: ${found.raw} builds its specifier at run time, which no rule can check; import a literal path`);
        continue;
      }
      if (found.specifier.startsWith('.')) {
        const to = areaOf(resolve('/', dirname(path), found.specifier).slice(1));
        if (to === from) continue;
        if (to === undefined || !rule.areas.includes(to))
          violations.push(
            `${path} (${from}) → ${found.specifier} (${to ?? 'outside the tree'}): not in ${from}'s allowed areas [${rule.areas.join(', ')}]`,
          );
        continue;
      }
      const pkg = packageOf(found.specifier);
      if (!rule.packages.includes(pkg))
        violations.push(`${path} (${from}) imports ${found.specifier}: not in ${from}'s allowed packages [${rule.packages.join(', ')}]`);
      else if (PACKAGE_HOMES[pkg] && !PACKAGE_HOMES[pkg](path))
        violations.push(`${path} imports ${found.specifier}, allowed only in its home folder`);
    }
  }
  return violations;
}
