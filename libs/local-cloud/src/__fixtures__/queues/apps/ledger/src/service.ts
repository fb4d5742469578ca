import { defineService } from '@shoplane/manifest';

/** A test-only service owning a queue that another service sends to and the bus feeds. */
export const service = defineService({
  name: 'ledger',
  table: { partitionKey: { name: 'PK', type: 'S' } },
  routes: [],
  queues: [{ name: 'ingest', handler: 'take-entries', eventTypes: ['SaleRecorded'] }],
});
