import { defineOperation, type HttpOperation } from '@shoplane/contracts';
import { describe, expect, it } from 'vitest';
import { defineService, type ServiceManifest } from './declarations.js';
import { configurationOf, functionDeclarations, functionPermissions, handlerNames, internalOperationsServedBy, permissionsOf } from './functions.js';
import { queueKey, queueParameterName, queueUrlVariable } from './names.js';

const operation = (operationId: string, auth: HttpOperation['auth']) =>
  defineOperation({ operationId, method: 'get', path: `/${operationId}`, auth, tags: ['Test'], summary: operationId, responses: { 200: { description: 'OK' } }, problems: [] });

const shop: ServiceManifest = defineService({
  name: 'shop',
  table: { partitionKey: { name: 'PK', type: 'S' }, stream: { handler: 'publish-events', tableAccess: 'none', capabilities: ['publishEvents'] } },
  routes: [
    { operation: operation('browse', 'public'), handler: 'browse', tableAccess: 'read' },
    { operation: operation('login', 'public'), handler: 'login', tableAccess: 'read', capabilities: ['signTokens'] },
    { operation: operation('basket', 'user'), handler: 'basket', invokes: ['catalogue.priceOf'] },
    { operation: operation('manage', 'admin'), handler: 'manage', tableAccess: 'read' },
  ],
  subscriptions: [{ eventTypes: ['ThingHappened'], handler: 'manage', invokes: ['catalogue.priceOf', 'stock.reserve'] }],
  internalOperations: [{ name: 'findThing', handler: 'browse', tableAccess: 'read' }],
});

describe('functionDeclarations', () => {
  it('applies the defaults: read-write table access, no capability, no invokes', () => {
    // Act
    const [browse] = functionDeclarations(defineService({ ...shop, routes: [{ operation: operation('browse', 'public'), handler: 'browse' }] }));

    // Assess
    expect(browse).toEqual({ kind: 'route', handler: 'browse', tableAccess: 'readWrite', capabilities: [], invokes: [] });
  });

  it('implies verifyTokens on every route whose operation is not public, and on no other declaration', () => {
    // Act
    const declarations = functionDeclarations(shop);

    // Assess
    const verifying = declarations.filter((declaration) => declaration.capabilities.includes('verifyTokens'));
    expect(verifying.map((declaration) => `${declaration.kind}:${declaration.handler}`)).toEqual(['route:basket', 'route:manage']);
  });

  it('reads routes, subscriptions, internal operations and the stream, in that order', () => {
    // Act
    const kinds = functionDeclarations(shop).map((declaration) => declaration.kind);

    // Assess
    expect(kinds).toEqual(['route', 'route', 'route', 'route', 'subscription', 'internalOperation', 'stream']);
  });
});

describe('permissionsOf', () => {
  it('gives only the declaring function a capability', () => {
    // Act
    const login = permissionsOf(shop, 'login');
    const browse = permissionsOf(shop, 'browse');

    // Assess
    expect(login.capabilities).toEqual(['signTokens']);
    expect(browse.capabilities).toEqual([]);
  });

  it('gives a handler named by several declarations the union of their capabilities and invokes and the strongest table access', () => {
    // Act
    const manage = permissionsOf(shop, 'manage');

    // Assess
    expect(manage).toEqual({ tableAccess: 'readWrite', capabilities: ['verifyTokens'], invokes: ['catalogue.priceOf', 'stock.reserve'] });
  });

  it('keeps read access when every declaration of a handler asks for read', () => {
    // Act
    const browse = permissionsOf(shop, 'browse');

    // Assess
    expect(browse.tableAccess).toBe('read');
  });

  it('rejects a handler the manifest does not name', () => {
    // Act
    const reading = () => permissionsOf(shop, 'nobody');

    // Assess
    expect(reading).toThrow('Service shop declares no handler "nobody"');
  });

  it('answers the same for every handler as functionPermissions', () => {
    // Act
    const all = functionPermissions(shop);

    // Assess
    expect([...all.keys()]).toEqual(handlerNames(shop));
    for (const handler of handlerNames(shop)) expect(all.get(handler)).toEqual(permissionsOf(shop, handler));
  });
});

