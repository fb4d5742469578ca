import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { isCorrelationId, type HttpOperation } from '@shoplane/contracts';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type * as z from 'zod/mini';
import {
  BadRequestError,
  ForbiddenError,
  HttpError,
  NotFoundError,
  UnauthorizedError,
  UnsupportedMediaTypeError,
  ValidationError,
} from './errors.js';
import { idempotencyScope, requestFingerprint, type IdempotencyStore } from './idempotency.js';
import { newId } from './ids.js';
import { instrumented } from './instrumentation.js';
import type { Logger } from './logger.js';
import { toProblemResponse } from './problem.js';
import type { ProblemTable } from './problems.js';
// Types only: the verifier itself comes from the handler (platformTokenVerifier), so public handlers carry no key-reading code.
import type { Caller, TokenVerifier } from './tokens.js';
import { validateInput } from './validation.js';

type RequestPart<Op extends HttpOperation, K extends 'body' | 'params' | 'query'> =
  Op['request'] extends { [P in K]: infer S extends z.ZodMiniType } ? z.output<S> : undefined;

export interface HttpRequest<Op extends HttpOperation> {
  body: RequestPart<Op, 'body'>;
  params: RequestPart<Op, 'params'>;
  query: RequestPart<Op, 'query'>;
  /** Present on every operation that is not public. */
  caller: Op['auth'] extends 'public' ? undefined : Caller;
  correlationId: string;
  idempotencyKey?: string;
  logger: Logger;
  event: APIGatewayProxyEventV2;
}

export interface HttpResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

interface CommonHttpHandlerOptions {
  logger: Logger;
  /** The service's one domain-error → problem table (`src/problems.ts`). */
  problems: ProblemTable;
  /** Required by operations that honour `Idempotency-Key`; answers are replayed from it. */
  idempotency?: () => IdempotencyStore;
  /** Status of a replayed answer when it is not the first one's: a replayed 201 is a 200, nothing new was created. */
  replayStatus?: number;
}

/**
 * An operation that is not public needs a token verifier (in production
 * `platformTokenVerifier`, tests pass their own); a public one takes none.
 */
export type HttpHandlerOptions<Op extends HttpOperation = HttpOperation> = CommonHttpHandlerOptions &
  (Op['auth'] extends 'public' ? { verifier?: undefined } : { verifier: () => TokenVerifier });

export type HttpLambdaHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

const idempotencyKeyPattern = /^[A-Za-z0-9._:-]{8,128}$/;

function header(event: APIGatewayProxyEventV2, name: string): string | undefined {
  return event.headers?.[name] ?? undefined;
}

function correlationIdOf(event: APIGatewayProxyEventV2): string {
  const supplied = header(event, 'x-correlation-id');
  if (isCorrelationId(supplied)) return supplied;
  return event.requestContext?.requestId || newId('req');
}

function parseJsonBody(event: APIGatewayProxyEventV2): unknown {
  const raw = event.body ? (event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body) : '';
  if (raw.trim() === '') return undefined;
  const contentType = header(event, 'content-type') ?? '';
  if (!/^application\/([a-z.+-]*\+)?json\b/i.test(contentType)) throw new UnsupportedMediaTypeError();
  try {
    return JSON.parse(raw) as unknown;
  } catch (cause) {
    throw new BadRequestError('The body is not valid JSON.', 'malformed-json', { cause });
  }
}

/** `verifier` is absent exactly when the operation is public (httpHandler checks that at cold start). */
async function authenticate(operation: HttpOperation, event: APIGatewayProxyEventV2, verifier: (() => TokenVerifier) | undefined) {
  if (!verifier) return undefined;
  const authorization = header(event, 'authorization') ?? '';
  // The scheme name is case-insensitive (RFC 7235 §2.1).
  const match = /^Bearer +([A-Za-z0-9_\-.]+)$/i.exec(authorization.trim());
  if (!match?.[1]) throw new UnauthorizedError();
  const caller = await verifier().verify(match[1]);
  if (operation.auth === 'admin' && caller.role !== 'admin') throw new ForbiddenError('This operation is for administrators.');
  return caller;
}

function validate(schema: z.ZodMiniType | undefined, input: unknown, prefix?: string): unknown {
  if (!schema) return undefined;
  const result = validateInput(schema, input, prefix);
  if (!result.success) throw new ValidationError(result.errors);
  return result.data;
}

