import { beforeAll, describe, expect, it } from 'vitest';
import { browseProducts } from './domain/catalogue.js';
import { seed, seedCatalogue } from './seed.js';
import { productsTestbed, type ProductsTestbed } from './test-support.js';

let bed: ProductsTestbed;

beforeAll(async () => {
  bed = await productsTestbed();
});

describe('local catalogue seed', () => {
  it('offers about a dozen USD products in at least four categories, one of them out of stock', () => {
    expect(seedCatalogue.length).toBeGreaterThanOrEqual(12);
    expect(new Set(seedCatalogue.map((product) => product.category)).size).toBeGreaterThanOrEqual(4);
    expect(seedCatalogue.every((product) => product.price.currency === 'USD')).toBe(true);
    expect(seedCatalogue.filter((product) => product.stock === 0)).toHaveLength(1);
  });

  it('creates the catalogue once, with a ProductCreated for each product, however often it runs', async () => {
    await seed(bed.deps());

    const lines = await seed(bed.deps());

    const listed = await browseProducts(bed.deps(), { limit: 100 });
    const created = (await bed.outboxEvents()).filter((event) => event.eventType === 'ProductCreated');
    expect(listed.items).toHaveLength(seedCatalogue.length);
    expect(created).toHaveLength(seedCatalogue.length);
    expect(lines.join('\n')).toContain('0 created now');
  });
});
