import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { areaOf, checkImports, RULES } from '../support/import-rules.js';

const root = resolve(import.meta.dirname, '../..');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : tsFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

function areaOfFile(file: string): string | undefined {
  return areaOf(relative(root, file));
}

describe('import direction (DESIGN.md layering, as a per-area allow-list: test/support/import-rules.ts)', () => {
  const files = tsFiles(join(root, 'src'));
  const tree = ['src', 'environments', 'bench', 'scripts'].flatMap((dir) => tsFiles(join(root, dir)));

  it('finds the source tree, and a rule for every area in it', () => {
    expect(files.length).toBeGreaterThan(20);
    const areas = new Set(tree.map(areaOfFile));
    expect([...areas].filter((area) => !area || !(area in RULES))).toEqual([]);
  });

  it('every import of src/, environments/, bench/ and scripts/ is allowed by its area’s rule', () => {
    const violations = checkImports(tree.map((file) => ({ path: relative(root, file), text: readFileSync(file, 'utf8') })));
    expect(violations).toEqual([]);
  });

  it('catches each kind of violation', () => {
    const check = (path: string, text: string) => checkImports([{ path, text }]);
    // 1. A lower layer importing a higher one (store → pipeline).
    expect(check('src/store/x.ts', "import { synthesize } from '../pipeline/synthesize.js';")).toEqual([
      expect.stringMatching(/src\/store\/x\.ts \(store\) → \.\.\/pipeline\/synthesize\.js \(pipeline\): not in store's allowed areas/),
    ]);
    // 2. A side-effect import (no binding) of a higher layer.
    expect(check('src/core/x.ts', "import '../browser/launch.js';")).toHaveLength(1);
    // 3. A dynamic import whose path is built at run time, and a dynamic import of a higher layer.
    expect(check('src/agents/x.ts', 'const m = await import(`../cli/${name}.js`);')).toEqual([
      expect.stringMatching(/builds its specifier at run time/),
    ]);
    expect(check('src/agents/x.ts', "const m = await import('../queue/index.js');")).toHaveLength(1);
    // 4. bench/ and scripts/ are held to their rules too (the CLI is not a library).
    expect(check('bench/x.ts', "import { synthCommand } from '../src/cli/synth-command.js';")).toHaveLength(1);
    expect(check('scripts/x.ts', "export { main } from '../src/queue/index.js';")).toHaveLength(1);
    // 5. core imports nothing but zod: not Node's built-ins, not another package.
    expect(check('src/core/x.ts', "import { readFile } from 'node:fs/promises';")).toHaveLength(1);
    expect(check('src/core/x.ts', "import type { Page } from 'playwright-core';")).toHaveLength(1);
    expect(check('src/core/x.ts', "import { z } from 'zod';")).toEqual([]);
    // And the vendor edges: an SDK outside src/model/providers, Playwright outside src/browser.
    expect(check('src/model/x.ts', "import Anthropic from '@anthropic-ai/sdk';")).toEqual([
      expect.stringMatching(/allowed only in its home folder/),
    ]);
    expect(check('src/pipeline/x.ts', "import { chromium } from 'playwright-core';")).toHaveLength(1);
    // Multi-line and type-only imports are read too.
    expect(check('src/core/x.ts', "import type {\n  Action,\n  Step,\n} from '../store/layout.js';")).toHaveLength(1);
  });

  it('lets only src/cli print or exit', () => {
    const offenders = files
      .filter((file) => areaOfFile(file) !== 'cli')
      .filter((file) => /console\.(log|error|warn|info)|process\.exit\(|process\.std(out|err)\.write/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(root, file));
    expect(offenders).toEqual([]);
  });
});
