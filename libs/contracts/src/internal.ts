import * as z from 'zod/mini';
import { Product, ProductId } from './catalogue.js';
import { cartLimits } from './carts.js';
import { UserId } from './common.js';
import { Currency } from './money.js';
import { Problem } from './problem.js';

/**
 * A synchronous call from one service to another's internal operation (a Lambda
 * invoke in AWS, an in-process call locally). Never exposed on the HTTP API.
 */
export interface InternalOperation<I extends z.ZodMiniType = z.ZodMiniType, O extends z.ZodMiniType = z.ZodMiniType> {
  /** Owning service. */
  service: string;
  name: string;
  input: I;
  output: O;
}

export function defineInternalOperation<I extends z.ZodMiniType, O extends z.ZodMiniType>(operation: InternalOperation<I, O>) {
  return operation;
}

/** `<service>.<name>`, as manifests list the operations they invoke. */
export function internalOperationKey(operation: Pick<InternalOperation, 'service' | 'name'>): string {
  return `${operation.service}.${operation.name}`;
}

/** What travels back from an internal operation: a result, or the problem it refused with. */
export type InternalResult<T> = { ok: true; result: T } | { ok: false; problem: Problem };

export const getProductsByIds = defineInternalOperation({
  service: 'products',
  name: 'getProductsByIds',
  input: z.object({ productIds: z.array(ProductId).check(z.minLength(1), z.maxLength(100)) }),
  output: z.object({
    /** Found products, archived ones included (with their status). */
    products: z.array(Product),
    missing: z.array(z.string()),
  }),
});

const ReservationId = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/));
const ReservationLine = z.object({ productId: ProductId, quantity: z.int().check(z.minimum(1), z.maximum(cartLimits.maxQuantity)) });

export const reserveStock = defineInternalOperation({
  service: 'inventory',
  name: 'reserveStock',
  input: z.object({
    reservationId: ReservationId,
    items: z
      .array(ReservationLine)
      .check(
        z.minLength(1),
        z.maxLength(cartLimits.maxLines),
        z.refine((items) => new Set(items.map((item) => item.productId)).size === items.length, { error: 'must not repeat a product' }),
      ),
  }),
  output: z.object({ reservationId: z.string(), status: z.literal('reserved'), items: z.array(ReservationLine) }),
});

/**
 * A customer's cart as orders needs it to place an order from it: what and how many,
 * never a price (orders prices from products). An empty cart has no lines and no currency.
 */
export const getCartLines = defineInternalOperation({
  service: 'carts',
  name: 'getCartLines',
  input: z.object({ userId: UserId }),
  output: z.object({ lines: z.array(ReservationLine).check(z.maxLength(cartLimits.maxLines)), currency: z.optional(Currency) }),
});

export const commitReservation = defineInternalOperation({
  service: 'inventory',
  name: 'commitReservation',
  input: z.object({ reservationId: ReservationId }),
  output: z.object({ reservationId: z.string(), status: z.literal('committed') }),
});

export const releaseReservation = defineInternalOperation({
  service: 'inventory',
  name: 'releaseReservation',
  input: z.object({ reservationId: ReservationId }),
  output: z.object({ reservationId: z.string(), status: z.literal('released') }),
});

export type InternalInput<Op extends InternalOperation> = z.output<Op['input']>;
export type InternalOutput<Op extends InternalOperation> = z.output<Op['output']>;