describe('queues and sendsTo', () => {
  const hub = defineService({
    name: 'hub',
    table: { partitionKey: { name: 'PK', type: 'S' }, stream: { handler: 'publish', tableAccess: 'none', capabilities: ['publishEvents'], sendsTo: ['ledger.ingest'] } },
    routes: [{ operation: operation('report', 'admin'), handler: 'report', tableAccess: 'read' }],
    queues: [{ name: 'ingest', handler: 'ingest', eventTypes: ['ThingHappened'] }],
    subscriptions: [{ eventTypes: ['OtherHappened'], handler: 'publish', sendsTo: ['ledger.ingest', 'audit.inbox'] }],
  });

  it('reads a queue as a declaration of its consumer, after the subscriptions', () => {
    // Act
    const kinds = functionDeclarations(hub).map((declaration) => `${declaration.kind}:${declaration.handler}`);

    // Assess
    expect(kinds).toEqual(['route:report', 'subscription:publish', 'queue:ingest', 'stream:publish']);
  });

  it('gives sendsTo only to the function that declares it, as the union of its declarations', () => {
    // Act
    const publish = permissionsOf(hub, 'publish');
    const ingest = permissionsOf(hub, 'ingest');

    // Assess
    expect(publish.sendsTo).toEqual(['ledger.ingest', 'audit.inbox']);
    expect(ingest).toEqual({ tableAccess: 'readWrite', capabilities: [], invokes: [] });
  });

  it('names the queue parameters and the senders\' variable after the queue', () => {
    // Act
    const url = queueParameterName('dev', { service: 'analytics', name: 'ingest' }, 'url');
    const arn = queueParameterName('dev', { service: 'analytics', name: 'ingest' }, 'arn');

    // Assess
    expect([url, arn]).toEqual(['/shoplane/dev/analytics/ingest-queue-url', '/shoplane/dev/analytics/ingest-queue-arn']);
    expect(queueUrlVariable(queueKey({ service: 'analytics', name: 'ingest' }))).toBe('ANALYTICS_INGEST_QUEUE_URL');
  });

  it('rejects a sendsTo entry that is not <service>.<queue>', () => {
    // Act
    const defining = () => defineService({ ...hub, routes: [{ operation: operation('x', 'user'), handler: 'x', sendsTo: ['ingest'] }] });

    // Assess
    expect(defining).toThrow('sendsTo entry "ingest" must look like "<service>.<queueName>"');
  });

  it('rejects a queue declared twice, a queue name that is not lower-case, and an empty list of event types', () => {
    // Act
    const twice = () => defineService({ ...hub, queues: [{ name: 'ingest', handler: 'a' }, { name: 'ingest', handler: 'b' }] });
    const shouting = () => defineService({ ...hub, queues: [{ name: 'Ingest', handler: 'a' }] });
    const empty = () => defineService({ ...hub, queues: [{ name: 'ingest', handler: 'a', eventTypes: [] }] });

    // Assess
    expect(twice).toThrow('declares queue(s) twice: ingest');
    expect(shouting).toThrow('declares queue "Ingest"');
    expect(empty).toThrow('lists no eventTypes');
  });
});

describe('internalOperationsServedBy', () => {
  it('names the internal operations a handler serves as <service>.<name>', () => {
    // Act
    const served = internalOperationsServedBy(shop, 'browse');

    // Assess
    expect(served).toEqual(['shop.findThing']);
    expect(internalOperationsServedBy(shop, 'login')).toEqual([]);
  });
});

describe('defineService', () => {
  it('rejects an invokes entry that is not <service>.<name>', () => {
    // Act
    const defining = () => defineService({ ...shop, routes: [{ operation: operation('x', 'user'), handler: 'x', invokes: ['getProductsByIds'] }] });

    // Assess
    expect(defining).toThrow('invokes entry "getProductsByIds" must look like "<service>.<operationName>"');
  });

  it('rejects an operation declared twice', () => {
    // Act
    const defining = () => defineService({ ...shop, routes: [...shop.routes, { operation: operation('browse', 'public'), handler: 'other' }] });

    // Assess
    expect(defining).toThrow('declares operation(s) twice: browse');
  });
});

