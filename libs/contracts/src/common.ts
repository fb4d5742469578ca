import * as z from 'zod/mini';

/** Crockford base32 ULID: time-ordered, URL-safe. */
const ulidPattern = '[0-9A-HJKMNP-TV-Z]{26}';

export function prefixedId(prefix: string, description: string) {
  return z
    .string()
    .check(z.regex(new RegExp(`^${prefix}_${ulidPattern}$`)))
    .register(z.globalRegistry, { description, examples: [`${prefix}_01JD8Z4M6Q5J3K2N1P0R9S8T7V`] });
}

export const UserId = prefixedId('usr', 'User id.');
export const EventId = prefixedId('evt', 'Event id.');

export const Timestamp = z
  .string()
  .check(z.iso.datetime())
  .register(z.globalRegistry, { description: 'ISO-8601 UTC timestamp.', examples: ['2026-11-25T14:38:00.000Z'] });

export const Role = z.enum(['customer', 'admin']).register(z.globalRegistry, { id: 'Role' });
export type Role = z.infer<typeof Role>;
