/** Money as the API sends it: integer minor units and an ISO 4217 code. */
export interface Money {
  amount: number;
  currency: string;
}

/** How many minor-unit digits a currency has (USD 2, JPY 0, BHD 3), as Intl knows it. */
export function minorDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** `{ amount: 1299, currency: 'USD' }` → `$12.99`. */
export function formatMoney(money: Money, locale = 'en-US'): string {
  const digits = minorDigits(money.currency);
  return new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency }).format(money.amount / 10 ** digits);
}

/**
 * What a person types as a price (`12.5`, `12.50`, `12`) → integer minor units, or
 * undefined when it is not a price in that currency (too many decimals, negative, text).
 */
export function parseMajorAmount(text: string, currency: string): number | undefined {
  const digits = minorDigits(currency);
  const match = /^(\d+)(?:\.(\d*))?$/.exec(text.trim());
  if (!match) return undefined;
  const [, whole = '', fraction = ''] = match;
  if (fraction.length > digits) return undefined;
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
}

/** Minor units → the text a price input shows (`1299` → `12.99`). */
export function toMajorText(money: Money): string {
  const digits = minorDigits(money.currency);
  return (money.amount / 10 ** digits).toFixed(digits);
}
