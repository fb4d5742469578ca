import { currencyCodes, maxMinorUnits, type UpdateProductRequest } from '@shoplane/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyPatch, archived, editableFields, newProduct, stockLevel, toProduct, type CatalogueProduct } from './product.js';

const createdAt = new Date('2026-11-25T10:00:00.000Z');
const later = new Date('2026-11-26T08:30:00.000Z');

const kettle = (): CatalogueProduct =>
  newProduct(
    'prd_01JD8Z4M6Q5J3K2N1P0R9S8T7V',
    { name: 'Kettle', description: 'Enamel.', category: 'kitchen', price: { amount: 3499, currency: 'USD' }, stock: 5, imageUrl: 'https://cdn.example.com/k.jpg' },
    createdAt,
  );

const patches: fc.Arbitrary<UpdateProductRequest> = fc.record(
  {
    name: fc.constantFrom('Kettle', 'Teapot'),
    description: fc.constantFrom('Enamel.', 'Copper.'),
    category: fc.constantFrom('kitchen', 'tea'),
    price: fc.record({ amount: fc.constantFrom(3499, 0, maxMinorUnits), currency: fc.constantFrom<(typeof currencyCodes)[number]>('USD', 'EUR') }),
    imageUrl: fc.constantFrom<string | null>('https://cdn.example.com/k.jpg', 'https://cdn.example.com/t.jpg', null),
  },
  { requiredKeys: [] },
);

describe('a new product', () => {
  it('is active, at revision 1, showing its initial stock until inventory reports', () => {
    expect(kettle()).toMatchObject({ status: 'active', revision: 1, availableStock: 5, inStock: true, createdAt: createdAt.toISOString(), updatedAt: createdAt.toISOString() });
    expect(kettle()).not.toHaveProperty('stockVersion');
  });
});

describe('stock level', () => {
  it('is in stock exactly when units are available', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (units) => {
        expect(stockLevel(units).inStock).toBe(units > 0);
      }),
    );
  });
});

describe('applying a patch', () => {
  it('reports as changed exactly the fields whose value differs', () => {
    fc.assert(
      fc.property(patches, (patch) => {
        const current = kettle();
        const { next, changed } = applyPatch(current, patch, later);
        for (const field of editableFields) {
          const before = JSON.stringify(current[field] ?? null);
          const after = JSON.stringify(next[field] ?? null);
          expect(changed.includes(field)).toBe(before !== after);
        }
      }),
    );
  });

  it('changes nothing when applied a second time', () => {
    fc.assert(
      fc.property(patches, (patch) => {
        const once = applyPatch(kettle(), patch, later).next;
        const twice = applyPatch(once, patch, new Date('2027-01-01T00:00:00.000Z'));
        expect(twice).toEqual({ next: once, changed: [] });
      }),
    );
  });

  it('moves revision and updatedAt forward only when something changed', () => {
    const current = kettle();

    const edited = applyPatch(current, { name: 'Teapot' }, later).next;
    const untouched = applyPatch(current, { name: 'Kettle' }, later).next;

    expect(edited).toMatchObject({ revision: 2, updatedAt: later.toISOString(), createdAt: createdAt.toISOString() });
    expect(untouched).toBe(current);
  });

  it('removes the image for null and leaves it for an absent imageUrl', () => {
    expect(applyPatch(kettle(), { imageUrl: null }, later).next).not.toHaveProperty('imageUrl');
    expect(applyPatch(kettle(), { name: 'Teapot' }, later).next.imageUrl).toBe('https://cdn.example.com/k.jpg');
  });

  it('counts a currency change as a price change', () => {
    expect(applyPatch(kettle(), { price: { amount: 3499, currency: 'EUR' } }, later).changed).toEqual(['price']);
  });
});

describe('archiving', () => {
  it('marks the product archived at a new revision', () => {
    expect(archived(kettle(), later)).toMatchObject({ status: 'archived', revision: 2, updatedAt: later.toISOString() });
  });
});

describe('the public view', () => {
  it('leaves out the write guards', () => {
    const view = toProduct({ ...kettle(), stockVersion: 3 });

    expect(view).not.toHaveProperty('revision');
    expect(view).not.toHaveProperty('stockVersion');
  });
});
