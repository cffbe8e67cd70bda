import { TrajsynthError } from '../../core/errors.js';
import type { DatasetFormat } from '../sample.js';
import { parquetFormat } from './parquet.js';
import { rawFormat } from './raw.js';

/** Every export format, by the id `--format` takes. */
const FORMATS: Record<string, DatasetFormat> = {
  parquet: parquetFormat,
  raw: rawFormat,
};

export const FORMAT_IDS = Object.keys(FORMATS);

export function datasetFormat(id: string): DatasetFormat {
  const format = FORMATS[id];
  if (!format) {
    throw new TrajsynthError(`Expected --format to be one of ${Object.keys(FORMATS).join(', ')}, got "${id}"`, { code: 'BAD_INPUT' });
  }
  return format;
}
