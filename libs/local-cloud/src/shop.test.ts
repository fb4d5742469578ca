import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import { getParameter } from '@aws-lambda-powertools/parameters/ssm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fixtureRoot, send } from './__fixtures__/index.js';
import { recorded } from './__fixtures__/shop/apps/catalog/src/recorder.js';
import { startLocalShop, type LocalShop } from './shop.js';

let shop: LocalShop;
beforeAll(async () => {
  shop = await startLocalShop({ port: 0, root: fixtureRoot, quiet: true });
});
afterAll(() => shop.stop());

const json = { 'content-type': 'application/json' };
/** Waiting bound for asynchronous delivery under a loaded machine; not a timing assertion. */
const eventually = { timeout: 10_000, interval: 20 };

describe('startLocalShop on an ephemeral port', () => {
  it('runs a scheduled function when asked, with the Scheduled Event and only the variables its schedule declares', async () => {
    // Act
    await shop.runSchedules();

    // Assess
    const run = recorded().scheduled.at(-1);
    expect(run?.event).toMatchObject({ 'detail-type': 'Scheduled Event', source: 'aws.events' });
    expect(run?.variables).toEqual(['AWS_LAMBDA_FUNCTION_NAME', 'CATALOG_TABLE_NAME']);
  });

  it('answers /health', async () => {
    // Act
    const reply = await send(`${shop.url}/health`);

    // Assess
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ status: 'ok' });
  });

  it('serves the workspace’s openapi/openapi.json at /openapi.json and /docs/openapi.json', async () => {
    // Prepare
    const spec = JSON.parse(readFileSync(join(fixtureRoot, 'openapi', 'openapi.json'), 'utf8')) as unknown;

    // Act
    const [root, docs] = await Promise.all([send(`${shop.url}/openapi.json`), send(`${shop.url}/docs/openapi.json`)]);

    // Assess
    expect(root.headers['content-type']).toBe('application/json');
    expect(root.json).toEqual(spec);
    expect(docs.json).toEqual(spec);
  });

  it('serves the Scalar bundle from node_modules at /docs/standalone.js', async () => {
    // Prepare
    const bundle = readFileSync(createRequire(import.meta.url).resolve('@scalar/api-reference/browser/standalone.js'));

    // Act
    const reply = await send(`${shop.url}/docs/standalone.js`);

    // Assess
    expect(reply.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(reply.body.equals(bundle)).toBe(true);
  });

  it('runs a route handler against its table in DynamoDB Local', async () => {
    // Prepare
    const thing = { thingId: 'thg_lamp', name: 'Lamp' };
    await send(`${shop.url}/things`, { method: 'POST', headers: json, body: JSON.stringify(thing) });

    // Act
    const reply = await send(`${shop.url}/things/thg_lamp`);

    // Assess
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual(thing);
  });

  it('delivers the event a handler published through EventBridge to the subscriber', async () => {
    // Prepare
    const thing = { thingId: 'thg_bus', name: 'Bus' };

    // Act
    const created = await send(`${shop.url}/things`, { method: 'POST', headers: json, body: JSON.stringify(thing) });
    await shop.bus.drain();

    // Assess
    const { eventId } = created.json as { eventId: string };
    const delivered = recorded().subscriber.map((delivery) => JSON.parse(delivery.body) as { id: string; detail: unknown });
    expect(delivered).toContainEqual(expect.objectContaining({ id: eventId, detail: thing }));
  });

  it('lists published events and dead letters for operators', async () => {
    // Prepare
    const doomed = { thingId: 'thg_doomed', name: 'Doomed', failReceives: 99 };
    await send(`${shop.url}/things`, { method: 'POST', headers: json, body: JSON.stringify(doomed) });
    await shop.bus.drain();

    // Act
    const [events, deadLetters] = await Promise.all([send(`${shop.url}/__local/events`), send(`${shop.url}/__local/dead-letters`)]);

    // Assess
    expect((events.json as { items: unknown[] }).items[0]).toMatchObject({
      busName: 'shoplane-local',
      event: { 'detail-type': 'ThingCreated', detail: doomed },
      deliveries: { 'shoplane-local-catalog-on-thing-created': { status: 'dead-lettered', receives: 3 } },
    });
    expect(deadLetters.json).toMatchObject({ events: [{ event: { detail: doomed } }], streamRecords: [] });
  });

  it('streams the table’s changes to the service’s stream handler', async () => {
    // Act
    await send(`${shop.url}/things`, { method: 'POST', headers: json, body: JSON.stringify({ thingId: 'thg_streamed', name: 'S' }) });

    // Assess
    await vi.waitFor(() =>
      expect(recorded().stream).toContainEqual(expect.objectContaining({ eventName: 'INSERT', keys: { PK: { S: 'THING#thg_streamed' }, SK: { S: 'THING' } } })),
      eventually,
    );
  });

  it('runs each service’s seed once everything is up and keeps the lines it returns', async () => {
    // Act
    const seeded = await send(`${shop.url}/things/thg_seeded`);

    // Assess
    expect(shop.seedLines).toEqual([{ service: 'catalog', lines: ['seeded thing: thg_seeded'] }]);
    expect(seeded.status).toBe(200);
  });

  it('sets every function’s table, platform and internal-operation variables on the process, for code outside any function', () => {
    // Assess
    expect(process.env).toMatchObject({
      CATALOG_TABLE_NAME: 'shoplane-local-catalog',
      INVOKE_CATALOG_GETTHING: 'shoplane-local-catalog-lookup',
      SHOPLANE_STAGE: 'local',
      EVENT_BUS_NAME: 'shoplane-local',
      JWT_ISSUER: 'https://shoplane.local',
      JWT_AUDIENCE: 'shoplane-api',
      JWT_PUBLIC_KEYS_PARAMETER: '/shoplane/local/platform/jwt-public-keys',
      JWT_SIGNING_KEY_SECRET: 'shoplane/local/jwt-signing-key',
      AWS_ENDPOINT_URL_DYNAMODB: shop.dynamodb.endpoint,
      AWS_ENDPOINT_URL_LAMBDA: shop.controlPlane.endpoint,
    });
  });

  it('serves a signing key whose public half, from SSM, verifies what the private half, from Secrets Manager, signed', async () => {
    // Prepare
    const secret = (await getSecret(process.env.JWT_SIGNING_KEY_SECRET ?? '', { transform: 'json' })) as { kid: string; privateKeyPem: string };
    const published = (await getParameter(process.env.JWT_PUBLIC_KEYS_PARAMETER ?? '', { transform: 'json' })) as { keys: { kid: string; publicKeyPem: string }[] };
    const payload = Buffer.from('header.payload');

    // Act
    const signature = sign('sha256', payload, { key: createPrivateKey(secret.privateKeyPem), dsaEncoding: 'ieee-p1363' });

    // Assess
    const [key] = published.keys;
    expect(key?.kid).toBe(secret.kid);
    expect(createPublicKey(key?.publicKeyPem ?? '').asymmetricKeyDetails).toEqual({ namedCurve: 'prime256v1' });
    expect(verify('sha256', payload, { key: createPublicKey(key?.publicKeyPem ?? ''), dsaEncoding: 'ieee-p1363' }, signature)).toBe(true);
  });

  it('publishes each internal operation’s function name as an SSM parameter', async () => {
    // Act
    const name = await getParameter('/shoplane/local/catalog/getThing');

    // Assess
    expect(name).toBe('shoplane-local-catalog-lookup');
  });

  it('runs an internal operation invoked through LambdaClient by the name in its variable', async () => {
    // Prepare
    const lambda = new LambdaClient({});

    // Act
    const result = await lambda.send(new InvokeCommand({ FunctionName: process.env.INVOKE_CATALOG_GETTHING, Payload: JSON.stringify({ thingId: 'thg_lamp' }) }));

    // Assess
    expect(JSON.parse(Buffer.from(result.Payload ?? new Uint8Array()).toString())).toEqual({ thingId: 'thg_lamp', found: true });
  });

  it('keeps what functions send through SES and SNS in the outbox at /__local/outbox, newest first', async () => {
    // Prepare
    const content = { Simple: { Subject: { Data: 'Welcome' }, Body: { Text: { Data: 'Hello Ada' } } } };
    await new SESv2Client({}).send(new SendEmailCommand({ FromEmailAddress: 'no-reply@shoplane.local', Destination: { ToAddresses: ['ada@example.com'] }, Content: content }));
    await new SNSClient({}).send(new PublishCommand({ PhoneNumber: '+14155550100', Message: 'Hello Ada' }));

    // Act
    const reply = await send(`${shop.url}/__local/outbox`);

    // Assess
    expect(reply.json).toMatchObject({
      emails: [{ to: ['ada@example.com'], subject: 'Welcome', text: 'Hello Ada' }],
      sms: [{ phoneNumber: '+14155550100', message: 'Hello Ada' }],
    });
    expect(shop.outbox.emails).toHaveLength(1);
  });

  it('warns about a service’s handlers that are not written yet and delivers nothing to them', async () => {
    // Act
    await send(`${shop.url}/things`, { method: 'POST', headers: json, body: JSON.stringify({ thingId: 'thg_draft', name: 'D' }) });
    await shop.bus.drain();

    // Assess
    expect(shop.warnings).toEqual(['drafts: no handler file yet for list-drafts, on-thing-created (routes answer 501, nothing is delivered to them)']);
    const logged = shop.bus.events.find((entry) => (entry.event.detail as { thingId?: string }).thingId === 'thg_draft');
    expect(Object.keys(logged?.deliveries ?? {})).toEqual(['shoplane-local-catalog-on-thing-created']);
  });

  it('describes each service’s routes, subscriptions, internal operations and stream', () => {
    // Assess
    const [catalog] = shop.services;
    expect(catalog).toMatchObject({
      name: 'catalog',
      tableName: 'shoplane-local-catalog',
      subscriptions: [{ eventTypes: ['ThingCreated', 'ThingRenamed'], functionName: 'shoplane-local-catalog-on-thing-created' }],
      internalOperations: [{ name: 'getThing', functionName: 'shoplane-local-catalog-lookup', variable: 'INVOKE_CATALOG_GETTHING' }],
      stream: { functionName: 'shoplane-local-catalog-on-change' },
    });
    expect(catalog?.routes[0]).toEqual({
      method: 'post',
      path: '/things',
      auth: 'admin',
      operationId: 'createThing',
      service: 'catalog',
      functionName: 'shoplane-local-catalog-create-thing',
    });
  });
});

