import { describe, expect, it } from 'vitest';
import { defineService } from './declarations.js';
import { defineOrchestrator } from './orchestrator.js';
import { deadLetterQueueName, orchestratorQueues, serviceQueues, unitQueueName } from './queues.js';

const ledger = defineService({
  name: 'ledger',
  table: { partitionKey: { name: 'PK', type: 'S' }, stream: { handler: 'publish-events', tableAccess: 'none', capabilities: ['publishEvents'] } },
  routes: [],
  subscriptions: [{ eventTypes: ['OrderConfirmed'], handler: 'on-order-confirmed' }],
  queues: [{ name: 'ingest', handler: 'ingest' }],
});

describe('serviceQueues', () => {
  it('lists each subscription inbox, each declared queue and the stream failure queue, and which have a dead-letter queue', () => {
    expect(serviceQueues(ledger)).toEqual([
      { kind: 'subscription', name: 'on-order-confirmed', handler: 'on-order-confirmed', hasDeadLetterQueue: true },
      { kind: 'queue', name: 'ingest-queue', handler: 'ingest', hasDeadLetterQueue: true },
      { kind: 'stream-failures', name: 'stream-failures', hasDeadLetterQueue: false },
    ]);
  });

  it('lists nothing for a service with no subscription, queue or stream', () => {
    expect(serviceQueues(defineService({ name: 'quiet', table: { partitionKey: { name: 'PK', type: 'S' } }, routes: [], internalOperations: [{ name: 'get', handler: 'get' }] }))).toEqual([]);
  });
});

describe('orchestratorQueues', () => {
  it('lists one inbox per subscription', () => {
    const saga = defineOrchestrator({
      name: 'checkout',
      stateMachine: { arnVariable: 'ARN', invokes: [], startedBy: ['start'] },
      subscriptions: [{ eventTypes: ['OrderCreated'], handler: 'start' }],
    });

    expect(orchestratorQueues(saga)).toEqual([{ kind: 'subscription', name: 'start', handler: 'start', hasDeadLetterQueue: true }]);
  });
});

describe('queue names', () => {
  it('name the queue by stage, unit and queue, and its dead-letter queue after it', () => {
    expect(unitQueueName('prod', 'ledger', { name: 'ingest-queue' })).toBe('shoplane-prod-ledger-ingest-queue');
    expect(deadLetterQueueName('prod', 'ledger', { name: 'ingest-queue' })).toBe('shoplane-prod-ledger-ingest-queue-dlq');
  });

  it('refuse a name longer than SQS allows', () => {
    expect(() => unitQueueName('staging', 'notifications', { name: 'on-a-very-long-handler-name-that-goes-on-and-on' })).toThrow('longer than SQS allows');
  });
});
