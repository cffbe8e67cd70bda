import type { SchemaElement } from 'hyparquet-writer';

/**
 * The Hugging Face `datasets` feature types a Parquet export uses, and the three things each one
 * becomes: a Parquet schema, the `huggingface` footer metadata, and the dataset card's YAML.
 *
 * Read from huggingface/datasets (src/datasets/features/features.py and features/image.py, datasets 4):
 * - `Image.pa_type` is `pa.struct({"bytes": pa.binary(), "path": pa.string()})`, in that field order.
 * - `Features.arrow_schema` stores `{"info": {"features": Features.to_dict()}}` under the schema
 *   metadata key `huggingface`, serialized with `json.dumps` (separators ", " and ": ").
 * - `to_dict` is `utils.py_utils.asdict`, which drops fields left at their default (`id`, `length=-1`,
 *   `decode=True`) but keeps `_type`: `Value("string")` → `{"dtype": "string", "_type": "Value"}`,
 *   `Image()` → `{"_type": "Image"}`, `List(Image())` → `{"feature": {"_type": "Image"}, "_type": "List"}`.
 *   datasets >= 4 writes `List`; datasets 3 wrote `Sequence`, which 4 still reads as a List.
 * - `Features.from_arrow_schema` uses the metadata's feature for a column only when the Arrow type
 *   it implies equals the file's field, nullability included (PR #6616), so every column, struct
 *   field and list element here is OPTIONAL, as pyarrow writes them. (List element names do not
 *   matter: Arrow compares list types without them since ARROW-14999.)
 * - `Features._to_yaml_list` renders `Image` as `dtype: image` and `List(x)` as `list: <x>`.
 */
export type HfFeature = { kind: 'value'; dtype: 'string' | 'int64' | 'bool' } | { kind: 'image' } | { kind: 'list'; of: HfFeature };

export const STRING: HfFeature = { kind: 'value', dtype: 'string' };
export const INT64: HfFeature = { kind: 'value', dtype: 'int64' };
export const BOOL: HfFeature = { kind: 'value', dtype: 'bool' };
export const IMAGE: HfFeature = { kind: 'image' };
export const listOf = (of: HfFeature): HfFeature => ({ kind: 'list', of });

/** A column of the dataset: its feature, whether every row must have it, and what it holds. */
export interface ColumnSpec {
  name: string;
  feature: HfFeature;
  /** Never null (lists may still be empty). */
  required: boolean;
  description: string;
}

/** The feature as `Features.to_dict()` has it (key order as `asdict` emits it). */
export function featureDict(feature: HfFeature): Record<string, unknown> {
  switch (feature.kind) {
    case 'value':
      return { dtype: feature.dtype, _type: 'Value' };
    case 'image':
      return { _type: 'Image' };
    case 'list':
      // `Sequence` rather than datasets 4's own `List`: datasets 4 reads `Sequence` (as a List) and
      // datasets 3, still common in training stacks, does not know `List`.
      return { feature: featureDict(feature.of), _type: 'Sequence' };
  }
}

/** The value of the `huggingface` footer key, byte for byte as Python's `json.dumps` writes it. */
export function huggingfaceMetadata(columns: readonly ColumnSpec[]): string {
  const features = Object.fromEntries(columns.map((column) => [column.name, featureDict(column.feature)]));
  return pythonJsonDumps({ info: { features } });
}

/** `json.dumps` with its default separators; enough for the strings, numbers and objects used here. */
export function pythonJsonDumps(value: unknown): string {
  if (value === null || typeof value !== 'object') return asciiJson(value);
  if (Array.isArray(value)) return `[${value.map(pythonJsonDumps).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>).map(([key, item]) => `${asciiJson(key)}: ${pythonJsonDumps(item)}`);
  return `{${entries.join(', ')}}`;
}

/** `ensure_ascii=True`: everything outside ASCII as \uXXXX. */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The feature's YAML lines (after `- name: x`), as `Features._to_yaml_list` renders it. */
export function featureYaml(feature: HfFeature, indent: string): string[] {
  switch (feature.kind) {
    case 'value':
      return [`${indent}dtype: ${feature.dtype}`];
    case 'image':
      return [`${indent}dtype: image`];
    case 'list':
      if (feature.of.kind === 'value') return [`${indent}list: ${feature.of.dtype}`];
      if (feature.of.kind === 'image') return [`${indent}list: image`];
      return [`${indent}list:`, ...featureYaml(feature.of, `${indent}  `)];
  }
}

/** The Parquet schema elements of a column (OPTIONAL throughout; see the note above). */
export function schemaElements(name: string, feature: HfFeature): SchemaElement[] {
  switch (feature.kind) {
    case 'value':
      if (feature.dtype === 'string') return [{ name, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' }];
      if (feature.dtype === 'int64') return [{ name, type: 'INT64', repetition_type: 'OPTIONAL' }];
      return [{ name, type: 'BOOLEAN', repetition_type: 'OPTIONAL' }];
    case 'image':
      return [
        { name, repetition_type: 'OPTIONAL', num_children: 2 },
        { name: 'bytes', type: 'BYTE_ARRAY', repetition_type: 'OPTIONAL' },
        { name: 'path', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
      ];
    case 'list':
      // The three-level LIST layout of the Parquet spec (LogicalTypes.md#lists).
      return [
        { name, repetition_type: 'OPTIONAL', converted_type: 'LIST', num_children: 1 },
        { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
        ...schemaElements('element', feature.of),
      ];
  }
}

/** The whole file's schema: the root, then every column's elements. */
export function parquetSchema(columns: readonly ColumnSpec[]): SchemaElement[] {
  return [{ name: 'schema', num_children: columns.length }, ...columns.flatMap((column) => schemaElements(column.name, column.feature))];
}
