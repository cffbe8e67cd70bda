/** Pass counts and rates grouped by a key (per level, per app), keys in natural order. */
export function rateTable<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  passed: (item: T) => boolean,
): Record<string, { total: number; passed: number; rate: number }> {
  const table: Record<string, { total: number; passed: number; rate: number }> = {};
  for (const item of items) {
    const key = keyOf(item);
    const row = (table[key] ??= { total: 0, passed: 0, rate: 0 });
    row.total += 1;
    if (passed(item)) row.passed += 1;
  }
  const sorted = Object.keys(table).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  return Object.fromEntries(sorted.map((key) => [key, { ...table[key]!, rate: table[key]!.passed / table[key]!.total }]));
}
