import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const LAYER: Record<string, number> = {
  core: 0,
  model: 1,
  browser: 1,
  environments: 1,
  store: 1,
  agents: 2,
  cost: 2,
  pipeline: 3,
  eval: 4,
  export: 4,
  view: 4,
  queue: 5,
  cli: 6,
  // The library's public surface (src/index.ts): the run functions and what they take, never the CLI or the queue.
  'index.ts': 5,
};

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (match) => (match[1] ?? match[2])!,
  );
}

function areaOf(file: string): string | undefined {
  const rel = relative(join(root, 'src'), file);
  if (rel.startsWith('..')) return undefined;
  return rel.split('/')[0];
}

describe('import direction (DESIGN.md layering)', () => {
  const files = tsFiles(join(root, 'src'));

  it('finds the source tree', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it('never imports from a higher or sibling layer', () => {
    const violations: string[] = [];
    for (const file of files) {
      const from = areaOf(file)!;
      for (const specifier of imports(file)) {
        if (!specifier.startsWith('.')) continue;
        const target = resolve(dirname(file), specifier);
        const to = areaOf(target);
        if (to === undefined || to === from) continue;
        if (!(to in LAYER) || !(from in LAYER)) {
          violations.push(`${relative(root, file)} → ${specifier} (unknown area)`);
        } else if (LAYER[to]! >= LAYER[from]!) {
          violations.push(`${relative(root, file)} (${from}) → ${specifier} (${to})`);
        }
      }
    }
    expect(violations).toEqual([]);
  });

  it('keeps Playwright inside src/browser and vendor SDKs inside src/model/providers', () => {
    const violations: string[] = [];
    for (const file of files) {
      const rel = relative(root, file);
      for (const specifier of imports(file)) {
        if (/^playwright(-core)?($|\/)/.test(specifier) && !rel.startsWith('src/browser/')) violations.push(`${rel} imports ${specifier}`);
        if (/^(@anthropic-ai\/sdk|openai)($|\/)/.test(specifier) && !rel.startsWith('src/model/providers/')) violations.push(`${rel} imports ${specifier}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('lets only src/cli print or exit', () => {
    const offenders = files
      .filter((file) => areaOf(file) !== 'cli')
      .filter((file) => /console\.(log|error|warn|info)|process\.exit\(|process\.std(out|err)\.write/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(root, file));
    expect(offenders).toEqual([]);
  });

  it('keeps bundled apps independent of the harness (they may use src/core types only)', () => {
    const violations: string[] = [];
    for (const file of tsFiles(join(root, 'environments'))) {
      for (const specifier of imports(file)) {
        if (!specifier.startsWith('.')) continue;
        const target = resolve(dirname(file), specifier);
        const area = areaOf(target);
        if (area !== undefined && area !== 'core') violations.push(`${relative(root, file)} → ${specifier}`);
      }
    }
    expect(violations).toEqual([]);
  });
});
