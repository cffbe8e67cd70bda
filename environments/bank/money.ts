/** Money helpers: amounts are dollars rounded to cents; labels are what the pages print. */

const MAX_AMOUNT = 1_000_000;

export function roundCents(value: number): number {
  return Math.round(value * 100) / 100;
}

// One formatter for every amount: `toLocaleString` builds a new one per call, which showed in profiles.
const CENTS = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const WHOLE = new Intl.NumberFormat('en-US');

function digits(value: number): string {
  return CENTS.format(Math.abs(value));
}

/** "$1,234.56", or "-$1,234.56" when negative. */
export function formatMoney(value: number): string {
  const rounded = roundCents(value);
  return `${rounded < 0 ? '-' : ''}$${digits(rounded)}`;
}

/** "+$1,234.56" for money in, "-$1,234.56" for money out. */
export function formatSigned(value: number): string {
  const rounded = roundCents(value);
  return `${rounded < 0 ? '-' : '+'}$${digits(rounded)}`;
}

/** "$2,500" for whole-dollar limits. */
export function formatWholeMoney(value: number): string {
  return `$${WHOLE.format(Math.round(value))}`;
}

/**
 * Reads an amount a person typed: "25", "25.5", "$1,200.00". Returns undefined unless it is a
 * positive number with at most two decimals.
 */
export function parseAmount(text: string | null): number | undefined {
  const cleaned = (text ?? '').trim().replace(/^\$/, '').replace(/,/g, '').trim();
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned) && !/^\.\d{1,2}$/.test(cleaned)) return undefined;
  const value = roundCents(Number(cleaned));
  return Number.isFinite(value) && value > 0 && value < MAX_AMOUNT ? value : undefined;
}

/** Reads a whole-dollar limit: "500", "$2,500". */
export function parseWholeAmount(text: string | null): number | undefined {
  const cleaned = (text ?? '').trim().replace(/^\$/, '').replace(/,/g, '').trim();
  if (!/^\d+(\.0{1,2})?$/.test(cleaned)) return undefined;
  const value = Number(cleaned);
  return Number.isFinite(value) && value > 0 && value < MAX_AMOUNT ? Math.round(value) : undefined;
}
