import { listProducts, type Product, type ProductPage } from '@shoplane/contracts';
import { encodeCursor } from '@shoplane/lambda-kit';
import { apiEvent, invoke } from '@shoplane/testing';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { priceKey } from '../adapters/table-layout.js';
import { addProduct } from '../domain/catalogue.js';
import { productsTestbed, recordingClient, validProduct, type ProductsTestbed } from '../test-support.js';

let bed: ProductsTestbed;
let commands: string[];
let catalogue: Product[];

const categories = ['kitchen', 'audio', 'books', 'outdoor-gear', 'home-office'];
/** Few distinct prices, so many products share one and the id must break the tie. */
const priceOf = (index: number) => ((index * 37) % 23) * 250;

beforeAll(async () => {
  bed = await productsTestbed((client) => {
    const recording = recordingClient(client);
    commands = recording.commands;
    return recording.client;
  });
  const ids: string[] = [];
  for (let start = 0; start < 250; start += 25) {
    const batch = Array.from({ length: 25 }, (_, offset) => start + offset).map((index) =>
      addProduct(bed.deps(), validProduct({ name: `Product ${index}`, category: categories[index % categories.length], price: { amount: priceOf(index), currency: 'USD' } }), 'seed'),
    );
    ids.push(...(await Promise.all(batch)).map((created) => created.productId));
  }
  catalogue = (await bed.deps().products.findMany(ids.slice(0, 100)))
    .concat(await bed.deps().products.findMany(ids.slice(100, 200)))
    .concat(await bed.deps().products.findMany(ids.slice(200)));
});

beforeEach(() => {
  commands.length = 0;
});

const list = (query: Record<string, string>) => invoke(bed.handlers.list, apiEvent(listProducts, { query }));

