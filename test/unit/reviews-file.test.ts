import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newReviewVerdict } from '../../src/core/review.js';
import { runLayout, type RunLayout } from '../../src/store/layout.js';
import { appendReviewVerdict, mergeReviewFiles, readReviewFile, readReviewVerdicts } from '../../src/store/reviews-file.js';

let temp: string;
let count = 0;

beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'trajsynth-reviews-'));
});

afterAll(async () => {
  await rm(temp, { recursive: true, force: true });
});

function freshRun(): RunLayout {
  count += 1;
  return runLayout(temp, `run${count}`);
}

function line(layout: RunLayout, reviewer: string, minute: number, level = 1) {
  return newReviewVerdict({
    taskId: `${layout.runId}/c0001/L${level}`,
    reviewer,
    verdict: 'valid',
    at: new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString(),
  });
}

describe('reviews.jsonl', () => {
  it('appends one line per verdict and reads them back in order; a missing file is no reviews', async () => {
    const layout = freshRun();
    expect(await readReviewVerdicts(layout)).toEqual([]);
    await Promise.all([appendReviewVerdict(layout, line(layout, 'ana', 1)), appendReviewVerdict(layout, line(layout, 'bo', 2))]);
    const text = await readFile(layout.reviewsFile, 'utf8');
    expect(text.split('\n')).toHaveLength(3);
    expect((await readReviewVerdicts(layout)).map((verdict) => verdict.reviewer)).toEqual(['ana', 'bo']);
  });

  it('refuses a verdict of another run', async () => {
    const layout = freshRun();
    const other = runLayout(temp, 'elsewhere');
    await expect(appendReviewVerdict(layout, line(other, 'ana', 1))).rejects.toMatchObject({ code: 'BAD_INPUT' });
  });

  it('tolerates a torn last line on read and cuts it off before the next append', async () => {
    const layout = freshRun();
    await appendReviewVerdict(layout, line(layout, 'ana', 1));
    await appendFile(layout.reviewsFile, '{"schemaVersion":1,"taskId":"run');
    const torn: number[] = [];
    expect(await readReviewVerdicts(layout, { onTornTail: (at) => torn.push(at) })).toHaveLength(1);
    expect(torn).toEqual([2]);
    await appendReviewVerdict(layout, line(layout, 'bo', 2));
    expect((await readReviewVerdicts(layout)).map((verdict) => verdict.reviewer)).toEqual(['ana', 'bo']);
  });

  it('keeps a complete last line that only lacks its newline', async () => {
    const layout = freshRun();
    await appendReviewVerdict(layout, line(layout, 'ana', 1));
    await appendFile(layout.reviewsFile, JSON.stringify(line(layout, 'cy', 3)));
    await appendReviewVerdict(layout, line(layout, 'bo', 2));
    expect((await readReviewVerdicts(layout)).map((verdict) => verdict.reviewer)).toEqual(['ana', 'cy', 'bo']);
  });

  it('names file:line and the field of a corrupt middle line', async () => {
    const layout = freshRun();
    await appendReviewVerdict(layout, line(layout, 'ana', 1));
    await appendFile(layout.reviewsFile, '{"schemaVersion":1}\n');
    await appendReviewVerdict(layout, line(layout, 'bo', 2));
    await expect(readReviewVerdicts(layout)).rejects.toThrow(new RegExp(`reviews\\.jsonl:2 to be a review verdict, field`));
    await appendFile(layout.reviewsFile, 'not json\n');
    await expect(readReviewFile(layout.reviewsFile)).rejects.toMatchObject({ code: 'CORRUPT_FILE' });
  });

  it('merges other copies: appends only lines not present (reviewer + task + time), never drops one', async () => {
    const layout = freshRun();
    await appendReviewVerdict(layout, line(layout, 'ana', 1));
    await appendReviewVerdict(layout, line(layout, 'ana', 2, 2));
    const before = await readFile(layout.reviewsFile, 'utf8');
    const copy = join(temp, `${layout.runId}-copy.jsonl`);
    const changed = { ...line(layout, 'ana', 2, 2), comment: 'edited elsewhere' };
    await writeFile(
      copy,
      [line(layout, 'ana', 1), changed, line(layout, 'bo', 3), line(layout, 'bo', 3)].map((verdict) => JSON.stringify(verdict)).join('\n') +
        '\n',
    );
    const result = await mergeReviewFiles(layout, [copy, layout.reviewsFile]);
    expect(result.added).toBe(1);
    expect(result.files.map((file) => file.added)).toEqual([1, 0]);
    expect(result.conflicts).toHaveLength(1);
    const after = await readFile(layout.reviewsFile, 'utf8');
    expect(after.startsWith(before)).toBe(true);
    expect((await readReviewVerdicts(layout)).map((verdict) => verdict.reviewer)).toEqual(['ana', 'ana', 'bo']);
    expect((await mergeReviewFiles(layout, [copy])).added).toBe(0);
  });

  it('adds nothing from a damaged or foreign file', async () => {
    const layout = freshRun();
    const damaged = join(temp, `${layout.runId}-damaged.jsonl`);
    await writeFile(damaged, `${JSON.stringify(line(layout, 'bo', 3))}\nnot json\n${JSON.stringify(line(layout, 'cy', 4))}\n`);
    await expect(mergeReviewFiles(layout, [damaged])).rejects.toThrow(/damaged\.jsonl:2/);
    const foreign = join(temp, `${layout.runId}-foreign.jsonl`);
    await writeFile(foreign, `${JSON.stringify(line(runLayout(temp, 'other'), 'bo', 3))}\n`);
    await expect(mergeReviewFiles(layout, [foreign])).rejects.toThrow(/run "other"/);
    expect(await readReviewVerdicts(layout)).toEqual([]);
  });
});
