import { describe, expect, it } from 'vitest';
import { allOperations } from './index.js';
import { buildOpenApiDocument } from './openapi.js';

type JsonSchema = { [keyword: string]: unknown };

type OperationObject = {
  operationId: string;
  security: unknown[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { content?: Record<string, unknown> }>;
  'x-codeSamples'?: Array<{ lang: string; label: string; source: string }>;
};

const document = buildOpenApiDocument(allOperations, { version: '1.0.0' });
const operations = Object.values(document.paths ?? {}).flatMap((item) => Object.values(item as Record<string, OperationObject>));

const componentSchemas = (document.components?.schemas ?? {}) as Record<string, JsonSchema>;

function resolved(schema: JsonSchema): JsonSchema {
  const reference = schema['$ref'];
  return typeof reference === 'string' ? (componentSchemas[reference.replace('#/components/schemas/', '')] ?? {}) : schema;
}

/** Where an object in the (request) schema lets unknown properties through, by JSON pointer-ish path. */
function openObjects(schema: JsonSchema, path = '', seen = new Set<JsonSchema>()): string[] {
  const target = resolved(schema);
  if (seen.has(target)) return [];
  seen.add(target);
  const here = target['type'] === 'object' && target['additionalProperties'] !== false ? [path || '(body)'] : [];
  const nested = Object.entries(target).flatMap(([keyword, value]): string[] => {
    if (keyword === 'properties' && value && typeof value === 'object') {
      return Object.entries(value as Record<string, JsonSchema>).flatMap(([name, property]) => openObjects(property, `${path}.${name}`, seen));
    }
    if (keyword === 'items' && value && typeof value === 'object') return openObjects(value as JsonSchema, `${path}.*`, seen);
    if (['anyOf', 'oneOf', 'allOf'].includes(keyword) && Array.isArray(value)) return value.flatMap((option: JsonSchema) => openObjects(option, path, seen));
    return [];
  });
  return [...here, ...nested];
}

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

  it('says additionalProperties: false for every object of every request body but the providers\' webhooks', () => {
    for (const contract of allOperations.filter((operation) => operation.request?.body)) {
      const documented = operations.find((operation) => operation.operationId === contract.operationId);
      const schema = documented?.requestBody?.content['application/json']?.schema;
      expect(schema, contract.operationId).toBeDefined();
      const open = openObjects(schema ?? {});
      if (contract.request?.providerPayload) expect(open, contract.operationId).toContain('(body)');
      else expect(open, contract.operationId).toEqual([]);
    }
  });

  it('lists the tags in the order a shopper meets them, the providers\' and admins\' last', () => {
    expect(document.tags?.map((tag) => tag.name)).toEqual(['users', 'products', 'carts', 'orders', 'payments', 'notifications', 'inventory', 'analytics']);
  });

  it('opens with a checkout guide', () => {
    expect(document.info.description).toContain('## Checkout flow');
    expect(document.info.description).toContain('Idempotency-Key');
  });

  it('gives every operation one TypeScript sample calling its method and path through @shoplane/api-client', () => {
    for (const contract of allOperations) {
      const documented = operations.find((operation) => operation.operationId === contract.operationId);
      expect(documented?.['x-codeSamples'], contract.operationId).toEqual([
        {
          lang: 'TypeScript',
          label: '@shoplane/api-client',
          source: expect.stringContaining(`await api.${contract.method.toUpperCase()}('${contract.path}'`),
        },
      ]);
    }
  });

  it('puts an Idempotency-Key in the sample of operations that require one, and a token in those that need auth', () => {
    const createOrder = operations.find((operation) => operation.operationId === 'createOrder');
    const login = operations.find((operation) => operation.operationId === 'loginUser');

    expect(createOrder?.['x-codeSamples']?.[0]?.source).toContain(`'Idempotency-Key': crypto.randomUUID()`);
    expect(createOrder?.['x-codeSamples']?.[0]?.source).toContain('token });');
    expect(login?.['x-codeSamples']?.[0]?.source).not.toContain('token });');
  });

  it('publishes the domain event schemas beside the API', () => {
    expect(Object.keys(document.components?.schemas ?? {})).toContain('UserRegisteredEvent');
  });
});
