import { defineOperation, type HttpOperation } from '@shoplane/contracts';
import { defineService } from '@shoplane/manifest';

const operation = (path: string, operationId: string): HttpOperation =>
  defineOperation({ operationId, method: 'post', path, auth: 'public', tags: ['Sales'], summary: operationId, responses: { 200: { description: 'OK' } }, problems: [] });

/** A test-only service: one route may send to the ledger's queue, the other does not declare it. */
export const service = defineService({
  name: 'till',
  table: { partitionKey: { name: 'PK', type: 'S' } },
  routes: [
    { operation: operation('/sales', 'recordSale'), handler: 'record-sale', tableAccess: 'none', sendsTo: ['ledger.ingest'] },
    { operation: operation('/sneaky-sales', 'sneakSale'), handler: 'sneak-sale', tableAccess: 'none' },
  ],
});
