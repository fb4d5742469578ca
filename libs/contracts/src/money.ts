import * as z from 'zod/mini';

/** ISO 4217 codes in current use (as listed by ICU). */
export const currencyCodes = [
  'AED', 'AFN', 'ALL', 'AMD', 'ANG', 'AOA', 'ARS', 'AUD', 'AWG', 'AZN', 'BAM', 'BBD', 'BDT', 'BGN', 'BHD', 'BIF', 'BMD',
  'BND', 'BOB', 'BRL', 'BSD', 'BTN', 'BWP', 'BYN', 'BZD', 'CAD', 'CDF', 'CHF', 'CLP', 'CNY', 'COP', 'CRC', 'CUC', 'CUP',
  'CVE', 'CZK', 'DJF', 'DKK', 'DOP', 'DZD', 'EGP', 'ERN', 'ETB', 'EUR', 'FJD', 'FKP', 'GBP', 'GEL', 'GHS', 'GIP', 'GMD',
  'GNF', 'GTQ', 'GYD', 'HKD', 'HNL', 'HRK', 'HTG', 'HUF', 'IDR', 'ILS', 'INR', 'IQD', 'IRR', 'ISK', 'JMD', 'JOD', 'JPY',
  'KES', 'KGS', 'KHR', 'KMF', 'KPW', 'KRW', 'KWD', 'KYD', 'KZT', 'LAK', 'LBP', 'LKR', 'LRD', 'LSL', 'LYD', 'MAD', 'MDL',
  'MGA', 'MKD', 'MMK', 'MNT', 'MOP', 'MRU', 'MUR', 'MVR', 'MWK', 'MXN', 'MYR', 'MZN', 'NAD', 'NGN', 'NIO', 'NOK', 'NPR',
  'NZD', 'OMR', 'PAB', 'PEN', 'PGK', 'PHP', 'PKR', 'PLN', 'PYG', 'QAR', 'RON', 'RSD', 'RUB', 'RWF', 'SAR', 'SBD', 'SCR',
  'SDG', 'SEK', 'SGD', 'SHP', 'SLE', 'SLL', 'SOS', 'SRD', 'SSP', 'STN', 'SVC', 'SYP', 'SZL', 'THB', 'TJS', 'TMT', 'TND',
  'TOP', 'TRY', 'TTD', 'TWD', 'TZS', 'UAH', 'UGX', 'USD', 'UYU', 'UZS', 'VES', 'VND', 'VUV', 'WST', 'XAF', 'XCD', 'XCG',
  'XDR', 'XOF', 'XPF', 'XSU', 'YER', 'ZAR', 'ZMW', 'ZWG', 'ZWL',
] as const;

export const Currency = z
  .enum(currencyCodes)
  .register(z.globalRegistry, { id: 'Currency', description: 'ISO 4217 currency code.', examples: ['USD'] });
export type Currency = z.infer<typeof Currency>;

/**
 * Largest price the shop accepts: 10^9 minor units (ten million dollars). Totals of up
 * to 50 lines × 99 units of it stay far below 2^53, so they are exact in JSON numbers.
 */
export const maxMinorUnits = 1_000_000_000;

export const MinorUnits = z
  .int({ error: 'must be an integer number of minor units (e.g. cents), not a decimal' })
  .check(z.minimum(0), z.maximum(maxMinorUnits));

// Strict both ways, so requests and responses share one schema (and unknown keys are a 422).
export const Money = z
  .strictObject({ amount: MinorUnits, currency: Currency })
  .register(z.globalRegistry, {
    id: 'Money',
    description: 'An exact amount in minor units of its currency (1299 USD = $12.99).',
    examples: [{ amount: 1299, currency: 'USD' }],
  });
export type Money = z.infer<typeof Money>;

/** A computed total (line total, subtotal): the same shape as Money, without the price ceiling. */
export const MoneyTotal = z
  .strictObject({ amount: z.int().check(z.minimum(0), z.maximum(Number.MAX_SAFE_INTEGER)), currency: Currency })
  .register(z.globalRegistry, {
    id: 'MoneyTotal',
    description: 'An exact computed total in minor units of its currency.',
    examples: [{ amount: 2598, currency: 'USD' }],
  });
export type MoneyTotal = z.infer<typeof MoneyTotal>;
