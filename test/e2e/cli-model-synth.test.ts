import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCalls, readRunMeta, runLayout } from '../../src/store/index.js';
import { runCli } from '../support/cli.js';
import { startFakeAnthropic } from '../support/fake-anthropic.js';
import { scriptedTrackerModel } from '../support/scripted-tracker-model.js';

describe('trajsynth synth with model-backed roles', () => {
  it('runs a chain to level 3 against a local Anthropic endpoint and stores its cost', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'trajsynth-cli-model-'));
    const model = scriptedTrackerModel();
    const server = await startFakeAnthropic((request) => model.handle(request));
    try {
      const env = { ANTHROPIC_BASE_URL: server.baseURL, ANTHROPIC_API_KEY: 'test-key' };
      const result = await runCli(
        ['synth', '--model', 'anthropic:claude-haiku-4-5', '--chains', '1', '--max-level', '3', '--seed', '5', '--out', outDir, '--quiet'],
        { env },
      );
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/L1: 1 {2}L2: 1 {2}L3: 1/);
      const meta = await readRunMeta(runLayout(outDir, 'project-tracker-seed5'));
      const calls = await readCalls(runLayout(outDir, 'project-tracker-seed5'), 'c0001');
      expect(calls).toHaveLength(server.requests.length);
      const cost = calls.reduce((total, call) => total + call.costUsd!, 0);
      expect(meta.usage.costUsd).toBeCloseTo(cost, 12);
      expect(result.stdout).toContain(`$${cost.toFixed(4)}`);

      const dry = await runCli(
        ['synth', '--model', 'anthropic:claude-haiku-4-5', '--chains', '3', '--max-level', '2', '--out', outDir, '--dry-run'],
        { env },
      );
      expect(dry.code).toBe(0);
      expect(dry.stdout).toContain('Dry run: no model was called');
      expect(dry.stdout).toMatch(/per chain +\$\d+\.\d{4}/);
      expect(server.requests).toHaveLength(calls.length); // the dry run sent nothing
    } finally {
      await server.close();
      await rm(outDir, { recursive: true, force: true });
    }
  });

  it('rejects bad model flags with one line that names the fix', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['--model', 'gpt4'], /Expected --model to be heuristic, anthropic:MODEL or openai:MODEL, got "gpt4"/],
      [['--budget-usd', 'lots'], /Expected --budget-usd to be a positive number of dollars, got "lots"/],
      [['--model', 'openai:local-model', '--budget-usd', '1'], /unpriced openai:local-model.*prices/],
      [['--model', 'openai:local-model', '--executor-mode', 'computer'], /Expected an Anthropic executor for --executor-mode computer/],
      [['--model', 'anthropic:claude-haiku-4-5'], /ANTHROPIC_API_KEY/],
      [['--cache-only'], /Expected --cache DIR together with --cache-only/],
    ];
    for (const [flags, message] of cases) {
      const result = await runCli(['synth', ...flags], { env: { ANTHROPIC_API_KEY: '', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' } });
      expect(result.code, flags.join(' ')).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(message);
    }
  });
});
