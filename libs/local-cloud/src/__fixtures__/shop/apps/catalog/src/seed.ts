import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { catalogTable, documents } from './table.js';

/** Idempotent: the same item every time. */
export async function seed(): Promise<string[]> {
  await documents.send(new PutCommand({ TableName: catalogTable(), Item: { PK: 'THING#thg_seeded', SK: 'THING', thingId: 'thg_seeded', name: 'Seeded thing' } }));
  return ['seeded thing: thg_seeded'];
}
