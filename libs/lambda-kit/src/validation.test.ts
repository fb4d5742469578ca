import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { validateInput } from './validation.js';

const Order = z.strictObject({
  items: z.array(z.strictObject({ productId: z.string(), quantity: z.int() })),
  payment: z.optional(z.strictObject({ token: z.string() })),
});

describe('validateInput', () => {
  it('names each unknown field at its own path, one error per field', () => {
    const result = validateInput(Order, { items: [], colour: 'red', giftWrap: true });

    expect(result).toEqual({
      success: false,
      errors: [
        { path: 'colour', message: 'is not a known field' },
        { path: 'giftWrap', message: 'is not a known field' },
      ],
    });
  });

  it('names unknown fields inside nested objects and array items with their full path', () => {
    const result = validateInput(Order, { items: [{ productId: 'p', quantity: 1 }, { productId: 'q', quantity: 2, colour: 'red' }], payment: { token: 't', cvv: '123' } });

    expect(result.success ? [] : result.errors).toEqual([
      { path: 'items.1.colour', message: 'is not a known field' },
      { path: 'payment.cvv', message: 'is not a known field' },
    ]);
  });

  it('reports an unknown field beside the other errors, under the given prefix', () => {
    const result = validateInput(z.strictObject({ limit: z.int() }), { limit: 1.5, lmit: 2 }, 'query');

    expect(result.success ? [] : result.errors).toEqual(
      expect.arrayContaining([
        { path: 'query.limit', message: 'must be an integer' },
        { path: 'query.lmit', message: 'is not a known field' },
      ]),
    );
  });

  it('passes a valid input through as parsed', () => {
    expect(validateInput(Order, { items: [{ productId: 'p', quantity: 1 }] })).toEqual({ success: true, data: { items: [{ productId: 'p', quantity: 1 }] } });
  });
});
