import { RESULTS_SCHEMA_ID, RESULTS_VERSION, ResultsSchema, type Results } from '../core/results.js';
import { TrajsynthError } from '../core/errors.js';
import { readTextFile, parseValue } from './parse-file.js';

/** Reads a results.json written by `trajsynth report`, checking its schema id and version first. */
export async function readResultsFile(path: string): Promise<Results> {
  const text = await readTextFile(path, 'a results file (results.json from trajsynth report)');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new TrajsynthError(`Expected ${path} to be a results.json in JSON, got unparseable text`, { code: 'CORRUPT_FILE' });
  }
  const header = raw as { schema?: unknown; version?: unknown };
  if (header.schema !== RESULTS_SCHEMA_ID) {
    throw new TrajsynthError(
      `Expected ${path} to be a trajsynth results file (schema "${RESULTS_SCHEMA_ID}"), got schema ${JSON.stringify(header.schema)}`,
      { code: 'BAD_INPUT', hint: 'Pass the results.json that `trajsynth report` wrote.' },
    );
  }
  if (header.version !== RESULTS_VERSION) {
    throw new TrajsynthError(`Expected results version ${RESULTS_VERSION} in ${path}, got ${JSON.stringify(header.version)}`, {
      code: 'SCHEMA_VERSION',
      hint: 'Regenerate the baseline with this trajsynth: trajsynth report RUN... --output DIR.',
    });
  }
  return parseValue(raw, ResultsSchema, path, 'a trajsynth results file');
}
