import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { Currency } from '@shoplane/contracts';
import { shopDefaultCurrency, type CartHeaderState, type ExistingLineState, type StoredCartLine } from '../domain/cart.js';

/**
 * How carts lay out their table (keys stay inside DynamoDB), one partition per cart:
 * - `PK=CART#<userId>, SK=HEADER`  how many lines the cart has (`lineCount`) and its currency
 * - `PK=CART#<userId>, SK=ITEM#<productId>`  one line: quantity, currency, when added and changed
 *
 * A line stores its quantity as `qty`, the name it had before the API said `quantity`
 * everywhere: renaming the attribute would need a migration of every stored cart, and the
 * name never leaves this adapter (the update expressions in cart-repository.ts and
 * ordered-lines.ts use it too).
 */
export type Item = Record<string, unknown>;

export const linePrefix = 'ITEM#';
export const partitionOf = (userId: string) => `CART#${userId}`;
export const lineKey = (userId: string, productId: string) => ({ PK: partitionOf(userId), SK: `${linePrefix}${productId}` });
export const headerKey = (userId: string) => ({ PK: partitionOf(userId), SK: 'HEADER' });

/** The item DynamoDB returned with a failed condition (ReturnValuesOnConditionCheckFailure), still in wire format. */
export function returnedItem(source: unknown): Item | undefined {
  const raw = source && typeof source === 'object' && 'Item' in source ? source.Item : undefined;
  return raw && typeof raw === 'object' ? unmarshall(raw as Record<string, AttributeValue>) : undefined;
}

function currencyOf(value: unknown): Currency | undefined {
  const parsed = Currency.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

export function lineItem(userId: string, line: StoredCartLine): Item {
  const { quantity, ...rest } = line;
  return { ...lineKey(userId, line.productId), ...rest, qty: quantity };
}

export function toLine(item: Item): StoredCartLine {
  return {
    productId: String(item['productId']),
    quantity: Number(item['qty']),
    currency: currencyOf(item['currency']) ?? shopDefaultCurrency,
    addedAt: String(item['addedAt']),
    updatedAt: String(item['updatedAt']),
  };
}

export function toExistingLine(item: Item): ExistingLineState | undefined {
  const currency = currencyOf(item['currency']);
  return typeof item['qty'] === 'number' && currency ? { quantity: item['qty'], currency } : undefined;
}

export function toHeader(item: Item | undefined): CartHeaderState | undefined {
  if (!item) return undefined;
  return { lineCount: Number(item['lineCount'] ?? 0), currency: currencyOf(item['currency']) };
}
