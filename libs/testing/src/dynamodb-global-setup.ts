/**
 * Vitest global setup: one in-memory Amazon DynamoDB Local for a project's whole
 * test run. Test files read its endpoint with `inject('dynamoDbEndpoint')` and
 * create their own uniquely named tables.
 */
import { startDynamoDbLocal } from '@shoplane/local-cloud';
import type { TestProject } from 'vitest/node';
import './store.js';

export default async function setup(project: TestProject) {
  const store = await startDynamoDbLocal();
  project.provide('dynamoDbEndpoint', store.endpoint);
  return async () => {
    await store.stop();
  };
}
