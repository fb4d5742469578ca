import * as z from 'zod/mini';

const decimalInteger = /^(0|[1-9][0-9]*)$/;

/**
 * A whole number in a query string, written in plain decimal: `limit=0x10`,
 * `limit=1e2`, `limit= 5` and `minPrice=` (empty) are refused with a 422 naming the
 * parameter, instead of being read as something the caller may not have meant.
 * Documented (and typed in the client) as an integer.
 */
export function queryInteger(options: { min: number; max: number; description?: string }) {
  const { min, max, description } = options;
  return z
    .pipe(
      z.string().check(z.regex(decimalInteger, { error: 'must be a whole number in decimal digits' })),
      z.pipe(
        z.transform((digits: string) => Number(digits)),
        z.int().check(z.minimum(min, { error: `must be at least ${min}` }), z.maximum(max, { error: `must be at most ${max}` })),
      ),
    )
    .register(z.globalRegistry, {
      ...(description ? { description } : {}),
      // The wire form is digits; the document and the client speak of the integer they mean.
      override: ({ jsonSchema }: { jsonSchema: Record<string, unknown> }) => {
        delete jsonSchema['pattern'];
        Object.assign(jsonSchema, { type: 'integer', minimum: min, maximum: max });
      },
    });
}
