import { sampleValue, type JsonSchema, type SchemaLookup } from './sample-values.js';

/**
 * The `x-codeSamples` of every operation: a TypeScript call through `@shoplane/api-client`,
 * written from the operation's method, path, parameters and body as they are in the
 * generated document (so a sample always names what the contract declares; a test
 * type-checks every one against the generated client).
 */
export interface CodeSample {
  lang: 'TypeScript';
  label: '@shoplane/api-client';
  source: string;
}

interface ParameterObject {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  required?: boolean;
  schema?: JsonSchema;
}

export interface SampledOperation {
  method: string;
  path: string;
  security?: unknown[];
  parameters?: ParameterObject[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema; example?: unknown }> };
}

const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

// Room left for the key and the call around a literal on one line.
const inlineWidth = 80;

const key = (name: string) => (identifier.test(name) ? name : `'${name}'`);

/** A TypeScript literal of a JSON value: on one line where it fits, else one property a line, as Prettier would. */
function literal(value: unknown, indent: string, mayInline = true): string {
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[${value.map((item) => literal(item, indent)).join(', ')}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    const inline = `{ ${entries.map(([name, item]) => `${key(name)}: ${literal(item, indent)}`).join(', ')} }`;
    if (mayInline && !inline.includes('\n') && indent.length + inline.length <= inlineWidth) return inline;
    const inner = `${indent}  `;
    const lines = entries.map(([name, item]) => `${inner}${key(name)}: ${literal(item, inner)},`);
    return `{\n${lines.join('\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

function parameterValues(operation: SampledOperation, location: ParameterObject['in'], lookup: SchemaLookup): Record<string, unknown> | undefined {
  const parameters = (operation.parameters ?? []).filter((parameter) => parameter.in === location);
  // Required parameters always; optional ones where the contract gives an example worth showing.
  const shown = parameters.filter((parameter) => parameter.required || Array.isArray(parameter.schema?.['examples']));
  if (shown.length === 0) return undefined;
  return Object.fromEntries(shown.map((parameter) => [parameter.name, parameter.schema ? sampleValue(parameter.schema, lookup) : 'example']));
}

const idempotencyKeyCall = 'crypto.randomUUID()';

function optionsLiteral(operation: SampledOperation, lookup: SchemaLookup): string | undefined {
  const params: Record<string, unknown> = {};
  const path = parameterValues(operation, 'path', lookup);
  const query = parameterValues(operation, 'query', lookup);
  const header = parameterValues(operation, 'header', lookup);
  if (path) params['path'] = path;
  if (query) params['query'] = query;
  if (header) params['header'] = Object.fromEntries(Object.keys(header).map((name) => [name, idempotencyKeyCall]));
  const bodySchema = operation.requestBody?.content?.['application/json']?.schema;
  const options: Record<string, unknown> = {};
  if (Object.keys(params).length > 0) options['params'] = params;
  if (bodySchema) options['body'] = sampleValue(bodySchema, lookup);
  if (Object.keys(options).length === 0) return undefined;
  // The header value is a call, not a string: written as a placeholder, then swapped in.
  return literal(options, '', false).replace(`'${idempotencyKeyCall}'`, idempotencyKeyCall);
}

export function codeSample(operation: SampledOperation, lookup: SchemaLookup): CodeSample {
  const authenticated = (operation.security ?? []).length > 0;
  const client = authenticated
    ? `// The token from POST /users/login, sent as Authorization: Bearer <token>.\n` +
      `const token = () => sessionStorage.getItem('shoplane.token') ?? undefined;\n` +
      `const api = createShoplaneClient({ baseUrl: 'http://localhost:3000', token });`
    : `const api = createShoplaneClient({ baseUrl: 'http://localhost:3000' });`;
  const options = optionsLiteral(operation, lookup);
  const call = `api.${operation.method.toUpperCase()}('${operation.path}'${options ? `, ${options}` : ''})`;
  const source = [
    `import { createShoplaneClient } from '@shoplane/api-client';`,
    '',
    client,
    '',
    `const { data, error } = await ${call};`,
    `// error is the problem+json body (RFC 9457) of any non-2xx answer.`,
    'if (error) throw new Error(`${error.status} ${error.title}: ${error.detail ?? \'\'}`);',
    'console.log(data);',
    '',
  ].join('\n');
  return { lang: 'TypeScript', label: '@shoplane/api-client', source };
}
