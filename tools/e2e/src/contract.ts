import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

interface ResponseObject {
  content?: Record<string, { schema?: object }>;
}
interface OperationObject {
  operationId: string;
  responses: Record<string, ResponseObject>;
}
type OpenApiDocument = { paths: Record<string, Record<string, OperationObject>> };

const documentPath = fileURLToPath(new URL('../../../openapi/openapi.json', import.meta.url));
const document = JSON.parse(readFileSync(documentPath, 'utf8')) as OpenApiDocument;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addSchema(document, 'openapi.json');
const validators = new Map<string, ValidateFunction>();

const pointer = (...parts: string[]) => parts.map((part) => part.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

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
  const entry = Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({ path, method, operation })),
  ).find(({ operation }) => operation.operationId === response.operationId);
  if (!entry) return [`operation ${response.operationId} is not in openapi.json`];
  const documented = entry.operation.responses[String(response.status)];
  if (!documented) return [`${response.operationId} answered ${response.status}, which openapi.json does not document`];
  const mediaType = response.contentType?.split(';')[0]?.trim() ?? '';
  if (!documented.content) return response.body === undefined || response.body === '' ? [] : [`${response.status} should have no body`];
  if (!documented.content[mediaType]?.schema) return [`${response.operationId} ${response.status} answered ${mediaType}, documented: ${Object.keys(documented.content).join(', ')}`];
  const ref = `openapi.json#/${pointer('paths', entry.path, entry.method, 'responses', String(response.status), 'content', mediaType, 'schema')}`;
  let validate = validators.get(ref);
  if (!validate) {
    validate = ajv.compile({ $ref: ref });
    validators.set(ref, validate);
  }
  return validate(response.body) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || '(body)'} ${error.message}`);
}
