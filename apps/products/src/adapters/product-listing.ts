import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { decodeCursor, encodeCursor, type DocumentClient, type StoreKey } from '@shoplane/lambda-kit';
import { InvalidCursorError } from '../domain/errors.js';
import type { ListingOrder, ListingPlan } from '../domain/listing.js';
import type { ProductPage } from '../domain/ports.js';
import { productFromItem } from './product-items.js';
import { allActivePartition, categoryPartition, pricedSortPrefix, priceSortRange, productIndexes, type ProductIndex } from './table-layout.js';

interface IndexQuery {
  index: ProductIndex;
  partition: string;
  /** Inclusive sort-key bounds; absent for the newest-first listing, which reads the whole partition. */
  range?: { lower: string; upper: string };
  newestFirst: boolean;
}

function indexQueryFor(order: ListingOrder): IndexQuery {
  switch (order.kind) {
    case 'newest':
      return { index: productIndexes.activeByCreation, partition: allActivePartition, newestFirst: true };
    case 'category':
      return {
        index: productIndexes.byCategoryPrice,
        partition: categoryPartition(order.category),
        range: priceSortRange(order.price.min, order.price.max),
        newestFirst: false,
      };
    case 'price':
      return { index: productIndexes.activeByPrice, partition: allActivePartition, range: priceSortRange(order.price.min, order.price.max), newestFirst: false };
  }
}

const keyAttributesOf = (query: IndexQuery) => ['PK', 'SK', query.index.partitionKey.name, query.index.sortKey.name];

const productKeyPattern = /^PRODUCT#(prd_[0-9A-HJKMNP-TV-Z]{26})$/;
const sortPrefixPattern = { price: pricedSortPrefix, creation: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/ };

/**
 * A decoded cursor is still client input: DynamoDB refuses (with a 500-shaped
 * error) a start key outside the query's partition or range, so the key must be
 * one this very query could have produced.
 */
function checkedStartKey(key: StoreKey, query: IndexQuery): StoreKey {
  const sortKey = key[query.index.sortKey.name];
  const productId = productKeyPattern.exec(String(key['PK']))?.[1];
  if (!productId || key['SK'] !== 'PRODUCT' || key[query.index.partitionKey.name] !== query.partition) throw new InvalidCursorError();
  if (typeof sortKey !== 'string' || !sortKey.endsWith(`#${productId}`)) throw new InvalidCursorError();
  const sortPrefix = sortKey.slice(0, -(productId.length + 1));
  if (!query.range) {
    if (!sortPrefixPattern.creation.test(sortPrefix)) throw new InvalidCursorError();
  } else if (!sortPrefixPattern.price.test(sortPrefix) || sortKey < query.range.lower || sortKey > query.range.upper) {
    throw new InvalidCursorError();
  }
  return key;
}

/** lambda-kit's decodeCursor refuses garbage and other scopes with the same 400 `invalid-cursor`. */
function startKeyOf(cursor: string, plan: ListingPlan, query: IndexQuery): StoreKey {
  return checkedStartKey(decodeCursor(cursor, plan.scope, keyAttributesOf(query)), query);
}

/**
 * One page of a listing, read with Query on the listing's index — never a Scan.
 * It asks for one item more than the page, so a cursor is only issued when
 * another item really follows: the last page is never empty.
 */
export async function listProducts(client: DocumentClient, tableName: string, plan: ListingPlan, cursor: string | undefined): Promise<ProductPage> {
  const query = indexQueryFor(plan.order);
  const { partitionKey, sortKey } = query.index;
  const items: Record<string, unknown>[] = [];
  let startKey: StoreKey | undefined = cursor === undefined ? undefined : startKeyOf(cursor, plan, query);
  do {
    const page = await client.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: query.index.name,
        KeyConditionExpression: query.range ? '#pk = :pk AND #sk BETWEEN :lower AND :upper' : '#pk = :pk',
        ExpressionAttributeNames: query.range ? { '#pk': partitionKey.name, '#sk': sortKey.name } : { '#pk': partitionKey.name },
        ExpressionAttributeValues: { ':pk': query.partition, ...(query.range ? { ':lower': query.range.lower, ':upper': query.range.upper } : {}) },
        ScanIndexForward: !query.newestFirst,
        Limit: plan.limit + 1 - items.length,
        ExclusiveStartKey: startKey,
      }),
    );
    items.push(...(page.Items ?? []));
    // A page can stop short of the limit (1 MB per read), so keep reading until it is full or the index ends.
    startKey = page.LastEvaluatedKey as StoreKey | undefined;
  } while (items.length <= plan.limit && startKey);

  const pageItems = items.slice(0, plan.limit);
  const last = pageItems.at(-1);
  const nextCursor =
    items.length > plan.limit && last
      ? encodeCursor(Object.fromEntries(keyAttributesOf(query).map((name) => [name, String(last[name])])), plan.scope)
      : null;
  return { items: pageItems.map(productFromItem), nextCursor };
}
