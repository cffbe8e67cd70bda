import { describe, expect, it } from 'vitest';
import { snapshotDiff } from '../../src/view/snapshot-diff.js';

const lines = (count: number, prefix = 'line') => Array.from({ length: count }, (_, index) => `- ${prefix} ${index}`);

describe('snapshot diffs (what an action changed on the page)', () => {
  it('aligns by common lines and keeps two lines of context around each change', () => {
    const before = lines(20);
    const after = [...before.slice(0, 10), '- text: "Saved"', ...before.slice(10, 15), ...before.slice(16)];
    const diff = snapshotDiff(before.join('\n'), after.join('\n'));
    expect(diff.added).toBe(1);
    expect(diff.removed).toBe(1);
    expect(diff.lines.map((line) => `${line.op}${line.text}`)).toEqual([
      ' - line 8',
      ' - line 9',
      '+- text: "Saved"',
      ' - line 10',
      ' - line 11',
      '…',
      ' - line 13',
      ' - line 14',
      '-- line 15',
      ' - line 16',
      ' - line 17',
    ]);
    expect(diff.truncated).toBe(false);
  });

  it('ignores refs and pointer hints, which a re-render renumbers', () => {
    const diff = snapshotDiff(
      '- button "Save" [ref=e12] [cursor=pointer]\n- link "Home" [ref=e3]',
      '- button "Save" [ref=e40] [cursor=pointer]\n- link "Home" [ref=e41]',
    );
    expect(diff.lines).toEqual([]);
    expect(diff.added + diff.removed).toBe(0);
  });

  it('bounds its output: more changed lines than maxLines are cut and said to be', () => {
    const diff = snapshotDiff(lines(50, 'old').join('\n'), lines(50, 'new').join('\n'), { maxLines: 10 });
    expect(diff.added).toBe(50);
    expect(diff.removed).toBe(50);
    expect(diff.lines.filter((line) => line.op !== ' ' && line.op !== '…')).toHaveLength(10);
    expect(diff.truncated).toBe(true);
  });
});
