import { createShoplaneClient, type ShoplaneClient } from '@shoplane/api-client';
import { allOperations, routeKey } from '@shoplane/contracts';
import type { Middleware } from 'openapi-fetch';
import { contractViolations, type ObservedResponse } from './contract.js';

export interface RecordingClient {
  api: ShoplaneClient;
  /** Every answer seen, with what openapi.json says about it. */
  observed: (ObservedResponse & { violations: string[] })[];
  useToken(token: string | undefined): void;
}

/** The generated client, recording and contract-checking every response it receives. */
export function recordingClient(baseUrl: string): RecordingClient {
  let token: string | undefined;
  const observed: RecordingClient['observed'] = [];
  const api = createShoplaneClient({ baseUrl, token: () => token });
  const recorder: Middleware = {
    async onResponse({ response, schemaPath, request }) {
      const text = await response.clone().text();
      const body = text ? (JSON.parse(text) as unknown) : undefined;
      const operationId = operationIdOf(request.method, schemaPath);
      const answer = { operationId, status: response.status, contentType: response.headers.get('content-type'), body };
      observed.push({ ...answer, violations: contractViolations(answer) });
      return response;
    },
  };
  api.use(recorder);
  return { api, observed, useToken: (next) => (token = next) };
}

const operationIds = new Map(allOperations.map((operation) => [routeKey(operation), operation.operationId]));

function operationIdOf(method: string, schemaPath: string): string {
  return operationIds.get(`${method.toUpperCase()} ${schemaPath}`) ?? `${method} ${schemaPath}`;
}
