import type { OrderPage } from '@shoplane/contracts';
import { encodeCursor, type DocumentClient } from '@shoplane/lambda-kit';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { card, orderApi, orderIdOf, ordersTestbed, shopper, type OrderClient, type OrdersTestbed } from '../test-support.js';

let bed: OrdersTestbed;
let api: ReturnType<typeof orderApi>;
const commands: string[] = [];
let client: OrderClient;
let placed: string[];

const recording = (inner: DocumentClient): DocumentClient => ({
  send: ((command: Parameters<DocumentClient['send']>[0]) => {
    commands.push(command.constructor.name);
    return inner.send(command);
  }) as DocumentClient['send'],
});

beforeAll(async () => {
  bed = await ordersTestbed(recording);
  api = orderApi(bed);
  const customer = await shopper(bed, api);
  client = customer.client;
  placed = [];
  for (let index = 0; index < 12; index++) {
    placed.push(orderIdOf(await client.create({ items: [{ productId: customer.product.productId, quantity: 1 + (index % 3) }], payment: card })));
  }
});

beforeEach(() => {
  commands.length = 0;
});

const pageOf = (body: unknown) => body as OrderPage;

describe('GET /orders', () => {
  it('lists the caller\'s orders newest first, as summaries', async () => {
    const response = await client.list();

    expect(response.status).toBe(200);
    const page = pageOf(response.body);
    expect(page.items.map((order) => order.orderId)).toEqual([...placed].reverse());
    expect(page.items[0]).toEqual({
      orderId: placed.at(-1),
      status: 'CREATED',
      total: { amount: 1299 * 3, currency: 'USD' },
      itemCount: 3,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(page.nextCursor).toBeNull();
  });

  it('pages through every order exactly once with limit and the cursor, issuing no cursor after the last page', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const response = await client.list({ limit: '5', ...(cursor ? { cursor } : {}) });
      const page = pageOf(response.body);
      seen.push(...page.items.map((order) => order.orderId));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);

    expect(seen).toEqual([...placed].reverse());
    expect(pages).toBe(3);
  });

  it('reads with Query on the customer\'s index partition, never a Scan', async () => {
    await client.list({ limit: '5' });

    expect(commands).toEqual(['QueryCommand']);
  });

  it('answers an empty page to a customer with no orders', async () => {
    const { client: newcomer } = await shopper(bed, api);

    const response = await newcomer.list();

    expect(response.body).toEqual({ items: [], nextCursor: null });
  });

  it.each([
    ['garbage', 'not-a-cursor'],
    ['a cursor for another listing', encodeCursor({ PK: 'x', SK: 'y', GSI1PK: 'z', GSI1SK: 'w' }, 'products')],
  ])('answers 400 invalid-cursor for %s', async (_case, cursor) => {
    const response = await client.list({ cursor });

    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ type: expect.stringContaining('invalid-cursor') });
  });

  it('refuses another customer\'s cursor with 400 rather than showing their orders', async () => {
    const firstPage = pageOf((await client.list({ limit: '2' })).body);
    const { client: other } = await shopper(bed, api);

    const response = await other.list({ cursor: String(firstPage.nextCursor) });

    expect(response.status).toBe(400);
  });

  it.each([['0'], ['101'], ['two']])('answers 422 for limit=%s', async (limit) => {
    const response = await client.list({ limit });

    expect(response.status).toBe(422);
  });
});
