import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ensureTable, localCredentials, localRegion } from '@shoplane/local-cloud';
import type { ServiceManifest } from '@shoplane/manifest';
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoDbEndpoint: string;
  }
}

/** Endpoint of the DynamoDB Local that the project's global setup started. */
export function localStoreEndpoint(): string {
  return inject('dynamoDbEndpoint');
}

export interface TestTable {
  name: string;
  client: DynamoDBClient;
  documents: DynamoDBDocumentClient;
}

/** A client for DynamoDB Local that fails fast: retries would hide errors in tests. */
export function localDynamoDbClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({ endpoint, region: localRegion, credentials: localCredentials, maxAttempts: 1 });
}

/** Creates the service's table under a fresh name, so test files never share data. */
export async function createTestTable(endpoint: string, manifest: ServiceManifest): Promise<TestTable> {
  const client = localDynamoDbClient(endpoint);
  const name = `test-${manifest.name}-${randomUUID().slice(0, 8)}`;
  await ensureTable(client, name, manifest.table);
  const documents = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  return { name, client, documents };
}
