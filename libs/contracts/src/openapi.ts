import * as z from 'zod/mini';
import {
  createDocument,
  type ZodOpenApiOperationObject,
  type ZodOpenApiPathsObject,
  type ZodOpenApiResponseObject,
} from 'zod-openapi';
import type { HttpOperation } from './http.js';
import { Problem, problemTitles } from './problem.js';
import { analyticsMessages } from './analytics.js';
import { domainEvents } from './events.js';
import { codeSample, type SampledOperation } from './code-samples.js';
import { apiGuide } from './guide.js';
import { sampleValue, type JsonSchema } from './sample-values.js';

export interface DocumentInfo {
  version: string;
}

/** Tags in the order a shopper meets them, then the providers' and the admins' operations. */
const tagDescriptions: Array<[name: string, description: string]> = [
  ['users', 'Accounts, login and the bearer tokens every other service accepts.'],
  ['products', 'The catalogue: admins create and change products; anyone can browse.'],
  ['carts', 'The caller\'s shopping cart, always priced from the catalogue.'],
  ['orders', 'The caller\'s orders: placed from the cart or a list of items at the catalogue\'s prices, then paid through checkout.'],
  ['payments', 'Provider webhooks (Stripe, Razorpay): signed by the provider, verified over the raw body, idempotent.'],
  ['notifications', 'Messages the shop sent the caller (e-mail, SMS), kept as records.'],
  ['inventory', 'Stock records, kept by inventory from `ProductCreated` and changed only by conditional writes.'],
  ['analytics', 'Admin reports: the event log and the numbers the shop runs on, kept by analytics from every service\'s events.'],
];

function documentTags(operations: HttpOperation[]) {
  const used = new Set(operations.flatMap((operation) => operation.tags));
  const known = tagDescriptions.filter(([name]) => used.delete(name));
  const others = [...used].sort().map((name): [string, string] => [name, `Operations of the ${name} service.`]);
  return [...known, ...others].map(([name, description]) => ({ name, description }));
}

const idempotencyKeyHeader = z
  .string()
  .check(z.minLength(8), z.maxLength(128))
  .register(z.globalRegistry, {
    description: 'Client-chosen key; a retried request with the same key and body is answered once.',
  });

function problemResponse(status: number) {
  return {
    description: problemTitles[status] ?? 'Error',
    content: { 'application/problem+json': { schema: Problem } },
  };
}

function toOperationObject(operation: HttpOperation): ZodOpenApiOperationObject {
  const responses: Record<`${number}`, ZodOpenApiResponseObject> = {};
  for (const [status, response] of Object.entries(operation.responses)) {
    responses[status as `${number}`] = response.schema
      ? { description: response.description, content: { 'application/json': { schema: response.schema } } }
      : { description: response.description };
  }
  const problems = new Set(operation.problems);
  if (operation.auth !== 'public') problems.add(401);
  if (operation.auth === 'admin') problems.add(403);
  // A body that is not JSON (400), not sent as JSON (415) or not as the schema says (422): every operation with a body can answer each.
  if (operation.request?.body) for (const status of [400, 415, 422]) problems.add(status);
  for (const status of [...problems].sort()) responses[`${status}`] = problemResponse(status);
  responses['500'] = problemResponse(500);

  const request = operation.request;
  return {
    operationId: operation.operationId,
    summary: operation.summary,
    description: operation.description,
    tags: operation.tags,
    security: operation.auth === 'public' ? [] : [{ bearerAuth: [] }],
    requestParams: Object.fromEntries(
      Object.entries({
        path: request?.params,
        query: request?.query,
        header: request?.idempotencyKey
          ? z.object({ 'Idempotency-Key': request.idempotencyKey === 'required' ? idempotencyKeyHeader : z.optional(idempotencyKeyHeader) })
          : undefined,
      }).filter(([, schema]) => schema !== undefined),
    ),
    requestBody: request?.body
      ? { required: true, content: { 'application/json': { schema: request.body } } }
      : undefined,
    responses,
  };
}

/** Builds the OpenAPI 3.1 document from the operations and the event catalogue. */
export function buildOpenApiDocument(operations: HttpOperation[], info: DocumentInfo) {
  const paths: ZodOpenApiPathsObject = {};
  for (const operation of operations) {
    const item = (paths[operation.path] ??= {});
    item[operation.method] = toOperationObject(operation);
  }
  const document = createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Shoplane API',
      version: info.version,
      description: apiGuide,
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [
      { url: '/', description: 'Same origin: the local runtime (`npm start`) serves the API beside these docs' },
      {
        url: 'https://{apiId}.execute-api.{region}.amazonaws.com',
        description: 'A deployed stage (SSM /shoplane/<stage>/platform/http-api-url)',
        variables: { apiId: { default: 'your-api-id' }, region: { default: 'us-east-1' } },
      },
    ],
    tags: documentTags(operations),
    paths,
    components: {
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { Problem, ...Object.fromEntries(Object.entries(domainEvents)), ...analyticsMessages },
    },
  });
  return withSamples(document);
}

interface MediaType {
  schema?: JsonSchema;
  example?: unknown;
}

function withExample(content: Record<string, MediaType> | undefined, example: (schema: JsonSchema) => unknown): void {
  const media = content?.['application/json'];
  if (media?.schema) media.example = example(media.schema);
}

/**
 * Adds each operation's TypeScript sample (`x-codeSamples`, which Scalar and Redoc show) and a
 * JSON example for its request and response bodies, built from the schemas' own examples:
 * Scalar's generated examples leave `$ref`s inside array items as `null`.
 */
function withSamples<T extends { paths?: object; components?: { schemas?: object } }>(document: T): T {
  const schemas = (document.components?.schemas ?? {}) as Record<string, JsonSchema>;
  const lookup = (reference: string) => schemas[reference.replace('#/components/schemas/', '')];
  type Operation = SampledOperation & { responses?: Record<string, { content?: Record<string, MediaType> }> };
  for (const [path, item] of Object.entries(document.paths ?? {}) as Array<[string, Record<string, Operation>]>) {
    for (const [method, operation] of Object.entries(item)) {
      withExample(operation.requestBody?.content, (schema) => sampleValue(schema, lookup));
      for (const response of Object.values(operation.responses ?? {})) withExample(response.content, (schema) => sampleValue(schema, lookup, 'all'));
      Object.assign(operation, { 'x-codeSamples': [codeSample({ ...operation, method, path }, lookup)] });
    }
  }
  return document;
}
