import { SQSClient } from '@aws-sdk/client-sqs';
import { StockCommittedMessage, type DomainEvent } from '@shoplane/contracts';
import { createLogger, newId, type EventBus } from '@shoplane/lambda-kit';
import { startLocalAwsEndpoint, type LocalAwsEndpoint } from '@shoplane/testing';
import type { DynamoDBRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqsAnalyticsQueue } from '../adapters/analytics-queue.js';
import { commit, release, reserve } from '../domain/reservations.js';
import { inventoryTestbed, streamRecords, type InventoryTestbed } from '../test-support.js';
import { stockStreamPublisher } from './publish-events.js';

const logger = createLogger('publish-events-test');
const ingest = 'analytics.ingest';
let bed: InventoryTestbed;
let aws: LocalAwsEndpoint;

beforeAll(async () => {
  bed = await inventoryTestbed();
  aws = await startLocalAwsEndpoint({ queues: [ingest] });
});
afterAll(() => aws.close());

function recordingBus() {
  const published: DomainEvent[] = [];
  const bus: EventBus = {
    async put(envelopes) {
      published.push(...envelopes);
      return { failedEventIds: [] };
    },
  };
  return { bus, published };
}

/** The publisher as deployed, sending through the real SQS client to the local endpoint's analytics queue. */
function publisherTo(queueUrl: () => string) {
  const { bus, published } = recordingBus();
  const analytics = sqsAnalyticsQueue(new SQSClient(aws.clientConfig), queueUrl, logger);
  return { publish: stockStreamPublisher({ bus: () => bus, analytics: () => analytics, logger }), published };
}

/** The stream records of the given products' stock, in the order DynamoDB wrote them. */
async function stockChangesOf(...productIds: string[]): Promise<DynamoDBRecord[]> {
  const keys = productIds.map((productId) => `STOCK#${productId}`);
  return (await streamRecords(bed.table)).filter((record) => keys.includes(String(record.dynamodb?.Keys?.['PK']?.S)));
}

const sentMessages = async () => (await aws.queues.messages(ingest)).map((body) => StockCommittedMessage.parse(JSON.parse(body)));

describe('the stock stream publisher', () => {
  it('sends analytics one StockCommitted message per product of a committed reservation, with the units it took', async () => {
    // Prepare
    const [kettle, mug] = [await bed.stockedProduct(10), await bed.stockedProduct(5)];
    const reservationId = newId('ord');
    await reserve(bed.deps, { reservationId, items: [{ productId: kettle, quantity: 3 }, { productId: mug, quantity: 2 }] });
    await commit(bed.deps, reservationId);
    const { publish, published } = publisherTo(() => aws.queues.url(ingest));
    const before = (await sentMessages()).length;

    // Act
    const answer = await publish({ Records: await stockChangesOf(kettle, mug) });

    // Assess
    expect(answer.batchItemFailures).toEqual([]);
    const sent = (await sentMessages()).slice(before);
    expect(sent.map((message) => [message.metadata.productId, message.metadata.quantity, message.metadata.reservationId]).sort()).toEqual(
      [[kettle, 3, reservationId], [mug, 2, reservationId]].sort(),
    );
    expect(sent.every((message) => message.eventType === 'STOCK_COMMITTED')).toBe(true);
    expect(published.map((event) => event.eventType === 'InventoryUpdated' && event.data.reason)).toEqual(['created', 'created', 'reserved', 'reserved', 'committed', 'committed']);
    expect(sent.map((message) => message.eventId)).not.toContain(published.at(-1)?.eventId);
  });

  it('sends nothing for stock that was only reserved and released', async () => {
    // Prepare
    const lamp = await bed.stockedProduct(4);
    const reservationId = newId('ord');
    await reserve(bed.deps, { reservationId, items: [{ productId: lamp, quantity: 1 }] });
    await release(bed.deps, reservationId);
    const { publish } = publisherTo(() => aws.queues.url(ingest));
    const before = (await sentMessages()).length;

    // Act
    const answer = await publish({ Records: await stockChangesOf(lamp) });

    // Assess
    expect(answer.batchItemFailures).toEqual([]);
    expect((await sentMessages()).length).toBe(before);
  });

  it('sends the same message, under the same id, when the stream hands the change over again', async () => {
    // Prepare
    const { productId, reservationId } = await bed.heldReservation(6, 2);
    await commit(bed.deps, reservationId);
    const { publish } = publisherTo(() => aws.queues.url(ingest));
    const records = await stockChangesOf(productId);
    const before = (await sentMessages()).length;

    // Act
    await publish({ Records: records });
    await publish({ Records: records });

    // Assess
    const [first, second, ...more] = (await sentMessages()).slice(before);
    expect(more).toEqual([]);
    expect(second).toEqual(first);
  });

  it('reports the committed record when the queue refuses it, so the stream retries it, and still publishes the events', async () => {
    // Prepare
    const { productId, reservationId } = await bed.heldReservation(6, 2);
    await commit(bed.deps, reservationId);
    const { publish, published } = publisherTo(() => aws.queues.url('analytics.elsewhere'));
    const records = await stockChangesOf(productId);

    // Act
    const answer = await publish({ Records: records });

    // Assess
    const committed = records.find((record) => record.dynamodb?.NewImage?.['changeReason']?.S === 'committed');
    expect(answer.batchItemFailures).toEqual([{ itemIdentifier: committed?.dynamodb?.SequenceNumber }]);
    expect(published).toHaveLength(records.length);
  });
});
