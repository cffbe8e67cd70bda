import { relative } from 'node:path';

/** One structural problem `trajsynth validate` found: where (file, line, field) and what. */
export interface ValidationProblem {
  /** Path relative to the validated root (the store directory, or the dataset directory). */
  file: string;
  /** Dotted path of the offending field, e.g. `levels[2].gold` or `after.screenshot`. */
  field?: string;
  /** 1-based line of a JSONL file. */
  line?: number;
  message: string;
}

/** What was validated and how much of it, for the one-line summary. */
export interface ValidationReport {
  kind: 'synth-run' | 'eval-run' | 'dataset';
  /** The run id, or the dataset directory. */
  source: string;
  problems: ValidationProblem[];
  counts: Record<string, number>;
}

/** "trajectories/x/chains/c0003/steps.jsonl:7: after.screenshot: screens/0008.webp does not exist" */
export function problemLine(problem: ValidationProblem): string {
  const where = `${problem.file}${problem.line !== undefined ? `:${problem.line}` : ''}`;
  return `${where}: ${problem.field ? `${problem.field}: ` : ''}${problem.message}`;
}

/** Collects problems with files named relative to one root. */
export class ProblemList {
  readonly problems: ValidationProblem[] = [];
  constructor(readonly root: string) {}

  add(absoluteFile: string, message: string, where: { field?: string | undefined; line?: number | undefined } = {}): void {
    this.problems.push({
      file: this.relative(absoluteFile),
      ...(where.field !== undefined ? { field: where.field } : {}),
      ...(where.line !== undefined ? { line: where.line } : {}),
      message,
    });
  }

  relative(absoluteFile: string): string {
    return relative(this.root, absoluteFile).split('\\').join('/') || '.';
  }
}

/** zod's path as a field name: `levels[2].gold.end`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)),
    '',
  );
}
