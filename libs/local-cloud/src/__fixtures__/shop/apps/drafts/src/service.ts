import { defineOperation } from '@shoplane/contracts';
import { defineService } from '@shoplane/manifest';

/** A test-only service still being written: its manifest names handlers that have no file yet. */
export const service = defineService({
  name: 'drafts',
  table: { partitionKey: { name: 'PK', type: 'S' } },
  routes: [
    {
      operation: defineOperation({
        operationId: 'listDrafts',
        method: 'get',
        path: '/drafts',
        auth: 'user',
        tags: ['Drafts'],
        summary: 'listDrafts',
        responses: { 200: { description: 'OK' } },
        problems: [],
      }),
      handler: 'list-drafts',
    },
  ],
  subscriptions: [{ eventTypes: ['ThingCreated'], handler: 'on-thing-created' }],
});
