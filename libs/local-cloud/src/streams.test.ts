import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fixtureRoot } from './__fixtures__/index.js';
import { recorded } from './__fixtures__/shop/apps/catalog/src/recorder.js';
import { discoverServices, loadFunctions } from './discovery.js';
import { localCredentials, localRegion, startDynamoDbLocal, type DynamoDbLocal } from './dynamodb-local.js';
import { FunctionRegistry } from './functions.js';
import { silentLog } from './log.js';
import { startStreamPoller, type StreamPoller, type StreamPollerOptions } from './streams.js';
import { ensureTable } from './tables.js';

const consumer = 'shoplane-local-catalog-on-change';
let dynamo: DynamoDbLocal;
let documents: DynamoDBDocumentClient;
const pollers: StreamPoller[] = [];

/** A table declared with a stream in a test-only manifest (the fixture catalog service). */
async function streamedTable(name: string, invoke: (event: DynamoDBStreamEvent) => Promise<unknown>, startAt: StreamPollerOptions['startAt'] = 'TRIM_HORIZON'): Promise<StreamPoller> {
  const [catalog] = await discoverServices(fixtureRoot);
  if (!catalog) throw new Error('fixture catalog service missing');
  await ensureTable(new DynamoDBClient({ endpoint: dynamo.endpoint, region: localRegion, credentials: localCredentials }), name, catalog.manifest.table);
  const poller = await startStreamPoller({
    endpoint: dynamo.endpoint,
    tableName: name,
    functionName: consumer,
    startAt,
    invoke: (_name, event) => invoke(event),
    log: silentLog,
    idleDelayMs: 20,
  });
  pollers.push(poller);
  return poller;
}

const functions = new FunctionRegistry();
const streamConsumer = (event: DynamoDBStreamEvent) => functions.invoke(consumer, event);
/** Waiting bound for asynchronous delivery under a loaded machine; not a timing assertion. */
const eventually = { timeout: 10_000, interval: 20 };
const changesTo = (pk: string) => recorded().stream.filter((change) => JSON.stringify(change.keys).includes(pk));

beforeAll(async () => {
  dynamo = await startDynamoDbLocal();
  documents = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: dynamo.endpoint, region: localRegion, credentials: localCredentials }));
  for (const fn of await loadFunctions(await discoverServices(fixtureRoot))) functions.add(fn);
  await streamedTable('streamed', streamConsumer);
});
afterAll(async () => {
  await Promise.all(pollers.map((poller) => poller.stop()));
  documents.destroy();
  await dynamo.stop();
});

