import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { settlementOf } from './ordering.js';

const mug = 'prd_01JD8Z4M6Q5J3K2N1P0R9S8T7V';
const kettle = 'prd_01JD8Z4M6Q5J3K2N1P0R9S8T7W';
const lamp = 'prd_01JD8Z4M6Q5J3K2N1P0R9S8T7X';

describe('settlementOf', () => {
  it('keeps what is left of a line ordered in part, removes a line ordered whole, and leaves other lines alone', () => {
    const held = [
      { productId: mug, quantity: 5 },
      { productId: kettle, quantity: 1 },
      { productId: lamp, quantity: 2 },
    ];

    expect(settlementOf(held, [{ productId: mug, quantity: 2 }, { productId: kettle, quantity: 1 }])).toEqual({
      reduce: [{ productId: mug, from: 5, to: 3 }],
      remove: [{ productId: kettle, from: 1 }],
    });
  });

  it('removes a line that now holds fewer units than were ordered, and ignores ordered products no longer in the cart', () => {
    expect(settlementOf([{ productId: mug, quantity: 1 }], [{ productId: mug, quantity: 3 }, { productId: kettle, quantity: 1 }])).toEqual({
      reduce: [],
      remove: [{ productId: mug, from: 1 }],
    });
  });

  it('never leaves a line at zero or below, and never touches a product that was not ordered', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 99 }), (held, ordered, other) => {
        const settlement = settlementOf([{ productId: mug, quantity: held }, { productId: lamp, quantity: other }], [{ productId: mug, quantity: ordered }]);
        expect([...settlement.reduce, ...settlement.remove].map((line) => line.productId)).toEqual([mug]);
        expect(settlement.reduce.every((line) => line.to > 0 && line.to === held - ordered)).toBe(true);
        expect(settlement.remove.length > 0).toBe(held <= ordered);
      }),
    );
  });
});
