import { describe, expect, it } from 'vitest';
import { placeFieldErrors } from './field-errors.js';

describe('placeFieldErrors', () => {
  it('puts each error next to the field its path names', () => {
    const placed = placeFieldErrors(
      [
        { path: 'email', message: 'must be an e-mail address' },
        { path: 'password', message: 'must be at least 12 characters' },
      ],
      ['email', 'password', 'name'],
    );

    expect(placed.byField).toEqual({ email: 'must be an e-mail address', password: 'must be at least 12 characters' });
    expect(placed.unplaced).toEqual([]);
  });

  it('shows a nested path on the field that holds it, through an alias when the names differ', () => {
    const placed = placeFieldErrors([{ path: 'price.amount', message: 'must be an integer' }, { path: 'stock', message: 'too large' }], ['price', 'stockText'], {
      stock: 'stockText',
    });

    expect(placed.byField).toEqual({ price: 'must be an integer', stockText: 'too large' });
  });

  it('joins two errors of one field and keeps the ones no field shows', () => {
    const placed = placeFieldErrors(
      [
        { path: 'name', message: 'is required' },
        { path: 'name', message: 'is too long' },
        { path: 'items.0.colour', message: 'is not a known field' },
      ],
      ['name'],
    );

    expect(placed.byField).toEqual({ name: 'is required; is too long' });
    expect(placed.unplaced).toEqual([{ path: 'items.0.colour', message: 'is not a known field' }]);
  });
});
