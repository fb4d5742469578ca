import { getProductsByIds, newId, type InternalInput, type InternalOutput, type Product } from '@shoplane/contracts';

/** An active product in stock with a fresh id: a 12.99 USD enamel mug unless overridden. */
export function testProduct(overrides: Partial<Product> = {}): Product {
  return {
    productId: newId('prd'),
    name: 'Enamel mug',
    description: 'Holds coffee.',
    category: 'kitchen',
    price: { amount: 1299, currency: 'USD' },
    status: 'active',
    availableStock: 500,
    inStock: true,
    createdAt: '2026-11-25T10:00:00.000Z',
    updatedAt: '2026-11-25T10:00:00.000Z',
    ...overrides,
  };
}

/** Shaped like lambda-kit's `InternalClient<typeof getProductsByIds>`, which this library may not import. */
export interface FakeProductsOperation {
  call(input: InternalInput<typeof getProductsByIds>): Promise<InternalOutput<typeof getProductsByIds>>;
  /** The ids of every call, in order: one entry per call products would have served. */
  calls: string[][];
  /** What the fake answers from; delete a product to make it unknown. */
  catalogue: Map<string, Product>;
  add(...products: Product[]): void;
}

/**
 * Stands in for products' getProductsByIds (another service, tested there to be one
 * BatchGet) in the services that price products: an in-memory catalogue that checks
 * input and output against the contract and counts its calls.
 */
export function fakeProductsOperation(): FakeProductsOperation {
  const fake: FakeProductsOperation = {
    calls: [],
    catalogue: new Map(),
    add(...products) {
      for (const product of products) fake.catalogue.set(product.productId, product);
    },
    async call(input) {
      const { productIds } = getProductsByIds.input.parse(input);
      fake.calls.push(productIds);
      const found = productIds.flatMap((id) => fake.catalogue.get(id) ?? []);
      return getProductsByIds.output.parse({ products: found, missing: productIds.filter((id) => !fake.catalogue.has(id)) });
    },
  };
  return fake;
}