describe('configurationOf', () => {
  const payments = defineService({
    name: 'payments',
    table: { partitionKey: { name: 'PK', type: 'S' } },
    secrets: [
      { name: 'api-key', variable: 'API_KEY_SECRET', description: 'the provider key' },
      { name: 'webhook-secret', variable: 'WEBHOOK_SECRET', description: 'the webhook signing secret' },
    ],
    routes: [{ operation: operation('hook', 'public'), handler: 'hook', secrets: ['webhook-secret'] }],
    internalOperations: [
      { name: 'pay', handler: 'pay', secrets: ['api-key'], platformValues: { API_URL: 'http-api-url' } },
      { name: 'payAgain', handler: 'pay', secrets: ['api-key', 'webhook-secret'] },
    ],
  });

  it('gives a handler the union of the secrets and platform values its declarations name, and nothing for none', () => {
    // Act
    const pay = configurationOf(payments, 'pay');
    const hook = configurationOf(payments, 'hook');

    // Assess
    expect(pay.secrets.map((secret) => secret.variable)).toEqual(['API_KEY_SECRET', 'WEBHOOK_SECRET']);
    expect(pay.platformValues).toEqual({ API_URL: 'http-api-url' });
    expect(hook).toEqual({ secrets: [expect.objectContaining({ name: 'webhook-secret' })], platformValues: {} });
    expect(configurationOf(shop, 'browse')).toEqual({ secrets: [], platformValues: {} });
  });

  it('rejects a declaration reading a secret the service does not declare', () => {
    // Act
    const defining = () => defineService({ ...payments, routes: [{ operation: operation('hook', 'public'), handler: 'hook', secrets: ['other-secret'] }] });

    // Assess
    expect(defining).toThrow('reads secret(s) it does not declare in `secrets`: other-secret');
  });
});

describe('schedules', () => {
  const sweeping = defineService({
    ...shop,
    schedules: [{ handler: 'sweep', every: { minutes: 5 }, tableAccess: 'read', invokes: ['stock.release'], capabilities: ['publishEvents'], secrets: [] }],
  });

  it('reads a schedule as a declaration of its function, after the internal operations and before the stream', () => {
    const declarations = functionDeclarations(sweeping);

    expect(declarations.map((declaration) => declaration.kind).slice(-2)).toEqual(['schedule', 'stream']);
    expect(declarations.at(-2)).toEqual({ kind: 'schedule', handler: 'sweep', tableAccess: 'read', capabilities: ['publishEvents'], invokes: ['stock.release'] });
  });

  it('grants the scheduled function what its schedule declares, and gives it a configuration', () => {
    expect(handlerNames(sweeping)).toContain('sweep');
    expect(permissionsOf(sweeping, 'sweep')).toEqual({ tableAccess: 'read', capabilities: ['publishEvents'], invokes: ['stock.release'] });
    expect(configurationOf(sweeping, 'sweep')).toEqual({ secrets: [], platformValues: {} });
  });

  it('rejects a rate that is not a whole number of minutes of at least one, and a handler scheduled twice', () => {
    const scheduled = (schedules: NonNullable<ServiceManifest['schedules']>) => () => defineService({ ...shop, schedules });

    expect(scheduled([{ handler: 'sweep', every: { minutes: 0 } }])).toThrow('a rate is a whole number of minutes');
    expect(scheduled([{ handler: 'sweep', every: { minutes: 2.5 } }])).toThrow('a rate is a whole number of minutes');
    expect(scheduled([{ handler: 'sweep', every: { minutes: 5 } }, { handler: 'sweep', every: { minutes: 10 } }])).toThrow('schedules handler(s) twice: sweep');
  });
});
