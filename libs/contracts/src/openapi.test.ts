import { describe, expect, it } from 'vitest';
import { allOperations } from './index.js';
import { buildOpenApiDocument } from './openapi.js';

type OperationObject = {
  operationId: string;
  security: unknown[];
  responses: Record<string, { content?: Record<string, unknown> }>;
};

const document = buildOpenApiDocument(allOperations, { version: '1.0.0' });
const operations = Object.values(document.paths ?? {}).flatMap((item) => Object.values(item as Record<string, OperationObject>));

describe('the OpenAPI document built from the contracts', () => {
  it('is OpenAPI 3.1 and lists every operation once', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(operations.map((operation) => operation.operationId).sort()).toEqual(allOperations.map((operation) => operation.operationId).sort());
  });

  it('declares bearer auth on protected operations and none on public ones', () => {
    for (const contract of allOperations) {
      const documented = operations.find((operation) => operation.operationId === contract.operationId);
      expect(documented?.security, contract.operationId).toEqual(contract.auth === 'public' ? [] : [{ bearerAuth: [] }]);
    }
  });

  it('documents errors as application/problem+json, including 401 for protected and 422 for operations with a body', () => {
    for (const contract of allOperations) {
      const documented = operations.find((operation) => operation.operationId === contract.operationId);
      const problemStatuses = Object.entries(documented?.responses ?? {})
        .filter(([, response]) => response.content?.['application/problem+json'])
        .map(([status]) => status);
      expect(problemStatuses).toContain('500');
      if (contract.auth !== 'public') expect(problemStatuses).toContain('401');
      if (contract.request?.body) expect(problemStatuses).toContain('422');
    }
  });

  it('publishes the domain event schemas beside the API', () => {
    expect(Object.keys(document.components?.schemas ?? {})).toContain('UserRegisteredEvent');
  });
});
