import { contractViolations as violationsOf, operationById } from '@shoplane/testing/contract';

export interface ObservedResponse {
  operationId: string;
  status: number;
  contentType: string | null;
  body: unknown;
}

/**
 * Checks an API answer against openapi.json: the operation must document the
 * status with the content type received, and the body must match its schema.
 * Returns the problems found (empty when it conforms).
 */
export function contractViolations(response: ObservedResponse): string[] {
  const operation = operationById(response.operationId);
  if (!operation) return [`operation ${response.operationId} is not in openapi.json`];
  return violationsOf(operation, response);
}
