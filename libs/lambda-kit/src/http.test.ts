import { defineOperation, DomainError } from '@shoplane/contracts';
import { admin, apiEvent, customer, generateTestKeys, invoke, testTokenSettings } from '@shoplane/testing';
import { describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { ConflictError } from './errors.js';
import { httpHandler, type HttpRequest } from './http.js';
import type { IdempotencyStore } from './idempotency.js';
import { createLogger } from './logger.js';
import { defaultProblems, defineProblems, problem } from './problems.js';
import { createTokenSigner, createTokenVerifier } from './tokens.js';

const keys = generateTestKeys();
const signer = createTokenSigner(keys, testTokenSettings);
const verifier = () => createTokenVerifier(keys, testTokenSettings);
const logger = createLogger('lambda-kit-test');

const renameWidget = defineOperation({
  operationId: 'renameWidget',
  method: 'put',
  path: '/widgets/{widgetId}',
  auth: 'admin',
  tags: ['widgets'],
  summary: 'test operation',
  request: {
    params: z.object({ widgetId: z.string().check(z.regex(/^wdg_\d+$/)) }),
    query: z.object({ dryRun: z.optional(z.enum(['true', 'false'])) }),
    body: z.object({ name: z.string().check(z.minLength(2)), size: z.int().check(z.minimum(1)) }),
    idempotencyKey: true,
  },
  responses: { 200: { description: 'renamed' } },
  problems: [404, 409],
});

const inMemoryIdempotency: IdempotencyStore = {
  start: async () => ({ state: 'new' }),
  complete: async () => undefined,
  abandon: async () => undefined,
};

const seen: HttpRequest<typeof renameWidget>[] = [];
const rename = httpHandler(renameWidget, { logger, problems: defaultProblems, verifier, idempotency: () => inMemoryIdempotency }, async (request) => {
  seen.push(request);
  if (request.body.name === 'taken') throw new ConflictError('That name is taken.', 'name-taken');
  if (request.body.name === 'boom') throw new Error('database password is hunter2');
  return { status: 200, body: { widgetId: request.params.widgetId, name: request.body.name } };
});

const adminToken = async () => (await signer.sign(admin)).token;
const call = async (input: Parameters<typeof apiEvent>[1]) => invoke(rename, apiEvent(renameWidget, input));
const validInput = async () => ({ token: await adminToken(), pathParameters: { widgetId: 'wdg_1' }, body: { name: 'Sprocket', size: 3 } });

describe('httpHandler', () => {
  it('hands the use case typed, validated input and the caller from the token', async () => {
    const response = await call({ ...(await validInput()), query: { dryRun: 'true' }, headers: { 'idempotency-key': 'retry-key-0001' } });

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ widgetId: 'wdg_1', name: 'Sprocket' });
    const request = seen.at(-1);
    expect(request?.caller).toEqual(admin);
    expect(request?.query).toEqual({ dryRun: 'true' });
    expect(request?.idempotencyKey).toBe('retry-key-0001');
  });

  it('answers 403 to a customer on an admin operation, before reading the body', async () => {
    const before = seen.length;
    const response = await call({ ...(await validInput()), token: (await signer.sign(customer)).token, body: { name: 1 } });

    expect(response.status).toBe(403);
    expect(seen).toHaveLength(before);
  });

  it('answers 401 without a token', async () => {
    const response = await call({ ...(await validInput()), token: undefined });

    expect(response.status).toBe(401);
  });

  it('answers 404 for a path parameter that cannot name a resource', async () => {
    const response = await call({ ...(await validInput()), pathParameters: { widgetId: '../etc/passwd' } });

    expect(response.status).toBe(404);
  });

  it('answers 422 with the path of every invalid field, in query and body', async () => {
    const response = await call({ ...(await validInput()), query: { dryRun: 'maybe' }, body: { name: 'x', size: 1.5 } });

    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({
      type: 'https://shoplane.dev/problems/validation-failed',
      errors: [{ path: 'query.dryRun', message: 'must be one of: "true", "false"' }],
    });
    const bodyOnly = await call({ ...(await validInput()), body: { name: 'x', size: 1.5 } });
    expect((bodyOnly.body as { errors: unknown }).errors).toEqual([
      { path: 'name', message: 'must have at least 2 characters' },
      { path: 'size', message: 'must be an integer' },
    ]);
  });

  it('answers 422 for an Idempotency-Key that is too short', async () => {
    const response = await call({ ...(await validInput()), headers: { 'idempotency-key': 'x' } });

    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ errors: [{ path: 'headers.idempotency-key' }] });
  });

  it('renders a domain error as its problem', async () => {
    const response = await call({ ...(await validInput()), body: { name: 'taken', size: 1 } });

    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ type: 'https://shoplane.dev/problems/name-taken', title: 'Conflict', detail: 'That name is taken.', instance: '/widgets/wdg_1' });
  });

  it('turns an unexpected error into a generic 500 that leaks nothing', async () => {
    const response = await call({ ...(await validInput()), body: { name: 'boom', size: 1 } });

    expect(response.status).toBe(500);
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(JSON.stringify(response.body)).not.toContain('hunter2');
    expect(response.body).toMatchObject({ type: 'https://shoplane.dev/problems/internal-error', correlationId: expect.any(String) });
  });

  it('reads a base64-encoded body as API Gateway sends binary-safe payloads', async () => {
    const event = apiEvent(renameWidget, await validInput());
    event.body = Buffer.from(JSON.stringify({ name: 'Encoded', size: 2 })).toString('base64');
    event.isBase64Encoded = true;

    const response = await invoke(rename, event);

    expect(response.body).toEqual({ widgetId: 'wdg_1', name: 'Encoded' });
  });

  it('marks answers to authenticated operations private and never sniffable, problems included', async () => {
    const ok = await call(await validInput());
    const refused = await call({ ...(await validInput()), token: undefined });

    for (const response of [ok, refused]) {
      expect(response.headers['cache-control']).toBe('private, no-store');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('keeps a caller\'s base64 request id as correlation id', async () => {
    const response = await call({ ...(await validInput()), headers: { 'x-correlation-id': 'chQ8zsn65jzI8g=' } });

    expect(response.headers['x-correlation-id']).toBe('chQ8zsn65jzI8g=');
  });

  it('ignores a correlation id that is not a safe token and uses the request id instead', async () => {
    const event = apiEvent(renameWidget, { ...(await validInput()), headers: { 'x-correlation-id': 'bad id\nwith newline' } });

    const response = await invoke(rename, event);

    expect(response.headers['x-correlation-id']).toBe(event.requestContext.requestId);
  });
});

class WidgetTooLargeError extends DomainError {
  constructor() {
    super('widget-too-large', 'This widget is too large to show.', { violations: [{ path: 'query.size', message: 'must be at most 3' }] });
  }
}

class UnansweredError extends DomainError {
  constructor() {
    super('unanswered', 'No table row answers this.');
  }
}

const describeWidget = defineOperation({
  operationId: 'describeWidget',
  method: 'get',
  path: '/widgets',
  auth: 'public',
  tags: ['widgets'],
  summary: 'test operation',
  request: { query: z.object({ size: z.optional(z.enum(['1', '9', 'x'])) }) },
  responses: { 200: { description: 'described' } },
  problems: [422],
});

describe('httpHandler with a problem table', () => {
  const problems = defineProblems(problem(WidgetTooLargeError, { status: 422, headers: { 'x-widget-limit': '3' } }));
  const describeIt = httpHandler(describeWidget, { logger, problems }, async ({ query }) => {
    if (query.size === '9') throw new WidgetTooLargeError();
    if (query.size === 'x') throw new UnansweredError();
    return { status: 200, body: { size: query.size } };
  });
  const ask = (size: string) => invoke(describeIt, apiEvent(describeWidget, { query: { size } }));

  it('answers a mapped domain error as its problem, with field errors and the rule\'s headers', async () => {
    const response = await ask('9');

    expect(response.status).toBe(422);
    expect(response.headers['x-widget-limit']).toBe('3');
    expect(response.body).toMatchObject({
      type: 'https://shoplane.dev/problems/widget-too-large',
      detail: 'This widget is too large to show.',
      errors: [{ path: 'query.size', message: 'must be at most 3' }],
    });
  });

  it('answers an unmapped domain error with a generic 500 and logs it as a failure', async () => {
    const logged = vi.spyOn(logger, 'error');

    const response = await ask('x');

    expect(response.status).toBe(500);
    expect(response.body).toMatchObject({ type: 'https://shoplane.dev/problems/internal-error' });
    expect(logged).toHaveBeenCalledWith('request failed', expect.any(UnansweredError));
    logged.mockRestore();
  });

  it('serves a public operation without any token verifier', async () => {
    const response = await ask('1');

    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBeUndefined();
  });

  it('refuses at cold start to serve an operation that is not public without a verifier', () => {
    const unverified = { logger, problems } as Parameters<typeof httpHandler<typeof renameWidget>>[1];

    expect(() => httpHandler(renameWidget, unverified, async () => ({ status: 200 }))).toThrow(/renameWidget is not public/);
  });
});
