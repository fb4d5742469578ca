import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { getCurrentUser } from '@shoplane/contracts';
import { defineService, functionName, permissionsOf } from '@shoplane/manifest';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startControlPlane, type ControlPlane } from './control-plane.js';
import { applyEnvironment, functionEnvironment, localEnvironment, localQueueUrls } from './environment.js';
import { LocalEventBus } from './event-bus.js';
import { isolateFunctionEnvironments } from './function-scope.js';
import { FunctionRegistry, type LocalFunction } from './functions.js';
import { localQueues, type LocalQueue } from './local-queues.js';
import { silentLog } from './log.js';
import { busSubscriptions, summarize } from './summary.js';

const ledger = defineService({
  name: 'ledger',
  table: { partitionKey: { name: 'PK', type: 'S' } },
  routes: [],
  queues: [{ name: 'ingest', handler: 'take-entries' }],
});
const shop = defineService({
  name: 'shop',
  table: { partitionKey: { name: 'PK', type: 'S' }, stream: { handler: 'publish', tableAccess: 'none', sendsTo: ['ledger.ingest'] } },
  routes: [{ operation: getCurrentUser, handler: 'sneak', tableAccess: 'none' }],
});

const consumer = functionName('local', 'ledger', 'take-entries');
const received: SQSRecord[] = [];
let controlPlane: ControlPlane;
let bus: LocalEventBus;
let functions: FunctionRegistry;
let queueUrl: string;
const undo: (() => void)[] = [];

/** A function of the shop: it sends its event's body to the ledger's queue and says how that went. */
function sender(handler: string, url: () => string): LocalFunction {
  return {
    name: functionName('local', 'shop', handler),
    service: 'shop',
    handler,
    secrets: [],
    permissions: permissionsOf(shop, handler),
    environment: functionEnvironment(shop, handler, new Map(), new Map(), localQueueUrls([ledger], controlPlane.endpoint)),
    internalOperations: [],
    run: async (event) => {
      try {
        const sent = await new SQSClient({ maxAttempts: 1 }).send(new SendMessageCommand({ QueueUrl: url(), MessageBody: String(event) }));
        return { sent: sent.MessageId };
      } catch (error) {
        return { refused: (error as Error).name };
      }
    },
  };
}

beforeAll(async () => {
  functions = new FunctionRegistry();
  bus = new LocalEventBus({
    busName: 'shoplane-local',
    subscriptions: busSubscriptions([summarize(ledger)]),
    invoke: (name, event) => functions.invoke(name, event),
    log: silentLog,
    maxReceives: 3,
    retryDelayMs: () => 0,
  });
  // As the shop does: queue URLs carry the control plane's address, so the list is filled once it listens.
  const queues: LocalQueue[] = [];
  controlPlane = await startControlPlane({ parameters: new Map(), secrets: new Map(), bus, functions, log: silentLog, queues });
  queues.push(...localQueues([ledger], controlPlane.endpoint));
  queueUrl = queues[0]?.url ?? '';
  functions.add({
    name: consumer,
    service: 'ledger',
    secrets: [],
    handler: 'take-entries',
    permissions: permissionsOf(ledger, 'take-entries'),
    environment: {},
    internalOperations: [],
    run: async (event) => {
      const records = (event as SQSEvent).Records;
      received.push(...records);
      return { batchItemFailures: records.filter((record) => record.body === 'poison').map((record) => ({ itemIdentifier: record.messageId })) } satisfies SQSBatchResponse;
    },
  });
  functions.add(sender('publish', () => queueUrl));
  functions.add(sender('sneak', () => queueUrl));
  undo.push(applyEnvironment(localEnvironment([ledger, shop], { dynamodb: 'http://127.0.0.1:9', controlPlane: controlPlane.endpoint })));
  undo.push(isolateFunctionEnvironments(['LEDGER_INGEST_QUEUE_URL']));
});
afterAll(async () => {
  for (const step of undo.reverse()) step();
  bus.stop();
  await controlPlane.close();
});
beforeEach(() => {
  received.length = 0;
});

const sqs = () => new SQSClient({ maxAttempts: 1 });

describe('SQS SendMessage through AWS_ENDPOINT_URL_SQS', () => {
  it('hands the message to the queue\'s consumer as an SQS record of that queue, with the message id it answered', async () => {
    // Act
    const { MessageId, MD5OfMessageBody } = await sqs().send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: '{"hello":"ledger"}' }));
    await bus.drain();

    // Assess
    expect(received).toMatchObject([
      { messageId: MessageId, body: '{"hello":"ledger"}', md5OfBody: MD5OfMessageBody, eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:shoplane-local-ledger-ingest' },
    ]);
  });

  it('redelivers a message its consumer reports failed and, after the queue\'s receives, keeps it in the dead-letter list', async () => {
    // Act
    const { MessageId } = await sqs().send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'poison' }));
    await bus.drain();

    // Assess
    expect(received.map((record) => record.attributes.ApproximateReceiveCount)).toEqual(['1', '2', '3']);
    expect(bus.deadLetteredMessages).toMatchObject([{ messageId: MessageId, functionName: consumer, receiveCount: 3, body: 'poison', reason: 'reported in batchItemFailures' }]);
  });

  it('answers QueueDoesNotExist for a queue no manifest declares', async () => {
    // Act
    const sending = sqs().send(new SendMessageCommand({ QueueUrl: `${controlPlane.endpoint}/000000000000/shoplane-local-ledger-elsewhere`, MessageBody: 'x' }));

    // Assess
    await expect(sending).rejects.toMatchObject({ name: 'QueueDoesNotExist' });
  });

  it('refuses by name what it does not emulate, instead of ignoring it', async () => {
    // Act
    const sending = sqs().send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'x', DelaySeconds: 5 }));

    // Assess
    await expect(sending).rejects.toMatchObject({ name: 'UnsupportedOperation', message: 'The local runtime does not emulate SendMessage with DelaySeconds.' });
    expect(received).toEqual([]);
  });

  it('lets a function send to a queue it declares in sendsTo, and refuses one that does not, as IAM would', async () => {
    // Act
    const declared = await functions.invoke(functionName('local', 'shop', 'publish'), 'from the stream');
    const undeclared = await functions.invoke(functionName('local', 'shop', 'sneak'), 'from a route');
    await bus.drain();

    // Assess
    expect(declared).toEqual({ sent: expect.any(String) });
    expect(undeclared).toEqual({ refused: 'AccessDeniedException' });
    expect(received.map((record) => record.body)).toEqual(['from the stream']);
  });

  it('gives the queue URL only to the function that declares it sends there', () => {
    // Act
    const publish = functionEnvironment(shop, 'publish', new Map(), new Map(), localQueueUrls([ledger], controlPlane.endpoint));
    const sneak = functionEnvironment(shop, 'sneak', new Map(), new Map(), localQueueUrls([ledger], controlPlane.endpoint));

    // Assess
    expect(publish['LEDGER_INGEST_QUEUE_URL']).toBe(queueUrl);
    expect(sneak['LEDGER_INGEST_QUEUE_URL']).toBeUndefined();
  });
});
