import { createHash } from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fixtureRoot } from './__fixtures__/index.js';
import { recorded, resetRecorded } from './__fixtures__/shop/apps/catalog/src/recorder.js';
import { discoverServices, loadFunctions } from './discovery.js';
import { LocalEventBus } from './event-bus.js';
import { FunctionRegistry } from './functions.js';
import { silentLog } from './log.js';

const subscriber = 'shoplane-local-catalog-on-thing-created';
const functions = new FunctionRegistry();

beforeAll(async () => {
  for (const fn of await loadFunctions(await discoverServices(fixtureRoot))) functions.add(fn);
});
beforeEach(() => resetRecorded());

function newBus(): LocalEventBus {
  return new LocalEventBus({
    busName: 'shoplane-local',
    subscriptions: [{ functionName: subscriber, eventTypes: ['ThingCreated'], queueName: subscriber }],
    invoke: (name, event) => functions.invoke(name, event),
    log: silentLog,
    retryDelayMs: () => 1,
  });
}

const thingCreated = (detail: object) => ({ Source: 'shoplane.catalog', DetailType: 'ThingCreated', Detail: JSON.stringify(detail) });

describe('the local event bus', () => {
  it('keeps a paused queue\'s messages waiting, as a disabled event source mapping does, and delivers them on resume', async () => {
    // Prepare
    const bus = newBus();
    bus.pause(subscriber);

    // Act
    bus.put([thingCreated({ thingId: 'thg_paused' })]);
    await bus.drain();
    const whilePaused = recorded().subscriber.length;
    bus.resume(subscriber);
    await bus.drain();

    // Assess
    expect(whilePaused).toBe(0);
    expect(recorded().subscriber.map((delivery) => JSON.parse(delivery.body).detail)).toEqual([{ thingId: 'thg_paused' }]);
  });

  it('delivers a published event to its subscriber as an SQS record wrapping the EventBridge event', async () => {
    // Prepare
    const bus = newBus();

    // Act
    const { Entries } = bus.put([thingCreated({ thingId: 'thg_1' })]);
    await bus.drain();

    // Assess
    const [delivery] = recorded().subscriber;
    expect(delivery?.receiveCount).toBe(1);
    expect(JSON.parse(delivery?.body ?? '')).toEqual({
      version: '0',
      id: Entries[0]?.EventId,
      'detail-type': 'ThingCreated',
      source: 'shoplane.catalog',
      account: '000000000000',
      time: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
      region: 'us-east-1',
      resources: [],
      detail: { thingId: 'thg_1' },
    });
  });

  it('builds records an SQS-triggered Lambda can check: source, queue ARN and body MD5', async () => {
    // Prepare
    const seen: unknown[] = [];
    const bus = new LocalEventBus({
      busName: 'shoplane-local',
      subscriptions: [{ functionName: 'observer', eventTypes: ['ThingCreated'], queueName: 'observer-queue' }],
      invoke: async (_name, event) => void seen.push(event),
      log: silentLog,
    });

    // Act
    bus.put([thingCreated({ thingId: 'thg_2' })]);
    await bus.drain();

    // Assess
    const record = (seen[0] as { Records: { body: string; md5OfBody: string }[] }).Records[0];
    expect(record).toMatchObject({
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:observer-queue',
      awsRegion: 'us-east-1',
      messageAttributes: {},
      attributes: { ApproximateReceiveCount: '1' },
    });
    expect(record?.md5OfBody).toBe(createHash('md5').update(record?.body ?? '').digest('hex'));
  });

  it('keeps an event nobody subscribed to in its log without delivering it', async () => {
    // Prepare
    const bus = newBus();

    // Act
    bus.put([{ Source: 'shoplane.catalog', DetailType: 'ThingIgnored', Detail: '{}' }]);
    await bus.drain();

    // Assess
    expect(recorded().subscriber).toEqual([]);
    expect(bus.events.map((logged) => [logged.event['detail-type'], logged.deliveries])).toEqual([['ThingIgnored', {}]]);
  });

  it('redelivers a record the subscriber reported in batchItemFailures', async () => {
    // Prepare
    const bus = newBus();

    // Act
    bus.put([thingCreated({ thingId: 'thg_3', failReceives: 1 })]);
    await bus.drain();

    // Assess
    expect(recorded().subscriber.map((delivery) => delivery.receiveCount)).toEqual([1, 2]);
    expect(bus.events[0]?.deliveries[subscriber]).toEqual({ status: 'delivered', receives: 2 });
    expect(bus.deadLetters).toEqual([]);
  });

  it('moves a record that fails three receives to the dead letters', async () => {
    // Prepare
    const bus = newBus();

    // Act
    bus.put([thingCreated({ thingId: 'thg_4', failReceives: 99 })]);
    await bus.drain();

    // Assess
    expect(recorded().subscriber.map((delivery) => delivery.receiveCount)).toEqual([1, 2, 3]);
    expect(bus.deadLetters).toMatchObject([{ functionName: subscriber, receiveCount: 3, reason: 'reported in batchItemFailures', event: { detail: { thingId: 'thg_4' } } }]);
    expect(bus.events[0]?.deliveries[subscriber]?.status).toBe('dead-lettered');
  });

  it('retries a whole batch whose handler throws, then dead-letters it with the error', async () => {
    // Prepare
    const bus = newBus();

    // Act
    bus.put([thingCreated({ thingId: 'thg_5', throw: true })]);
    await bus.drain();

    // Assess
    expect(recorded().subscriber).toHaveLength(3);
    expect(bus.deadLetters).toMatchObject([{ receiveCount: 3, reason: 'Error: subscriber crashed' }]);
  });

  it('delivers only the failed record again when one of a batch fails', async () => {
    // Prepare
    const bus = newBus();

    // Act
    bus.put([thingCreated({ thingId: 'thg_ok' }), thingCreated({ thingId: 'thg_flaky', failReceives: 1 })]);
    await bus.drain();

    // Assess
    const bodies = recorded().subscriber.map((delivery) => (JSON.parse(delivery.body) as { detail: { thingId: string } }).detail.thingId);
    expect(bodies).toEqual(['thg_ok', 'thg_flaky', 'thg_flaky']);
  });

  it('fails an entry whose Detail is not a JSON object and accepts the rest', async () => {
    // Prepare
    const bus = newBus();

    // Act
    const result = bus.put([{ Source: 's', DetailType: 'ThingCreated', Detail: 'not json' }, thingCreated({ thingId: 'thg_6' })]);

    // Assess
    expect(result.FailedEntryCount).toBe(1);
    expect(result.Entries[0]).toEqual({ ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' });
    expect(result.Entries[1]?.EventId).toEqual(expect.any(String));
  });

  it('takes messages sent straight to a queue as one batch, redelivers only the failed one and dead-letters it with its body', async () => {
    // Prepare
    const bus = newBus();
    const body = (thing: object) => JSON.stringify({ detail: thing });

    // Act
    const [fine, doomed] = bus.send(subscriber, body({ thingId: 'thg_7' }), body({ thingId: 'thg_8', failReceives: 99 }));
    await bus.drain();

    // Assess
    const deliveries = recorded().subscriber.filter((delivery) => delivery.messageId === fine || delivery.messageId === doomed);
    expect(deliveries.map((delivery) => [delivery.messageId === doomed, delivery.receiveCount])).toEqual([[false, 1], [true, 1], [true, 2], [true, 3]]);
    expect(bus.deadLetteredMessages).toMatchObject([{ messageId: doomed, functionName: subscriber, receiveCount: 3, body: body({ thingId: 'thg_8', failReceives: 99 }) }]);
    expect(bus.deadLetters).toEqual([]);
  });

  it('refuses a message for a queue it does not have', () => {
    expect(() => newBus().send('nowhere', 'x')).toThrow('The specified queue nowhere does not exist.');
  });
});
