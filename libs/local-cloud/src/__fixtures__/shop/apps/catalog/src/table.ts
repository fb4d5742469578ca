import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { tableNameVariable } from '@shoplane/manifest';

/** Plain default clients, as a service's adapters build them: the endpoint comes from the environment alone. */
export const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));

export function catalogTable(): string {
  const name = process.env[tableNameVariable('catalog')];
  if (!name) throw new Error(`${tableNameVariable('catalog')} is not set`);
  return name;
}
