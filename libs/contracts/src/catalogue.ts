import * as z from 'zod/mini';
import { queryInteger } from './query.js';
import { prefixedId, Timestamp } from './common.js';
import { defineOperation } from './http.js';
import { maxMinorUnits, Money } from './money.js';

export const ProductId = prefixedId('prd', 'Product id.');

export const Category = z
  .string()
  .check(
    z.trim(),
    z.toLowerCase(),
    z.minLength(1),
    z.maxLength(50),
    z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'must be a slug: lower-case letters, digits and single dashes' }),
  )
  .register(z.globalRegistry, { description: 'Category slug, e.g. `kitchen` or `outdoor-gear`.', examples: ['kitchen'] });

const ProductName = z.string().check(z.trim(), z.minLength(1), z.maxLength(200)).register(z.globalRegistry, { examples: ['Espresso cup'] });
const Description = z.string().check(z.trim(), z.maxLength(5000)).register(z.globalRegistry, { examples: ['A 90 ml porcelain cup.'] });
const ImageUrl = z
  .string()
  .check(z.maxLength(2048), z.url({ protocol: /^https$/, error: 'must be an https URL' }))
  .register(z.globalRegistry, { description: 'https URL of the product image.', examples: ['https://images.example.com/espresso-cup.jpg'] });
// A factory, not a shared instance: registering metadata on a shared schema would describe every use alike.
const stockQuantity = () => z.int().check(z.minimum(0), z.maximum(1_000_000));
export const StockQuantity = stockQuantity();

export const CreateProductRequest = z
  .strictObject({
    name: ProductName,
    description: Description,
    category: Category,
    price: Money,
    stock: stockQuantity().register(z.globalRegistry, { description: 'Initial stock; inventory creates its record from it.' }),
    imageUrl: z.optional(ImageUrl),
  })
  .register(z.globalRegistry, { id: 'CreateProductRequest' });

export const UpdateProductRequest = z
  .strictObject({
    name: z.optional(ProductName),
    description: z.optional(Description),
    category: z.optional(Category),
    price: z.optional(Money),
    imageUrl: z.optional(z.nullable(ImageUrl)),
  })
  .check(z.refine((patch) => Object.values(patch).some((value) => value !== undefined), { error: 'must change at least one field' }))
  .register(z.globalRegistry, { id: 'UpdateProductRequest', description: 'Fields to change; `imageUrl: null` removes the image.' });

export const ProductStatus = z.enum(['active', 'archived']).register(z.globalRegistry, { id: 'ProductStatus' });

export const Product = z
  .object({
    productId: ProductId,
    name: z.string().register(z.globalRegistry, { examples: ['Espresso cup'] }),
    description: z.string().register(z.globalRegistry, { examples: ['A 90 ml porcelain cup.'] }),
    category: z.string().register(z.globalRegistry, { examples: ['kitchen'] }),
    price: Money,
    imageUrl: z.optional(z.string().register(z.globalRegistry, { examples: ['https://images.example.com/espresso-cup.jpg'] })),
    status: ProductStatus,
    availableStock: z.int().check(z.minimum(0)).register(z.globalRegistry, {
      description: 'Units that can be ordered now, as last reported by inventory (eventually consistent).',
    }),
    inStock: z.boolean(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .register(z.globalRegistry, { id: 'Product' });

export const ProductPage = z
  .object({
    items: z.array(Product),
    nextCursor: z.nullable(z.string()).register(z.globalRegistry, { description: 'Pass as `cursor` for the next page; null on the last page.' }),
  })
  .register(z.globalRegistry, { id: 'ProductPage' });

const priceBound = (description: string) => queryInteger({ min: 0, max: maxMinorUnits, description });

export const ListProductsQuery = z.object({
  category: z.optional(Category),
  minPrice: z.optional(priceBound('Lowest price, in minor units, inclusive.')),
  maxPrice: z.optional(priceBound('Highest price, in minor units, inclusive.')),
  limit: z.optional(queryInteger({ min: 1, max: 100 })),
  cursor: z.optional(z.string().check(z.maxLength(2048))),
});

export const ProductPath = z.object({ productId: ProductId });

export const CreateProductResponse = z
  .object({ message: z.string(), productId: ProductId })
  .register(z.globalRegistry, { id: 'CreateProductResponse' });

export type CreateProductRequest = z.infer<typeof CreateProductRequest>;
export type UpdateProductRequest = z.infer<typeof UpdateProductRequest>;
export type Product = z.infer<typeof Product>;
export type ProductPage = z.infer<typeof ProductPage>;
export type ListProductsQuery = z.output<typeof ListProductsQuery>;

export const createProduct = defineOperation({
  operationId: 'createProduct',
  method: 'post',
  path: '/products',
  auth: 'admin',
  tags: ['products'],
  summary: 'Create a product',
  description: 'Admins only. Prices are integers in minor units. Emits `ProductCreated` with the initial stock.',
  request: { body: CreateProductRequest, idempotencyKey: true },
  responses: { 201: { description: 'The product was created.', schema: CreateProductResponse } },
  problems: [409, 422],
});

export const listProducts = defineOperation({
  operationId: 'listProducts',
  method: 'get',
  path: '/products',
  auth: 'public',
  tags: ['products'],
  summary: 'List active products',
  description:
    'Newest first, or by price ascending when filtering by category or price. Page with `limit` and the opaque `nextCursor`; a cursor that was not issued for the same filters is a 400.',
  request: { query: ListProductsQuery },
  responses: { 200: { description: 'One page of products.', schema: ProductPage } },
  problems: [400, 422],
});

export const getProduct = defineOperation({
  operationId: 'getProduct',
  method: 'get',
  path: '/products/{productId}',
  auth: 'public',
  tags: ['products'],
  summary: 'One product',
  request: { params: ProductPath },
  responses: { 200: { description: 'The product.', schema: Product } },
  problems: [404],
});

export const updateProduct = defineOperation({
  operationId: 'updateProduct',
  method: 'patch',
  path: '/products/{productId}',
  auth: 'admin',
  tags: ['products'],
  summary: 'Change a product',
  description: 'Admins only. Emits `ProductUpdated`. Orders keep the price they were placed at.',
  request: { params: ProductPath, body: UpdateProductRequest },
  responses: { 200: { description: 'The product as changed.', schema: Product } },
  problems: [404, 422],
});

export const archiveProduct = defineOperation({
  operationId: 'archiveProduct',
  method: 'delete',
  path: '/products/{productId}',
  auth: 'admin',
  tags: ['products'],
  summary: 'Archive a product',
  description: 'Admins only. The product leaves listings and carts show it as unavailable; orders keep their snapshot. Emits `ProductArchived`.',
  request: { params: ProductPath },
  responses: { 204: { description: 'Archived (also when it already was).' } },
  problems: [404],
});

export const productOperations = [createProduct, listProducts, getProduct, updateProduct, archiveProduct];
