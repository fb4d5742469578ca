import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { ProductAlreadyExistsError, ProductChangedConcurrentlyError } from '../domain/errors.js';
import { applyPatch, archived, newProduct } from '../domain/product.js';
import { productsTestbed, validProduct, type ProductsTestbed } from '../test-support.js';
import { indexAttributes, productKey } from './table-layout.js';

let bed: ProductsTestbed;
let sequence = 0;

beforeAll(async () => {
  bed = await productsTestbed();
});

const at = new Date('2026-11-25T10:00:00.000Z');
const freshProduct = () => newProduct(`prd_01JD8Z4M6Q5J3K2N1P0R9S8T${String(sequence++).padStart(2, '0')}`, validProduct(), at);
const rawItem = async (productId: string) =>
  (await bed.table.documents.send(new GetCommand({ TableName: bed.table.name, Key: productKey(productId) }))).Item ?? {};

describe('DynamoDB product repository', () => {
  it('stores an active product with every listing index attribute', async () => {
    const product = freshProduct();

    await bed.products.create(product, []);

    expect(Object.keys(await rawItem(product.productId))).toEqual(expect.arrayContaining([...indexAttributes]));
  });

  it('removes every listing index attribute when it archives', async () => {
    const product = freshProduct();
    await bed.products.create(product, []);

    await bed.products.archive(archived(product, at), []);

    const item = await rawItem(product.productId);
    expect(item['status']).toBe('archived');
    expect(Object.keys(item).filter((attribute) => indexAttributes.includes(attribute))).toEqual([]);
  });

  it('refuses a second product with the same id', async () => {
    const product = freshProduct();
    await bed.products.create(product, []);

    await expect(bed.products.create(product, [])).rejects.toBeInstanceOf(ProductAlreadyExistsError);
  });

  it('refuses an edit made from a stale read, writing nothing', async () => {
    const product = freshProduct();
    await bed.products.create(product, []);
    const first = applyPatch(product, { name: 'First' }, at);
    await bed.products.edit({ previous: product, ...first }, []);

    const stale = applyPatch(product, { name: 'Second' }, at);

    await expect(bed.products.edit({ previous: product, ...stale }, [])).rejects.toBeInstanceOf(ProductChangedConcurrentlyError);
    expect((await bed.products.findById(product.productId))?.name).toBe('First');
  });

  it('records stock only for a version newer than the stored one', async () => {
    const product = freshProduct();
    await bed.products.create(product, []);

    const applied = await bed.products.recordStock(product.productId, { availableStock: 2, inStock: true, version: 3 });
    const sameVersion = await bed.products.recordStock(product.productId, { availableStock: 9, inStock: true, version: 3 });

    expect([applied, sameVersion]).toEqual([true, false]);
    expect(await bed.products.findById(product.productId)).toMatchObject({ availableStock: 2, stockVersion: 3 });
  });
});
