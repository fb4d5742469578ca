import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { tableNameVariable } from '@shoplane/manifest';
import { requireEnv } from './config.js';

/** One client per container; the endpoint comes from AWS_ENDPOINT_URL_DYNAMODB locally. */
export function createDocumentClient(client = new DynamoDBClient({})): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}

export function serviceTableName(service: string, env: NodeJS.ProcessEnv = process.env): string {
  return requireEnv(tableNameVariable(service), env);
}

export interface CancellationReason {
  Code?: string;
}

/** Reasons DynamoDB gives for a cancelled transaction, one per item, in request order. */
export function cancellationReasons(error: unknown): CancellationReason[] | undefined {
  if (error && typeof error === 'object' && 'name' in error && error.name === 'TransactionCanceledException') {
    const reasons = (error as { CancellationReasons?: CancellationReason[] }).CancellationReasons;
    return reasons ?? [];
  }
  return undefined;
}

export function isConditionalCheckFailure(error: unknown): boolean {
  return !!error && typeof error === 'object' && 'name' in error && error.name === 'ConditionalCheckFailedException';
}
