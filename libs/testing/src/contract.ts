import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/** The subset of JSON Schema (2020-12) openapi.json's schemas use. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
}

/** openapi.json as tests read it: each operation, its parameters, its body and the answers it documents. */
export interface Parameter {
  in: 'path' | 'query' | 'header';
  name: string;
  required?: boolean;
  schema: JsonSchema;
}

export interface Operation {
  operationId: string;
  method: string;
  path: string;
  parameters: Parameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { content?: Record<string, { schema?: object }> }>;
  security?: unknown[];
}

interface OpenApiDocument {
  paths: Record<string, Record<string, Omit<Operation, 'method' | 'path'>>>;
  components: { schemas: Record<string, JsonSchema> };
}

const document = JSON.parse(readFileSync(fileURLToPath(new URL('../../../openapi/openapi.json', import.meta.url)), 'utf8')) as OpenApiDocument;

export const operations: Operation[] = Object.entries(document.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, operation]) => ({ ...operation, parameters: operation.parameters ?? [], method, path })),
);

export function operationById(operationId: string): Operation | undefined {
  return operations.find((operation) => operation.operationId === operationId);
}

/** `#/components/schemas/<Name>` → its schema. */
export function resolveSchema(ref: string): JsonSchema {
  const name = ref.replace('#/components/schemas/', '');
  const schema = document.components.schemas[name];
  if (!schema) throw new Error(`openapi.json has no schema ${ref}`);
  return schema;
}

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addSchema(document, 'openapi.json');
const validators = new Map<string, ValidateFunction>();
const pointer = (...parts: string[]) => parts.map((part) => part.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

export interface ObservedAnswer {
  status: number;
  contentType: string | null;
  body: unknown;
}

/**
 * What in an answer openapi.json does not document: its status, its content type, or its
 * body against the schema. Empty when it conforms.
 */
export function contractViolations(operation: Operation, answer: ObservedAnswer): string[] {
  const documented = operation.responses[String(answer.status)];
  if (!documented) return [`${operation.operationId} answered ${answer.status}, which openapi.json does not document`];
  const mediaType = answer.contentType?.split(';')[0]?.trim() ?? '';
  if (!documented.content) return answer.body === undefined || answer.body === '' ? [] : [`${answer.status} should have no body`];
  if (!documented.content[mediaType]?.schema) {
    return [`${operation.operationId} ${answer.status} answered ${mediaType}, documented: ${Object.keys(documented.content).join(', ')}`];
  }
  const ref = `openapi.json#/${pointer('paths', operation.path, operation.method, 'responses', String(answer.status), 'content', mediaType, 'schema')}`;
  let validate = validators.get(ref);
  if (!validate) {
    validate = ajv.compile({ $ref: ref });
    validators.set(ref, validate);
  }
  return validate(answer.body) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || '(body)'} ${error.message}`);
}
