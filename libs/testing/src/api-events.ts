import { routeKey, type HttpOperation } from '@shoplane/contracts';
import { lambdaContext as localLambdaContext, newRequestId, toApiGatewayEvent } from '@shoplane/local-cloud';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';

export interface ApiEventInput {
  body?: unknown;
  /** Raw body text, for malformed-JSON cases; wins over `body`. */
  rawBody?: string;
  headers?: Record<string, string>;
  pathParameters?: Record<string, string>;
  query?: Record<string, string>;
  token?: string;
}

/**
 * An API Gateway HTTP API (v2) event for an operation, built by the local gateway's own
 * event builder: handler tests get exactly the event `npm start` (and AWS) delivers.
 */
export function apiEvent(operation: HttpOperation, input: ApiEventInput = {}): APIGatewayProxyEventV2 {
  const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(input.pathParameters?.[name] ?? ''));
  const query = new URLSearchParams(input.query ?? {}).toString();
  const body = input.rawBody ?? (input.body === undefined ? undefined : JSON.stringify(input.body));
  const headers: Record<string, string> = {
    ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    ...(input.token ? { authorization: `Bearer ${input.token}` } : {}),
    // Lower-cased first, so a test's header replaces the default rather than joining it.
    ...Object.fromEntries(Object.entries(input.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value])),
  };
  return toApiGatewayEvent(
    {
      method: operation.method,
      target: query ? `${path}?${query}` : path,
      rawHeaders: Object.entries(headers).flat(),
      httpVersion: '1.1',
      remoteAddress: '127.0.0.1',
      body: Buffer.from(body ?? '', 'utf8'),
    },
    { routeKey: routeKey(operation), pathParameters: input.pathParameters ?? {} },
    newRequestId(),
  );
}

export function lambdaContext(functionName = 'test-function'): Context {
  return localLambdaContext(functionName);
}

export interface ParsedResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** Calls an HTTP Lambda handler and parses its JSON answer. */
export async function invoke(
  handler: (event: APIGatewayProxyEventV2, context: Context) => Promise<{ statusCode?: number; headers?: Record<string, string | number | boolean>; body?: string }>,
  event: APIGatewayProxyEventV2,
): Promise<ParsedResponse> {
  const result = await handler(event, lambdaContext());
  const headers = Object.fromEntries(Object.entries(result.headers ?? {}).map(([k, v]) => [k, String(v)]));
  return { status: result.statusCode ?? 200, headers, body: result.body ? (JSON.parse(result.body) as unknown) : undefined };
}

/** The problem type slug of a problem+json body (`…/problems/cart-full` → `cart-full`), the error's stable code. */
export function problemTypeOf(body: unknown): string | undefined {
  const type = (body as { type?: unknown } | undefined)?.type;
  return typeof type === 'string' ? type.split('/').pop() : undefined;
}