describe('each function with exactly what its declarations grant', () => {
  interface EnvironmentAnswer {
    variables: Record<string, string>;
    listed: string[];
    readSigningKey: string;
    readPublicKeys: string;
    putEvents: string;
  }
  const environment = async () => (await send(`${shop.url}/environment`)).json as EnvironmentAnswer;

  it('lets a function invoke the internal operation it declares, by the name in its variable', async () => {
    // Act
    const reply = await send(`${shop.url}/lookups/thg_lamp`);

    // Assess
    expect(reply.json).toEqual({ thingId: 'thg_lamp', found: true });
  });

  it('refuses with AccessDeniedException, as IAM does, an internal operation the calling function did not declare', async () => {
    // Act
    const reply = await send(`${shop.url}/sneaky-lookups/thg_lamp`);

    // Assess
    expect(reply.json).toEqual({
      invoked: false,
      error: {
        name: 'AccessDeniedException',
        message: expect.stringContaining(
          'assumed-role/shoplane-local-catalog-sneak-lookup/shoplane-local-catalog-sneak-lookup is not authorized to perform: lambda:InvokeFunction ' +
            'on resource: arn:aws:lambda:us-east-1:000000000000:function:shoplane-local-catalog-lookup',
        ),
      },
      variable: null,
    });
  });

  it('gives a function the variables of the capabilities it declared, its own table and its own name, and no other', async () => {
    // Act
    const { variables, listed } = await environment();

    // Assess
    expect(variables).toEqual({
      AWS_LAMBDA_FUNCTION_NAME: 'shoplane-local-catalog-environment',
      SHOPLANE_STAGE: 'local',
      CATALOG_TABLE_NAME: 'shoplane-local-catalog',
      JWT_ISSUER: 'https://shoplane.local',
      JWT_AUDIENCE: 'shoplane-api',
      JWT_SIGNING_KEY_SECRET: 'shoplane/local/jwt-signing-key',
    });
    expect(listed).toEqual(Object.keys(variables).sort());
  });

  it('lets a function make the platform calls its capabilities grant and refuses the others', async () => {
    // Act
    const { readSigningKey, readPublicKeys, putEvents } = await environment();

    // Assess
    expect({ readSigningKey, readPublicKeys, putEvents }).toEqual({ readSigningKey: 'ok', readPublicKeys: 'AccessDeniedException', putEvents: 'AccessDeniedException' });
  });

  it('leaves the process’s own environment whole while functions run', async () => {
    // Act
    await environment();

    // Assess
    expect(process.env).toMatchObject({ EVENT_BUS_NAME: 'shoplane-local', INVOKE_CATALOG_GETTHING: 'shoplane-local-catalog-lookup' });
    expect(process.env.AWS_LAMBDA_FUNCTION_NAME).toBeUndefined();
  });
});