function parseRequest(operation: HttpOperation, event: APIGatewayProxyEventV2) {
  const spec = operation.request;
  const params = spec?.params ? spec.params.safeParse(event.pathParameters ?? {}) : undefined;
  // A malformed id names nothing that can exist.
  if (params && !params.success) throw new NotFoundError('No such resource.');
  const query = validate(spec?.query, event.queryStringParameters ?? {}, 'query');
  const body = spec?.body ? validate(spec.body, parseJsonBody(event)) : undefined;
  let idempotencyKey: string | undefined;
  if (spec?.idempotencyKey) {
    idempotencyKey = header(event, 'idempotency-key');
    if (idempotencyKey === undefined && spec.idempotencyKey === 'required') {
      throw new ValidationError([{ path: 'headers.idempotency-key', message: 'is required' }]);
    }
    if (idempotencyKey !== undefined && !idempotencyKeyPattern.test(idempotencyKey)) {
      throw new ValidationError([{ path: 'headers.idempotency-key', message: 'must be 8 to 128 letters, digits or ._:-' }]);
    }
  }
  return { params: params?.data, query, body, idempotencyKey };
}

async function runOnce(
  store: IdempotencyStore,
  key: string,
  fingerprint: string,
  run: () => Promise<HttpResult>,
  replayStatus?: number,
): Promise<HttpResult> {
  const start = await store.start(key, fingerprint);
  if (start.state === 'replay') {
    const { response } = start;
    return { ...response, status: replayStatus ?? response.status, headers: { ...response.headers, 'idempotent-replayed': 'true' } };
  }
  try {
    const result = await run();
    await store.complete(key, result);
    return result;
  } catch (error) {
    await store.abandon(key);
    throw error;
  }
}

/** Answers about a caller are theirs alone: no shared cache may keep them unless the operation says otherwise. */
function defaultHeaders(operation: HttpOperation): Record<string, string> {
  return { 'x-content-type-options': 'nosniff', ...(operation.auth === 'public' ? {} : { 'cache-control': 'private, no-store' }) };
}

function jsonResponse(operation: HttpOperation, result: HttpResult, correlationId: string): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: result.status,
    headers: {
      ...defaultHeaders(operation),
      ...(result.body === undefined ? {} : { 'content-type': 'application/json' }),
      'x-correlation-id': correlationId,
      ...result.headers,
    },
    body: result.body === undefined ? '' : JSON.stringify(result.body),
  };
}

/**
 * Wraps a use case as an API Gateway (HTTP API v2) Lambda handler: correlation id,
 * authentication at the operation's level, validation against the contract's
 * schemas (422 with field paths), and every error rendered as problem+json.
 */
export function httpHandler<const Op extends HttpOperation>(
  operation: Op,
  options: HttpHandlerOptions<Op>,
  implementation: (request: HttpRequest<Op>) => Promise<HttpResult>,
): HttpLambdaHandler {
  const { logger, problems } = options;
  const verifier = operation.auth === 'public' ? undefined : options.verifier;
  if (operation.auth !== 'public' && !verifier) throw new Error(`${operation.operationId} is not public: its handler must pass a token verifier`);

  async function handle(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
    const correlationId = correlationIdOf(event);
    logger.appendKeys({ correlationId, operationId: operation.operationId });
    try {
      const caller = await authenticate(operation, event, verifier);
      if (caller) logger.appendKeys({ userId: caller.userId });
      const parsed = parseRequest(operation, event);
      const request = { ...parsed, caller, correlationId, logger, event } as HttpRequest<Op>;
      if (!parsed.idempotencyKey) return jsonResponse(operation, await implementation(request), correlationId);
      if (!options.idempotency) throw new Error(`${operation.operationId} honours Idempotency-Key but has no idempotency store`);
      const key = idempotencyScope({ operationId: operation.operationId, callerId: caller?.userId, params: parsed.params, key: parsed.idempotencyKey });
      const fingerprint = requestFingerprint({ params: parsed.params, query: parsed.query, body: parsed.body });
      return jsonResponse(operation, await runOnce(options.idempotency(), key, fingerprint, () => implementation(request), options.replayStatus), correlationId);
    } catch (thrown) {
      const error = problems.toHttpError(thrown);
      if (error instanceof HttpError && error.status < 500) {
        logger.info('request refused', { status: error.status, problemType: error.problemType, reason: error.cause instanceof Error ? error.cause.message : undefined });
      } else {
        logger.error('request failed', error instanceof Error ? error : String(error));
      }
      const problem = toProblemResponse(error, { correlationId, instance: event.rawPath });
      return { ...problem, headers: { ...defaultHeaders(operation), ...problem.headers } };
    }
  }

  return instrumented(logger, handle, [injectLambdaContext(logger, { resetKeys: true })]);
}
