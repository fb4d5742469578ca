import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { allOperations } from './index.js';

/**
 * Every request body is strict, at every depth: a field the API does not know is a
 * 422 naming it, never dropped silently (a typo in an optional field would otherwise
 * look like success). Walking the schemas of `allOperations` holds new operations to
 * it without anyone remembering to. Provider payloads (webhooks) are the one exception,
 * and say so with `providerPayload: true`.
 */

type Schema = z.core.$ZodType;

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && '_zod' in value;
}

/** The schemas a schema is built from, each with the path segment it sits at ('' when it adds none). */
function partsOf(schema: Schema): [string, Schema][] {
  const def = schema._zod.def as unknown as Record<string, unknown>;
  const parts: [string, Schema][] = [];
  for (const [field, value] of Object.entries(def)) {
    // A strict object's catchall is `never`; checks (refinements, bounds) hold no schemas.
    if (field === 'catchall' || field === 'checks') continue;
    if (field === 'shape' && value && typeof value === 'object') {
      for (const [key, property] of Object.entries(value)) if (isSchema(property)) parts.push([key, property]);
    } else if (field === 'getter' && typeof value === 'function') {
      const resolved: unknown = (value as () => unknown)();
      if (isSchema(resolved)) parts.push(['', resolved]);
    } else if (isSchema(value)) {
      parts.push([field === 'element' ? '*' : '', value]);
    } else if (Array.isArray(value)) {
      for (const item of value) if (isSchema(item)) parts.push(['', item]);
    }
  }
  return parts;
}

function acceptsUnknownKeys(schema: Schema): boolean {
  const def = schema._zod.def as unknown as { type: string; catchall?: Schema };
  return def.type === 'object' && def.catchall?._zod.def.type !== 'never';
}

/** Paths (`items.*`, `(body)`) of every object in the schema that would take a field it does not declare. */
function looseObjectPaths(schema: Schema, path = '', seen = new Set<Schema>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const here = acceptsUnknownKeys(schema) ? [path || '(body)'] : [];
  return [...here, ...partsOf(schema).flatMap(([segment, part]) => looseObjectPaths(part, [path, segment].filter(Boolean).join('.'), seen))];
}

const withBody = allOperations.flatMap((operation) => (operation.request?.body ? [{ operation, body: operation.request.body }] : []));

describe('request bodies', () => {
  it('exist on the operations that take input (so the walk below checks something)', () => {
    expect(withBody.map(({ operation }) => operation.operationId)).toEqual(
      expect.arrayContaining(['registerUser', 'loginUser', 'createProduct', 'updateProduct', 'restock', 'addCartItem', 'setCartItem', 'createOrder']),
    );
  });

  it.each(withBody.filter(({ operation }) => !operation.request?.providerPayload).map(({ operation, body }) => [operation.operationId, body] as const))(
    '%s refuses unknown fields at every depth',
    (_operationId, body) => {
      expect(looseObjectPaths(body)).toEqual([]);
    },
  );

  it('are loose only where a provider sends them, and those say so', () => {
    const loose = withBody.filter(({ body }) => looseObjectPaths(body).length > 0).map(({ operation }) => operation.operationId);
    const marked = withBody.filter(({ operation }) => operation.request?.providerPayload).map(({ operation }) => operation.operationId);
    expect(loose.sort()).toEqual(marked.sort());
    expect(marked.sort()).toEqual(['receiveRazorpayWebhook', 'receiveStripeWebhook']);
  });
});

describe('the walk over a schema', () => {
  it('finds a plain object nested in an optional array, and trusts strict ones', () => {
    const schema = z.strictObject({ items: z.optional(z.array(z.object({ id: z.string() }))), money: z.strictObject({ amount: z.int() }) });
    expect(looseObjectPaths(schema)).toEqual(['items.*']);
  });
});
