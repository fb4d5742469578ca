import type { MoneyTotal } from '@shoplane/contracts';

const locale = 'en-US';
const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(currency: string): Intl.NumberFormat {
  let formatter = formatters.get(currency);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: 'currency', currency });
    formatters.set(currency, formatter);
  }
  return formatter;
}

/**
 * An amount in minor units as a customer reads it: 1299 USD → "$12.99",
 * 500 JPY → "¥500", 1234 BHD → "BHD 1.234". The decimal is built from the
 * integer's digits (never by dividing a float), so every total prints exactly.
 */
export function formatMoney(money: MoneyTotal): string {
  const formatter = formatterFor(money.currency);
  const digits = formatter.resolvedOptions().maximumFractionDigits ?? 2;
  const minor = String(money.amount).padStart(digits + 1, '0');
  const decimal = digits === 0 ? minor : `${minor.slice(0, -digits)}.${minor.slice(-digits)}`;
  return formatter.format(decimal as `${number}`);
}

const htmlEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => htmlEntities[character] ?? character);
}
