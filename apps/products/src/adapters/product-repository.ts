import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { DomainEvent } from '@shoplane/contracts';
import {
  batchGetAll,
  isConditionalCheckFailure,
  outboxPut,
  transactWrite,
  type BatchGetOptions,
  type CancellationReason,
  type DocumentClient,
  type TransactItem,
} from '@shoplane/lambda-kit';
import { ProductAlreadyExistsError, ProductChangedConcurrentlyError } from '../domain/errors.js';
import type { ProductEdit, ProductRepository } from '../domain/ports.js';
import { itemFromProduct, productFromItem } from './product-items.js';
import { listProducts } from './product-listing.js';
import { indexAttributes, listingKeys, productKey } from './table-layout.js';

const firstItemRefused = (reasons: CancellationReason[]) => reasons[0]?.Code === 'ConditionalCheckFailed';

/** The edit as one UpdateItem: only the changed fields and the index attributes derived from them, so stock figures written meanwhile survive. */
function editUpdate(tableName: string, { previous, next, changed }: ProductEdit): TransactItem {
  const listing = listingKeys(next);
  const set: Record<string, unknown> = { updatedAt: next.updatedAt, revision: next.revision };
  const remove: string[] = [];
  for (const field of changed) {
    if (field === 'imageUrl') {
      if (next.imageUrl === undefined) remove.push('imageUrl');
      else set['imageUrl'] = next.imageUrl;
    } else {
      set[field] = next[field];
    }
    if (field === 'category') set['GSI1PK'] = listing['GSI1PK'];
    if (field === 'price') Object.assign(set, { GSI1SK: listing['GSI1SK'], GSI3SK: listing['GSI3SK'] });
  }
  const names: Record<string, string> = { '#status': 'status', '#revision': 'revision' };
  const values: Record<string, unknown> = { ':active': 'active', ':expectedRevision': previous.revision };
  const assignments = Object.entries(set).map(([attribute, value], index) => {
    names[`#s${index}`] = attribute;
    values[`:s${index}`] = value;
    return `#s${index} = :s${index}`;
  });
  const removals = remove.map((attribute, index) => {
    names[`#r${index}`] = attribute;
    return `#r${index}`;
  });
  return {
    Update: {
      TableName: tableName,
      Key: productKey(next.productId),
      UpdateExpression: `SET ${assignments.join(', ')}${removals.length > 0 ? ` REMOVE ${removals.join(', ')}` : ''}`,
      ConditionExpression: '#status = :active AND #revision = :expectedRevision',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}

/** Marks a cancelled archive that found the product already archived. */
class AlreadyArchived extends Error {}

export interface ProductRepositorySettings {
  /** How hard to ask again for keys BatchGetItem leaves unprocessed. */
  batchGet?: Pick<BatchGetOptions, 'attempts' | 'pause'>;
}

export function dynamoProductRepository(client: DocumentClient, tableName: string, settings: ProductRepositorySettings = {}): ProductRepository {
  const outbox = (events: DomainEvent[]) => events.map((event) => outboxPut(tableName, event));
  const write = (items: TransactItem[], refusal: (reasons: CancellationReason[]) => Error | undefined) =>
    transactWrite(client, items, { subject: 'product', refusal });

  return {
    async create(product, events) {
      const put: TransactItem = { Put: { TableName: tableName, Item: itemFromProduct(product), ConditionExpression: 'attribute_not_exists(PK)' } };
      await write([put, ...outbox(events)], (reasons) => (firstItemRefused(reasons) ? new ProductAlreadyExistsError() : undefined));
    },

    async findById(productId, options = {}) {
      const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: productKey(productId), ConsistentRead: options.consistent }));
      return Item ? productFromItem(Item) : undefined;
    },

    async findMany(productIds) {
      // Strongly consistent: orders are priced from this.
      const items = await batchGetAll(client, tableName, productIds.map(productKey), { ...settings.batchGet, consistentRead: true, subject: 'catalogue' });
      return items.map(productFromItem);
    },

    list: (plan, cursor) => listProducts(client, tableName, plan, cursor),

    async edit(edit, events) {
      await write([editUpdate(tableName, edit), ...outbox(events)], (reasons) =>
        firstItemRefused(reasons) ? new ProductChangedConcurrentlyError() : undefined,
      );
    },

    async archive(product, events) {
      const names = Object.fromEntries(indexAttributes.map((attribute, index) => [`#i${index}`, attribute]));
      const update: TransactItem = {
        Update: {
          TableName: tableName,
          Key: productKey(product.productId),
          // Without its index attributes the product is in no listing.
          UpdateExpression: `SET #status = :archived, updatedAt = :updatedAt, #revision = #revision + :one REMOVE ${Object.keys(names).join(', ')}`,
          ConditionExpression: '#status = :active',
          ExpressionAttributeNames: { ...names, '#status': 'status', '#revision': 'revision' },
          ExpressionAttributeValues: { ':archived': 'archived', ':active': 'active', ':updatedAt': product.updatedAt, ':one': 1 },
        },
      };
      try {
        await write([update, ...outbox(events)], (reasons) => (firstItemRefused(reasons) ? new AlreadyArchived() : undefined));
        return true;
      } catch (error) {
        if (error instanceof AlreadyArchived) return false;
        throw error;
      }
    },

    async recordStock(productId, stock) {
      try {
        await client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: productKey(productId),
            UpdateExpression: 'SET availableStock = :available, inStock = :inStock, stockVersion = :version',
            ConditionExpression: 'attribute_exists(PK) AND (attribute_not_exists(stockVersion) OR stockVersion < :version)',
            ExpressionAttributeValues: { ':available': stock.availableStock, ':inStock': stock.inStock, ':version': stock.version },
          }),
        );
        return true;
      } catch (error) {
        if (isConditionalCheckFailure(error)) return false;
        throw error;
      }
    },
  };
}
