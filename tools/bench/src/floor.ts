/**
 * The storage floor: the very DynamoDB requests an endpoint makes, sent straight to the
 * shop's DynamoDB Local from the bench's process (no gateway, no handler), and the store's
 * own write throughput, which bounds checkout.
 */
import {
  BatchGetItemCommand,
  CreateTableCommand,
  DeleteTableCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
  type BatchGetItemCommandInput,
  type GetItemCommandInput,
  type PutItemCommandInput,
  type QueryCommandInput,
  type TransactWriteItemsCommandInput,
  type UpdateItemCommandInput,
} from '@aws-sdk/client-dynamodb';
import { localCredentials, localRegion } from '@shoplane/local-cloud';
import { measure } from './measure.js';
import type { WireRequest } from './shop-counts.js';
import type { Summary } from './stats.js';

export function storeClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({ endpoint, region: localRegion, credentials: localCredentials, maxAttempts: 1 });
}

type Replay = (client: DynamoDBClient) => Promise<unknown>;

/** One recorded request as an SDK call with the same input (without the capacity report the bench asked for). */
function replayOf(wire: WireRequest): Replay {
  const operation = wire.target?.split('.').at(-1);
  const { ReturnConsumedCapacity: _asked, ...input } = JSON.parse(wire.body ?? '{}') as Record<string, unknown>;
  switch (operation) {
    case 'GetItem':
      return (client) => client.send(new GetItemCommand(input as unknown as GetItemCommandInput));
    case 'Query':
      return (client) => client.send(new QueryCommand(input as unknown as QueryCommandInput));
    case 'BatchGetItem':
      return (client) => client.send(new BatchGetItemCommand(input as unknown as BatchGetItemCommandInput));
    default:
      throw new Error(`the floor replays reads only, not ${operation ?? 'an unnamed request'}`);
  }
}

const toSummary = (measured: { requests: number; p50: number; p99: number; perSecond: number }): Summary => ({
  count: measured.requests,
  p50: measured.p50,
  p99: measured.p99,
  perSecond: measured.perSecond,
});

/** The recorded requests of one API call, one after the other as the handlers send them, `requests` times with `concurrency` in flight. */
export async function replayFloor(client: DynamoDBClient, trace: WireRequest[], requests: number, concurrency: number): Promise<Summary> {
  const steps = trace.map(replayOf);
  const once = async () => {
    for (const step of steps) await step(client);
    return true;
  };
  for (let warm = 0; warm < 20; warm++) await once();
  return toSummary(await measure({ name: 'floor', requests, concurrency, run: once }));
}

const scratchTable = 'shoplane-bench-writes';
/** About the size of an order item, so a write costs what checkout's writes cost. */
const payload = 'x'.repeat(600);

/** Throughput of each kind of write checkout makes, on a scratch table of the same store, at `concurrency` in flight. */
export async function writeThroughput(client: DynamoDBClient, requests: number, concurrency: number): Promise<Record<string, Summary>> {
  await client.send(
    new CreateTableCommand({
      TableName: scratchTable,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: 'PK', AttributeType: 'S' },
        { AttributeName: 'SK', AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: 'PK', KeyType: 'HASH' },
        { AttributeName: 'SK', KeyType: 'RANGE' },
      ],
    }),
  );
  try {
    const item = (index: number, sk: string) => ({ PK: { S: `ITEM#${index}` }, SK: { S: sk }, data: { S: payload }, version: { N: '1' } });
    const kinds: Record<string, (index: number) => Promise<unknown>> = {
      PutItem: (index) => client.send(new PutItemCommand({ TableName: scratchTable, Item: item(index, 'PUT'), ConditionExpression: 'attribute_not_exists(PK)' } satisfies PutItemCommandInput)),
      UpdateItem: (index) =>
        client.send(
          new UpdateItemCommand({
            TableName: scratchTable,
            Key: { PK: { S: `ITEM#${index % 50}` }, SK: { S: 'PUT' } },
            UpdateExpression: 'SET version = version + :one',
            ConditionExpression: 'attribute_exists(PK)',
            ExpressionAttributeValues: { ':one': { N: '1' } },
          } satisfies UpdateItemCommandInput),
        ),
      TransactWriteItems: (index) =>
        client.send(
          new TransactWriteItemsCommand({
            TransactItems: [
              { Put: { TableName: scratchTable, Item: item(index, 'TX-A'), ConditionExpression: 'attribute_not_exists(PK)' } },
              { Put: { TableName: scratchTable, Item: item(index, 'TX-B') } },
            ],
          } satisfies TransactWriteItemsCommandInput),
        ),
    };
    const results: Record<string, Summary> = {};
    let offset = 0;
    for (const [kind, write] of Object.entries(kinds)) {
      const base = offset;
      offset += requests + 50;
      for (let warm = 0; warm < 50; warm++) await write(base + requests + warm);
      results[kind] = toSummary(await measure({ name: kind, requests, concurrency, run: async (index) => (await write(base + index), true) }));
    }
    return results;
  } finally {
    await client.send(new DeleteTableCommand({ TableName: scratchTable }));
  }
}
