import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { BusyError, DomainError } from '@shoplane/contracts';
import { defineService } from '@shoplane/manifest';
import { createTestTable, localStoreEndpoint, type TestTable } from '@shoplane/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { batchGetAll, failedConditions, transactWrite, type DocumentClient } from './dynamo-toolkit.js';

let table: TestTable;
const quick = { attempts: 3, baseDelayMs: 0, maxDelayMs: 0 };
const key = (id: string) => ({ PK: `THING#${id}`, SK: 'THING' });

class ThingTakenError extends DomainError {
  constructor(readonly taken: boolean[]) {
    super('thing-taken', 'Already taken.');
  }
}

beforeAll(async () => {
  table = await createTestTable(
    localStoreEndpoint(),
    defineService({ name: 'things', table: { partitionKey: { name: 'PK', type: 'S' }, sortKey: { name: 'SK', type: 'S' } }, routes: [], internalOperations: [{ name: 'x', handler: 'x' }] }),
  );
});

const create = (id: string) => ({ Put: { TableName: table.name, Item: { ...key(id), n: 1 }, ConditionExpression: 'attribute_not_exists(PK)' } });

/** A client whose first `failures` calls lose a race, then passes through to DynamoDB Local. */
function losingRaces(failures: number): DocumentClient & { calls: number } {
  const fake = {
    calls: 0,
    send: ((command: Parameters<DocumentClient['send']>[0]) => {
      fake.calls++;
      if (fake.calls <= failures) {
        return Promise.reject(Object.assign(new Error('conflict'), { name: 'TransactionCanceledException', CancellationReasons: [{ Code: 'TransactionConflict' }] }));
      }
      return table.documents.send(command);
    }) as DocumentClient['send'],
  };
  return fake;
}

describe('transactWrite', () => {
  it('writes every item of the transaction', async () => {
    await transactWrite(table.documents, [create('a1'), create('a2')], { subject: 'thing' });

    const read = await batchGetAll(table.documents, table.name, [key('a1'), key('a2')], { consistentRead: true });
    expect(read.map((item) => item['PK']).sort()).toEqual(['THING#a1', 'THING#a2']);
  });

  it('turns failed conditions into the caller\'s domain error, with the failing items flagged', async () => {
    await transactWrite(table.documents, [create('b1')], { subject: 'thing' });

    const attempt = transactWrite(table.documents, [create('b2'), create('b1')], {
      subject: 'thing',
      refusal: (reasons) => new ThingTakenError(failedConditions(reasons, 2)),
    });

    await expect(attempt).rejects.toMatchObject({ code: 'thing-taken', taken: [false, true] });
    const b2 = await table.documents.send(new GetCommand({ TableName: table.name, Key: key('b2') }));
    expect(b2.Item).toBeUndefined();
  });

  it('retries races it loses and then commits', async () => {
    const client = losingRaces(2);

    await transactWrite(client, [create('c1')], { subject: 'thing', retry: quick });

    expect(client.calls).toBe(3);
    const c1 = await table.documents.send(new GetCommand({ TableName: table.name, Key: key('c1') }));
    expect(c1.Item).toMatchObject({ n: 1 });
  });

  it('answers BusyError naming the subject when the races never settle, having written nothing', async () => {
    const client = losingRaces(100);

    const attempt = transactWrite(client, [create('d1')], { subject: 'thing', retry: quick });

    await expect(attempt).rejects.toBeInstanceOf(BusyError);
    await expect(attempt).rejects.toMatchObject({ data: { subject: 'thing' } });
    expect(client.calls).toBe(3);
  });

  it('rethrows what it cannot explain', async () => {
    const broken: DocumentClient = { send: (() => Promise.reject(new Error('socket hang up'))) as DocumentClient['send'] };

    await expect(transactWrite(broken, [create('e1')], { subject: 'thing', retry: quick })).rejects.toThrow('socket hang up');
  });
});

describe('batchGetAll', () => {
  it('reads more than 100 keys in chunks, leaving missing ones out', async () => {
    const ids = Array.from({ length: 130 }, (_unused, index) => `f${index}`);
    for (const id of ids.slice(0, 120)) await table.documents.send(new PutCommand({ TableName: table.name, Item: { ...key(id), n: 1 } }));

    const items = await batchGetAll(table.documents, table.name, ids.map(key), { projection: { expression: '#pk', names: { '#pk': 'PK' } } });

    expect(items).toHaveLength(120);
    expect(Object.keys(items[0] ?? {})).toEqual(['PK']);
  });

  it('asks again for keys left unprocessed, pausing between attempts', async () => {
    await table.documents.send(new PutCommand({ TableName: table.name, Item: { ...key('g1'), n: 1 } }));
    const pauses: number[] = [];
    let calls = 0;
    const throttled: DocumentClient = {
      send: (async (command: Parameters<DocumentClient['send']>[0]) => {
        calls++;
        if (calls === 1) return { Responses: { [table.name]: [] }, UnprocessedKeys: { [table.name]: { Keys: [key('g1')] } } };
        return table.documents.send(command);
      }) as DocumentClient['send'],
    };

    const items = await batchGetAll(throttled, table.name, [key('g1')], { pause: async (attempt) => void pauses.push(attempt) });

    expect(items).toHaveLength(1);
    expect(pauses).toEqual([1]);
  });

  it('gives up with BusyError after a bounded number of attempts', async () => {
    let calls = 0;
    const alwaysThrottled: DocumentClient = {
      send: (async () => {
        calls++;
        return { Responses: {}, UnprocessedKeys: { [table.name]: { Keys: [key('h1')] } } };
      }) as DocumentClient['send'],
    };

    const read = batchGetAll(alwaysThrottled, table.name, [key('h1')], { attempts: 3, pause: async () => undefined, subject: 'catalogue' });

    await expect(read).rejects.toMatchObject({ code: 'busy', data: { subject: 'catalogue' } });
    expect(calls).toBe(3);
  });
});
