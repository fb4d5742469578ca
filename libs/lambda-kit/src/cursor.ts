import { BadRequestError } from './errors.js';

export type StoreKey = Record<string, string | number>;

/**
 * Page cursors are opaque to clients: the store's last evaluated key plus the
 * query they were issued for, base64url-encoded. A cursor that does not decode to
 * the expected key attributes, or was issued for another query, is a 400.
 *
 * decodeCursor checks the attribute names and value types only. Callers must check
 * the values against their own query (partition, sort-key format) before using them
 * as ExclusiveStartKey: DynamoDB rejects a start key outside the queried partition.
 */
export function encodeCursor(key: StoreKey, scope: string): string {
  return Buffer.from(JSON.stringify({ k: key, s: scope })).toString('base64url');
}

export function decodeCursor(cursor: string, scope: string, keyAttributes: readonly string[]): StoreKey {
  const invalid = () => new BadRequestError('The cursor is not valid for this query; start again without it.', 'invalid-cursor');
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!decoded || typeof decoded !== 'object' || !('k' in decoded) || !('s' in decoded) || decoded.s !== scope) throw invalid();
  const key = decoded.k;
  if (!key || typeof key !== 'object') throw invalid();
  const entries = Object.entries(key);
  const expected = [...keyAttributes].sort();
  const actual = entries.map(([name]) => name).sort();
  if (expected.length !== actual.length || expected.some((name, i) => name !== actual[i])) throw invalid();
  if (entries.some(([, value]) => typeof value !== 'string' && typeof value !== 'number')) throw invalid();
  return key as StoreKey;
}
