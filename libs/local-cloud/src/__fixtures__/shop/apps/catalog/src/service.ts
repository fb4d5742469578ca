import { defineOperation, type HttpOperation } from '@shoplane/contracts';
import { defineService } from '@shoplane/manifest';

/** A test-only service exercising every kind of declaration the local runtime serves. */
const operation = (method: HttpOperation['method'], path: string, operationId: string, auth: HttpOperation['auth'] = 'public') =>
  defineOperation({ operationId, method, path, auth, tags: ['Things'], summary: operationId, responses: { 200: { description: 'OK' } }, problems: [] });

export const service = defineService({
  name: 'catalog',
  table: {
    partitionKey: { name: 'PK', type: 'S' },
    sortKey: { name: 'SK', type: 'S' },
    stream: { handler: 'on-change' },
  },
  routes: [
    { operation: operation('post', '/things', 'createThing', 'admin'), handler: 'create-thing', capabilities: ['publishEvents'] },
    { operation: operation('get', '/things/{thingId}', 'getThing'), handler: 'get-thing' },
    { operation: operation('get', '/things/special', 'getSpecialThing'), handler: 'echo' },
    { operation: operation('get', '/echo/{first}/{second}', 'echoGet', 'user'), handler: 'echo' },
    { operation: operation('post', '/echo/{first}/{second}', 'echoPost', 'user'), handler: 'echo' },
    { operation: operation('get', '/boom', 'boom'), handler: 'boom' },
    { operation: operation('get', '/text', 'text'), handler: 'text' },
    { operation: operation('get', '/binary', 'binary'), handler: 'binary' },
    // Permissions: one handler declares the internal operation it calls, one calls it undeclared.
    { operation: operation('get', '/lookups/{thingId}', 'askLookup'), handler: 'ask-lookup', tableAccess: 'none', invokes: ['catalog.getThing'] },
    { operation: operation('get', '/sneaky-lookups/{thingId}', 'sneakLookup'), handler: 'sneak-lookup', tableAccess: 'none' },
    { operation: operation('get', '/environment', 'environment'), handler: 'environment', tableAccess: 'none', capabilities: ['signTokens'] },
  ],
  subscriptions: [{ eventTypes: ['ThingCreated', 'ThingRenamed'], handler: 'on-thing-created' }],
  internalOperations: [{ name: 'getThing', handler: 'lookup' }],
  schedules: [{ handler: 'tidy', every: { minutes: 1 }, tableAccess: 'read' }],
});
