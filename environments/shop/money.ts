/** Money is kept in integer cents; pages and the probe show dollars. */
export const TAX_RATE = 0.08;
export const FREE_SHIPPING_CENTS = 7_500;

export function dollars(cents: number): number {
  return Math.round(cents) / 100;
}

/** "$1,234.50" */
export function formatMoney(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const [whole, fraction] = (Math.abs(Math.round(cents)) / 100).toFixed(2).split('.');
  return `${sign}$${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fraction}`;
}

export function taxOn(subtotalCents: number): number {
  return Math.round(subtotalCents * TAX_RATE);
}