async function pageThrough(query: Record<string, string>, limit = 7) {
  const pages: Product[][] = [];
  let cursor: string | null = null;
  do {
    const response = await list({ ...query, limit: String(limit), ...(cursor ? { cursor } : {}) });
    expect(response.status).toBe(200);
    const page = response.body as ProductPage;
    pages.push(page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return { pages, items: pages.flat() };
}

const byPriceThenId = (a: Product, b: Product) => a.price.amount - b.price.amount || a.productId.localeCompare(b.productId);
const newestFirst = (a: Product, b: Product) => b.createdAt.localeCompare(a.createdAt) || b.productId.localeCompare(a.productId);
const inRange = (min: number, max: number) => (product: Product) => product.price.amount >= min && product.price.amount <= max;

const listings: [string, Record<string, string>, (product: Product) => boolean, (a: Product, b: Product) => number][] = [
  ['everything, newest first', {}, () => true, newestFirst],
  ['one category, cheapest first', { category: 'audio' }, (p) => p.category === 'audio', byPriceThenId],
  ['another category, cheapest first', { category: 'home-office' }, (p) => p.category === 'home-office', byPriceThenId],
  ['a price range across categories', { minPrice: '1000', maxPrice: '3000' }, inRange(1000, 3000), byPriceThenId],
  ['a lower price bound only', { minPrice: '4750' }, inRange(4750, Infinity), byPriceThenId],
  ['an upper price bound only', { maxPrice: '250' }, inRange(0, 250), byPriceThenId],
  ['a category within a price range', { category: 'kitchen', minPrice: '500', maxPrice: '2500' }, (p) => p.category === 'kitchen' && inRange(500, 2500)(p), byPriceThenId],
];

describe('GET /products paging', () => {
  it.each(listings)('lists %s, each product exactly once, in order', async (_name, query, belongs, order) => {
    const { items } = await pageThrough(query);

    const expected = catalogue.filter(belongs).sort(order);
    expect(expected.length).toBeGreaterThan(7);
    expect(items.map((product) => product.productId)).toEqual(expected.map((product) => product.productId));
  });

  it.each(listings)('fills every page but the last, which is never empty, for %s', async (_name, query) => {
    const { pages } = await pageThrough(query);

    expect(pages.slice(0, -1).every((page) => page.length === 7)).toBe(true);
    expect(pages.at(-1)?.length).toBeGreaterThan(0);
  });

  it.each(listings)('reads %s with one Query a page and never a Scan', async (_name, query) => {
    const { pages } = await pageThrough(query);

    expect(commands.filter((command) => command !== 'QueryCommand')).toEqual([]);
    expect(commands).toHaveLength(pages.length);
  });

  it('pages through all 250 products when listing everything', async () => {
    const { items } = await pageThrough({}, 100);

    expect(new Set(items.map((product) => product.productId)).size).toBe(250);
  });

  it('answers 20 products when no limit is given', async () => {
    const response = await list({});

    expect((response.body as ProductPage).items).toHaveLength(20);
  });

  it('lets the page size change between pages', async () => {
    const first = (await list({ category: 'books', limit: '3' })).body as ProductPage;
    const second = (await list({ category: 'books', limit: '5', cursor: first.nextCursor ?? '' })).body as ProductPage;

    const expected = catalogue.filter((p) => p.category === 'books').sort(byPriceThenId).slice(0, 8);
    expect([...first.items, ...second.items].map((p) => p.productId)).toEqual(expected.map((p) => p.productId));
  });

  it('issues no cursor when a page ends exactly at the last product', async () => {
    const audio = catalogue.filter((p) => p.category === 'audio').length;

    const response = await list({ category: 'audio', limit: String(audio) });

    expect(response.body).toMatchObject({ items: expect.any(Array), nextCursor: null });
    expect((response.body as ProductPage).items).toHaveLength(audio);
  });

  it('answers an empty last page with no cursor for a category without products', async () => {
    const response = await list({ category: 'garden' });

    expect(response.body).toEqual({ items: [], nextCursor: null });
  });
});

describe('GET /products cursors', () => {
  const invalidCursor = { status: 400, type: expect.stringContaining('invalid-cursor') };
  const forged = (key: Record<string, unknown>, scope: string) => Buffer.from(JSON.stringify({ k: key, s: scope })).toString('base64url');
  const someId = () => catalogue[0]?.productId ?? '';

  it('refuses a cursor that is not one with 400 invalid-cursor', async () => {
    const response = await list({ cursor: 'not-a-cursor' });

    expect(response.status).toBe(400);
    expect(response.body).toMatchObject(invalidCursor);
  });

  it('refuses a cursor issued for another category', async () => {
    const kitchen = (await list({ category: 'kitchen', limit: '2' })).body as ProductPage;

    const response = await list({ category: 'audio', cursor: kitchen.nextCursor ?? '' });

    expect(response.body).toMatchObject(invalidCursor);
  });

  it('refuses a cursor issued for another price range', async () => {
    const cheap = (await list({ maxPrice: '1000', limit: '2' })).body as ProductPage;

    const response = await list({ maxPrice: '2000', cursor: cheap.nextCursor ?? '' });

    expect(response.body).toMatchObject(invalidCursor);
  });

  it('refuses a cursor of the unfiltered listing used with a price filter', async () => {
    const newest = (await list({ limit: '2' })).body as ProductPage;

    const response = await list({ minPrice: '0', cursor: newest.nextCursor ?? '' });

    expect(response.body).toMatchObject(invalidCursor);
  });

  it('refuses a forged cursor whose key points into another category', async () => {
    const id = someId();
    const key = { PK: `PRODUCT#${id}`, SK: 'PRODUCT', GSI1PK: 'CATEGORY#audio', GSI1SK: `${priceKey(0)}#${id}` };

    const response = await list({ category: 'kitchen', cursor: forged(key, 'products:category:kitchen::') });

    expect(response.body).toMatchObject(invalidCursor);
  });

  it('refuses a forged cursor whose key lies outside the price range', async () => {
    const id = someId();
    const key = { PK: `PRODUCT#${id}`, SK: 'PRODUCT', GSI3PK: 'PRODUCT', GSI3SK: `${priceKey(0)}#${id}` };

    const response = await list({ minPrice: '1000', cursor: forged(key, 'products:price::1000:') });

    expect(response.body).toMatchObject(invalidCursor);
  });

  it.each([
    ['a number where a key string belongs', { PK: 1, SK: 'PRODUCT', GSI2PK: 'PRODUCT', GSI2SK: '2026-01-01T00:00:00.000Z#x' }],
    ['a sort key of another product', { PK: 'PRODUCT#prd_01JD8Z4M6Q5J3K2N1P0R9S8T7V', SK: 'PRODUCT', GSI2PK: 'PRODUCT', GSI2SK: '2026-01-01T00:00:00.000Z#prd_01JD8Z4M6Q5J3K2N1P0R9S8T7W' }],
    ['a sort key that is not a creation time', { PK: 'PRODUCT#prd_01JD8Z4M6Q5J3K2N1P0R9S8T7V', SK: 'PRODUCT', GSI2PK: 'PRODUCT', GSI2SK: 'yesterday#prd_01JD8Z4M6Q5J3K2N1P0R9S8T7V' }],
    ['a key of the wrong item kind', { PK: 'OUTBOX#evt_1', SK: 'OUTBOX', GSI2PK: 'PRODUCT', GSI2SK: '2026-01-01T00:00:00.000Z#x' }],
    ['missing key attributes', { PK: 'PRODUCT#prd_01JD8Z4M6Q5J3K2N1P0R9S8T7V', SK: 'PRODUCT' }],
  ])('refuses a forged cursor with %s', async (_case, key) => {
    const response = await list({ cursor: forged(key, 'products:newest:::') });

    expect(response.body).toMatchObject(invalidCursor);
  });

  it('accepts a well-formed cursor built like the ones it issues (so the checks above test the key, not the encoding)', async () => {
    const product = catalogue[0];
    if (!product) throw new Error('no catalogue');
    const key = { PK: `PRODUCT#${product.productId}`, SK: 'PRODUCT', GSI2PK: 'PRODUCT', GSI2SK: `${product.createdAt}#${product.productId}` };

    const response = await list({ limit: '1', cursor: encodeCursor(key, 'products:newest:::') });

    expect(response.status).toBe(200);
  });

  it('answers 422 for a cursor longer than 2048 characters', async () => {
    const response = await list({ cursor: 'a'.repeat(2049) });

    expect(response.status).toBe(422);
  });
});

describe('GET /products query validation', () => {
  const paths = (body: unknown) => (body as { errors: { path: string }[] }).errors.map((error) => error.path);

  it.each([
    ['a limit of 0', { limit: '0' }, 'query.limit'],
    ['a limit over 100', { limit: '101' }, 'query.limit'],
    ['a limit that is not a number', { limit: 'ten' }, 'query.limit'],
    ['a decimal minimum price', { minPrice: '9.99' }, 'query.minPrice'],
    ['a negative maximum price', { maxPrice: '-1' }, 'query.maxPrice'],
    ['a category that is not a slug', { category: 'Home & Garden' }, 'query.category'],
    ['a minimum price above the maximum', { minPrice: '2000', maxPrice: '1000' }, 'query.minPrice'],
    ['a hexadecimal limit', { limit: '0x10' }, 'query.limit'],
    ['a limit in exponent notation', { limit: '1e1' }, 'query.limit'],
    ['an empty minimum price', { minPrice: '' }, 'query.minPrice'],
    ['a maximum price with a plus sign', { maxPrice: '+100' }, 'query.maxPrice'],
  ])('answers 422 for %s', async (_case, query, path) => {
    const response = await list(query);

    expect(response.status).toBe(422);
    expect(paths(response.body)).toContain(path);
  });

  it('accepts equal minimum and maximum prices and lists exactly that price', async () => {
    const { items } = await pageThrough({ minPrice: '1250', maxPrice: '1250' });

    expect(items.length).toBeGreaterThan(0);
    expect(items.every((product) => product.price.amount === 1250)).toBe(true);
  });
});
