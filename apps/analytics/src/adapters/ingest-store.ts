import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { currencyCodes, type Currency } from '@shoplane/contracts';
import { failedConditions, transactWrite, type DocumentClient, type TransactItem } from '@shoplane/lambda-kit';
import type { CounterChange } from '../domain/aggregates.js';
import type { IngestPlan } from '../domain/ingest-plan.js';
import type { OrderFacts, PendingOutcome } from '../domain/order-facts.js';
import type { IngestStore, RecordOutcome } from '../domain/ports.js';
import { entryItem, orderKey, ordersCounterKey, unitsCounterKey } from './table-layout.js';

class Refused extends Error {
  constructor(readonly outcome: Exclude<RecordOutcome, 'recorded'>) {
    super(outcome);
  }
}

/** ADD on each measure, and the attributes a reader needs to tell the counter apart without parsing its key. */
function counterUpdate(tableName: string, change: CounterChange): TransactItem {
  const measures = change.kind === 'orders' ? Object.entries(change.add) : [['units', change.units] as const];
  const names: Record<string, string> = { '#kind': 'kind', '#day': 'day' };
  const values: Record<string, unknown> = { ':kind': change.kind, ':day': change.day };
  const additions = measures.map(([measure, amount], index) => {
    names[`#m${index}`] = measure;
    values[`:m${index}`] = amount;
    return `#m${index} :m${index}`;
  });
  const sets = ['#kind = :kind', '#day = :day'];
  if (change.kind === 'orders') {
    names['#currency'] = 'currency';
    values[':currency'] = change.currency;
    sets.push('#currency = :currency');
  } else {
    Object.assign(names, { '#productId': 'productId', '#name': 'name' });
    Object.assign(values, { ':productId': change.productId, ':name': change.name });
    sets.push('#productId = :productId', '#name = :name');
  }
  return {
    Update: {
      TableName: tableName,
      Key: change.kind === 'orders' ? ordersCounterKey(change.day, change.currency) : unitsCounterKey(change.day, change.productId),
      UpdateExpression: `ADD ${additions.join(', ')} SET ${sets.join(', ')}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}

function orderPut(tableName: string, order: NonNullable<IngestPlan['order']>): TransactItem {
  const { expectedVersion, facts } = order;
  return {
    Put: {
      TableName: tableName,
      Item: { ...orderKey(facts.orderId), ...facts, version: expectedVersion + 1 },
      ConditionExpression: expectedVersion === 0 ? 'attribute_not_exists(PK)' : 'version = :expected',
      ...(expectedVersion === 0 ? {} : { ExpressionAttributeValues: { ':expected': expectedVersion } }),
    },
  };
}

const isCurrency = (value: unknown): value is Currency => currencyCodes.some((code) => code === value);

function factsFromItem(item: Record<string, unknown>): OrderFacts {
  const pending = Array.isArray(item['pending']) ? (item['pending'] as PendingOutcome[]) : [];
  return {
    orderId: String(item['orderId']),
    ...(isCurrency(item['currency']) ? { currency: item['currency'] } : {}),
    pending,
    version: Number(item['version'] ?? 0),
  };
}

/**
 * The analytics table as ingestion writes it: a plan is one TransactWriteItems —
 * the entry put only if absent, the counters added to, the order's facts put only
 * if still at the version read — so either all of it happened or none.
 */
export function dynamoIngestStore(client: DocumentClient, tableName: string, clock: () => Date = () => new Date()): IngestStore {
  return {
    async orderFacts(orderId) {
      const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: orderKey(orderId), ConsistentRead: true }));
      return Item ? factsFromItem(Item) : undefined;
    },

    async record(plan) {
      const items: TransactItem[] = [
        { Put: { TableName: tableName, Item: entryItem(plan.entry, clock().toISOString()), ConditionExpression: 'attribute_not_exists(PK)' } },
        ...plan.counters.map((change) => counterUpdate(tableName, change)),
        ...(plan.order ? [orderPut(tableName, plan.order)] : []),
      ];
      try {
        await transactWrite(client, items, {
          subject: 'analytics counters',
          refusal: (reasons) => {
            const failed = failedConditions(reasons, items.length);
            if (failed[0]) return new Refused('duplicate');
            if (plan.order && failed[items.length - 1]) return new Refused('order-changed');
            return undefined;
          },
        });
        return 'recorded';
      } catch (error) {
        if (error instanceof Refused) return error.outcome;
        throw error;
      }
    },
  };
}
