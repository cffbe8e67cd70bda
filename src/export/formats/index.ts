import { TrajsynthError } from '../../core/errors.js';
import type { DatasetFormat } from '../sample.js';
import { anthropicFormat } from './anthropic.js';
import { openaiFormat } from './openai.js';
import { parquetFormat } from './parquet.js';
import { playwrightTraceFormat } from './playwright-trace.js';
import { dpoFormat, openaiPreferenceFormat } from './preference.js';
import { rawFormat } from './raw.js';
import { sharegptFormat } from './sharegpt.js';

/** Every export format, by the id `--format` takes. */
const FORMATS: Record<string, DatasetFormat> = {
  openai: openaiFormat,
  anthropic: anthropicFormat,
  sharegpt: sharegptFormat,
  parquet: parquetFormat,
  raw: rawFormat,
  dpo: dpoFormat,
  'openai-preference': openaiPreferenceFormat,
  'playwright-trace': playwrightTraceFormat,
};

export const FORMAT_IDS = Object.keys(FORMATS);

export function datasetFormat(id: string): DatasetFormat {
  const format = FORMATS[id];
  if (!format) {
    throw new TrajsynthError(`Expected --format to be one of ${Object.keys(FORMATS).join(', ')}, got "${id}"`, { code: 'BAD_INPUT' });
  }
  return format;
}
