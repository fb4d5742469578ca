import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { queueFixtureRoot, send } from './__fixtures__/index.js';
import { received } from './__fixtures__/queues/apps/ledger/src/received.js';
import { startLocalShop, type LocalShop } from './shop.js';

let shop: LocalShop;
beforeAll(async () => {
  shop = await startLocalShop({ port: 0, root: queueFixtureRoot, quiet: true });
});
afterAll(() => shop.stop());
beforeEach(() => {
  received().length = 0;
});

const queueUrl = () => shop.environment['LEDGER_INGEST_QUEUE_URL'] ?? '';
const post = async (path: string, body: string) => (await send(`${shop.url}${path}`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body })).json;

describe('a manifest queue in the local shop', () => {
  it('publishes the queue\'s URL and ARN in SSM, as the owner\'s stack does', async () => {
    // Act
    const ssm = new SSMClient({ maxAttempts: 1 });
    const [url, arn] = await Promise.all(
      ['url', 'arn'].map(async (attribute) => (await ssm.send(new GetParameterCommand({ Name: `/shoplane/local/ledger/ingest-queue-${attribute}` }))).Parameter?.Value),
    );

    // Assess
    expect(url).toBe(`${shop.controlPlane.endpoint}/000000000000/shoplane-local-ledger-ingest`);
    expect(arn).toBe('arn:aws:sqs:us-east-1:000000000000:shoplane-local-ledger-ingest');
  });

  it('delivers what a function that declares sendsTo sends, from the URL its variable carries', async () => {
    // Act
    const answer = await post('/sales', 'sold one lamp');
    await shop.bus.drain();

    // Assess
    expect(answer).toEqual({ outcome: 'sent', variable: queueUrl() });
    expect(received()).toEqual([{ body: 'sold one lamp', receiveCount: 1 }]);
  });

  it('refuses a function that does not declare it, which does not see the URL either', async () => {
    // Act
    const answer = await post(`/sneaky-sales?queue=${encodeURIComponent(queueUrl())}`, 'sold one lamp, quietly');
    await shop.bus.drain();

    // Assess
    expect(answer).toEqual({ outcome: 'AccessDeniedException', variable: null });
    expect(received()).toEqual([]);
  });

  it('routes the queue\'s event types from the bus into it', async () => {
    // Act
    shop.bus.put([{ Source: 'shoplane.till', DetailType: 'SaleRecorded', Detail: JSON.stringify({ sale: 1 }), EventBusName: 'shoplane-local' }]);
    await shop.bus.drain();

    // Assess
    expect(received().map((entry) => JSON.parse(entry.body) as unknown)).toMatchObject([{ 'detail-type': 'SaleRecorded', detail: { sale: 1 } }]);
  });

  it('keeps a message its consumer keeps failing in the dead-letter list, shown at /__local/dead-letters', async () => {
    // Act
    await post('/sales', 'poison');
    await shop.bus.drain();
    const view = await send(`${shop.url}/__local/dead-letters`);

    // Assess
    expect(received().map((entry) => entry.receiveCount)).toEqual([1, 2, 3]);
    expect(view.json).toMatchObject({ messages: [{ queueName: 'shoplane-local-ledger-ingest', receiveCount: 3, body: 'poison' }] });
  });
});