describe('table stream delivery', () => {
  it('hands an insert to the stream handler with its keys and new image', async () => {
    // Act
    await documents.send(new PutCommand({ TableName: 'streamed', Item: { PK: 'THING#ins', SK: 'THING', name: 'Lamp' } }));

    // Assess
    await vi.waitFor(() => expect(changesTo('THING#ins')).toHaveLength(1), eventually);
    expect(changesTo('THING#ins')[0]).toMatchObject({
      eventName: 'INSERT',
      keys: { PK: { S: 'THING#ins' }, SK: { S: 'THING' } },
      newImage: { PK: { S: 'THING#ins' }, SK: { S: 'THING' }, name: { S: 'Lamp' } },
    });
  });

  it('hands an update with old and new images and a delete with the old image', async () => {
    // Prepare
    const key = { PK: 'THING#mod', SK: 'THING' };
    await documents.send(new PutCommand({ TableName: 'streamed', Item: { ...key, name: 'Old' } }));

    // Act
    await documents.send(new UpdateCommand({ TableName: 'streamed', Key: key, UpdateExpression: 'SET #n = :n', ExpressionAttributeNames: { '#n': 'name' }, ExpressionAttributeValues: { ':n': 'New' } }));
    await documents.send(new DeleteCommand({ TableName: 'streamed', Key: key }));

    // Assess
    await vi.waitFor(() => expect(changesTo('THING#mod')).toHaveLength(3), eventually);
    const [, modify, remove] = changesTo('THING#mod');
    expect(modify).toMatchObject({ eventName: 'MODIFY', oldImage: { name: { S: 'Old' } }, newImage: { name: { S: 'New' } } });
    expect(remove).toMatchObject({ eventName: 'REMOVE', oldImage: { name: { S: 'New' } } });
    expect(remove?.newImage).toBeUndefined();
  });

  it('delivers a record again when the handler reports it in batchItemFailures', async () => {
    // Act
    await documents.send(new PutCommand({ TableName: 'streamed', Item: { PK: 'THING#flaky', SK: 'THING', flaky: 'once' } }));

    // Assess
    await vi.waitFor(() => expect(changesTo('THING#flaky')).toHaveLength(2), eventually);
    const [first, second] = changesTo('THING#flaky');
    expect(second?.eventID).toBe(first?.eventID);
  });

  it('sets records aside after three failed attempts and moves on', async () => {
    // Prepare
    let attempts = 0;
    const poller = await streamedTable('always-failing', async () => {
      attempts += 1;
      throw new Error('consumer down');
    });

    // Act
    await documents.send(new PutCommand({ TableName: 'always-failing', Item: { PK: 'THING#lost', SK: 'THING' } }));

    // Assess
    await vi.waitFor(() => expect(poller.deadLetters).toHaveLength(1), eventually);
    expect(attempts).toBe(3);
    expect(poller.deadLetters[0]).toMatchObject({ functionName: consumer, tableName: 'always-failing', reason: 'Error: consumer down' });
    expect(poller.deadLetters[0]?.records[0]?.dynamodb?.Keys).toEqual({ PK: { S: 'THING#lost' }, SK: { S: 'THING' } });
  });

  it('delivers every change of two tables written in turn once each, in order', async () => {
    // Prepare: DynamoDB Local numbers records across tables, which invalidates idle iterators.
    const seen: Record<string, string[]> = { left: [], right: [] };
    const collect = (table: string) => async (event: DynamoDBStreamEvent) => {
      for (const record of event.Records) seen[table]?.push(record.dynamodb?.Keys?.PK?.S ?? '');
    };
    await streamedTable('left', collect('left'));
    await streamedTable('right', collect('right'));

    // Act
    for (const n of [1, 2, 3, 4]) {
      await documents.send(new PutCommand({ TableName: 'left', Item: { PK: `L${n}`, SK: 'X' } }));
      await documents.send(new PutCommand({ TableName: 'right', Item: { PK: `R${n}`, SK: 'X' } }));
      await new Promise((resolve) => setTimeout(resolve, 30));
    }

    // Assess
    await vi.waitFor(() => expect(seen).toEqual({ left: ['L1', 'L2', 'L3', 'L4'], right: ['R1', 'R2', 'R3', 'R4'] }), eventually);
  });

  it('resumes after a checkpoint: what was delivered before it is not handed over again, what came after is', async () => {
    // Prepare: a first poller delivers two changes, and is stopped with its checkpoint.
    const seen: string[] = [];
    const collect = async (event: DynamoDBStreamEvent) => {
      for (const record of event.Records) seen.push(record.dynamodb?.Keys?.PK?.S ?? '');
    };
    const first = await streamedTable('resumed', collect);
    for (const pk of ['C1', 'C2']) await documents.send(new PutCommand({ TableName: 'resumed', Item: { PK: pk, SK: 'X' } }));
    await vi.waitFor(() => expect(seen).toEqual(['C1', 'C2']), eventually);
    await first.stop();
    const checkpoint = first.checkpoint();

    // Act: a change while nothing polls, then a poller resuming after the checkpoint.
    await documents.send(new PutCommand({ TableName: 'resumed', Item: { PK: 'C3', SK: 'X' } }));
    await streamedTable('resumed', collect, { after: checkpoint });

    // Assess
    expect(Object.keys(checkpoint)).toHaveLength(1);
    await vi.waitFor(() => expect(seen).toEqual(['C1', 'C2', 'C3']), eventually);
  });
});
