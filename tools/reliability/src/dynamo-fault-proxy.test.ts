import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { localCredentials, localRegion, startDynamoDbLocal, type DynamoDbLocal } from '@shoplane/local-cloud';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDynamoFaultProxy, type DynamoFaultProxy } from './dynamo-fault-proxy.js';

let dynamo: DynamoDbLocal;
let proxy: DynamoFaultProxy;

beforeAll(async () => {
  dynamo = await startDynamoDbLocal({});
  proxy = await startDynamoFaultProxy({ targetPort: dynamo.port });
});

afterAll(async () => {
  await proxy?.close();
  await dynamo?.stop();
});

const clientOf = (maxAttempts: number) => new DynamoDBClient({ endpoint: proxy.url, region: localRegion, credentials: localCredentials, maxAttempts });

describe('the fault-injecting DynamoDB proxy', () => {
  it('forwards requests faithfully while its rates are zero', async () => {
    // Act
    const answer = await clientOf(1).send(new ListTablesCommand({}));

    // Assess
    expect(answer.TableNames).toEqual([]);
  });

  it('throttles as DynamoDB does, so the SDK sees ProvisionedThroughputExceededException', async () => {
    // Prepare
    proxy.setRates({ throttle: 1 });

    // Act
    const answer = clientOf(1).send(new ListTablesCommand({}));

    // Assess
    await expect(answer).rejects.toMatchObject({ name: 'ProvisionedThroughputExceededException', $metadata: { httpStatusCode: 400 } });
    proxy.setRates({});
  });

  it('drops connections, which the SDK retries as transient errors', async () => {
    // Prepare: every other request dropped.
    let calls = 0;
    const flaky = await startDynamoFaultProxy({ targetPort: dynamo.port, random: () => (calls++ % 2 === 0 ? 0 : 0.99) });
    flaky.setRates({ dropBefore: 0.5 });
    const client = new DynamoDBClient({ endpoint: flaky.url, region: localRegion, credentials: localCredentials, maxAttempts: 3 });

    // Act
    const answer = await client.send(new ListTablesCommand({}));

    // Assess
    expect(answer.TableNames).toEqual([]);
    expect(flaky.counts.droppedBefore).toBeGreaterThanOrEqual(1);
    await flaky.close();
  });
});
