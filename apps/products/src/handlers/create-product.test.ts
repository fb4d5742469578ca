import { createProduct, maxMinorUnits } from '@shoplane/contracts';
import { apiEvent, invoke } from '@shoplane/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { productsTestbed, validProduct, type ProductsTestbed } from '../test-support.js';

let bed: ProductsTestbed;

beforeAll(async () => {
  bed = await productsTestbed();
});

const create = (body: unknown, headers: Record<string, string> = {}) =>
  invoke(bed.handlers.create, apiEvent(createProduct, { body, token: bed.tokens.admin, headers }));

/** Each field named once, though one value may break several of its rules (an empty slug is short and no slug). */
const fieldPaths = (body: unknown) => [...new Set((body as { errors: { path: string }[] }).errors.map((error) => error.path))];

describe('POST /products', () => {
  it('creates an active product and answers 201 with its id and location', async () => {
    const response = await create(validProduct({ imageUrl: 'https://cdn.example.com/kettle.jpg' }));

    expect(response.status).toBe(201);
    const { productId } = response.body as { productId: string };
    expect(productId).toMatch(/^prd_[0-9A-Z]{26}$/);
    expect(response.headers['location']).toBe(`/products/${productId}`);
    expect(await bed.products.findById(productId)).toMatchObject({
      name: 'Enamel Kettle',
      category: 'kitchen',
      price: { amount: 3499, currency: 'USD' },
      imageUrl: 'https://cdn.example.com/kettle.jpg',
      status: 'active',
      availableStock: 25,
      inStock: true,
    });
  });

  it('shows a product created with no stock as out of stock', async () => {
    const response = await create(validProduct({ stock: 0 }));

    const stored = await bed.products.findById((response.body as { productId: string }).productId);
    expect(stored).toMatchObject({ availableStock: 0, inStock: false });
  });

  it('normalises the category to its slug', async () => {
    const response = await create(validProduct({ category: '  Outdoor-Gear ' }));

    expect((await bed.products.findById((response.body as { productId: string }).productId))?.category).toBe('outdoor-gear');
  });

  it('writes ProductCreated with the initial stock to the outbox, with the product', async () => {
    const response = await create(validProduct({ name: 'Outbox Kettle', stock: 7 }), { 'x-correlation-id': 'corr-create-1' });
    const { productId } = response.body as { productId: string };

    const events = (await bed.outboxEvents()).filter((event) => event.eventType === 'ProductCreated' && event.data.productId === productId);

    expect(events).toEqual([
      {
        eventId: expect.stringMatching(/^evt_/),
        eventType: 'ProductCreated',
        source: 'shoplane.products',
        occurredAt: expect.any(String),
        correlationId: 'corr-create-1',
        data: { productId, name: 'Outbox Kettle', category: 'kitchen', price: { amount: 3499, currency: 'USD' }, stock: 7 },
      },
    ]);
  });

  it('answers a retry with the same Idempotency-Key with the first answer, creating one product', async () => {
    const body = validProduct({ name: 'Retried Lamp' });
    const first = await create(body, { 'idempotency-key': 'create-lamp-0001' });

    const retry = await create(body, { 'idempotency-key': 'create-lamp-0001' });

    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    const created = (await bed.outboxEvents()).filter((event) => event.eventType === 'ProductCreated' && event.data.name === 'Retried Lamp');
    expect(created).toHaveLength(1);
  });

  it('refuses an Idempotency-Key reused with another body with 422', async () => {
    await create(validProduct({ name: 'First Body' }), { 'idempotency-key': 'create-reused-0001' });

    const reused = await create(validProduct({ name: 'Second Body' }), { 'idempotency-key': 'create-reused-0001' });

    expect(reused.status).toBe(422);
    expect(reused.body).toMatchObject({ type: expect.stringContaining('idempotency-key-reused') });
  });

  it.each([
    ['an empty name', { name: '' }, 'name'],
    ['a name over 200 characters', { name: 'n'.repeat(201) }, 'name'],
    ['a description over 5000 characters', { description: 'd'.repeat(5001) }, 'description'],
    ['a category that is not a slug', { category: 'Garden & Patio' }, 'category'],
    ['an empty category', { category: '' }, 'category'],
    ['a decimal price', { price: { amount: 12.99, currency: 'USD' } }, 'price.amount'],
    ['a negative price', { price: { amount: -1, currency: 'USD' } }, 'price.amount'],
    ['a price above the shop maximum', { price: { amount: maxMinorUnits + 1, currency: 'USD' } }, 'price.amount'],
    ['an unknown currency', { price: { amount: 100, currency: 'XYZ' } }, 'price.currency'],
    ['a price without currency', { price: { amount: 100 } }, 'price.currency'],
    ['a negative stock', { stock: -1 }, 'stock'],
    ['a fractional stock', { stock: 1.5 }, 'stock'],
    ['a stock over a million', { stock: 1_000_001 }, 'stock'],
    ['an image URL that is not https', { imageUrl: 'http://cdn.example.com/a.jpg' }, 'imageUrl'],
    ['an image URL that is not a URL', { imageUrl: 'kettle.jpg' }, 'imageUrl'],
    ['a field the API does not know', { colour: 'red' }, 'colour'],
    ['an unknown field inside the price', { price: { amount: 100, currency: 'USD', cents: true } }, 'price.cents'],
  ])('answers 422 at the field for %s', async (_case, overrides, path) => {
    const response = await create({ ...validProduct(), ...overrides });

    expect(response.status).toBe(422);
    expect(fieldPaths(response.body)).toEqual([path]);
  });

  it('names every missing field', async () => {
    const response = await create({ imageUrl: 'https://cdn.example.com/a.jpg' });

    expect(response.status).toBe(422);
    expect(fieldPaths(response.body).sort()).toEqual(['category', 'description', 'name', 'price', 'stock']);
  });

  it('writes nothing for a refused body', async () => {
    const before = (await bed.outboxEvents()).length;

    const response = await create({ ...validProduct({ name: 'Never Stored' }), price: { amount: 9.5, currency: 'USD' } });

    expect(response.status).toBe(422);
    expect(await bed.outboxEvents()).toHaveLength(before);
  });
});
