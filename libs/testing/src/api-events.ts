import type { HttpOperation } from '@shoplane/contracts';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { randomUUID } from 'node:crypto';

export interface ApiEventInput {
  body?: unknown;
  /** Raw body text, for malformed-JSON cases; wins over `body`. */
  rawBody?: string;
  headers?: Record<string, string>;
  pathParameters?: Record<string, string>;
  query?: Record<string, string>;
  token?: string;
}

/** An API Gateway HTTP API (v2) event for an operation, as AWS delivers it to the Lambda. */
export function apiEvent(operation: HttpOperation, input: ApiEventInput = {}): APIGatewayProxyEventV2 {
  const rawPath = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(input.pathParameters?.[name] ?? ''));
  const hasBody = input.rawBody !== undefined || input.body !== undefined;
  const headers: Record<string, string> = {
    ...(hasBody ? { 'content-type': 'application/json' } : {}),
    ...(input.token ? { authorization: `Bearer ${input.token}` } : {}),
    ...Object.fromEntries(Object.entries(input.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
  };
  const routeKey = `${operation.method.toUpperCase()} ${operation.path}`;
  const requestId = randomUUID();
  const now = new Date();
  return {
    version: '2.0',
    routeKey,
    rawPath,
    rawQueryString: new URLSearchParams(input.query ?? {}).toString(),
    headers,
    queryStringParameters: input.query,
    pathParameters: input.pathParameters,
    requestContext: {
      accountId: '000000000000',
      apiId: 'test',
      domainName: 'test.local',
      domainPrefix: 'test',
      http: { method: operation.method.toUpperCase(), path: rawPath, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'vitest' },
      requestId,
      routeKey,
      stage: '$default',
      time: now.toISOString(),
      timeEpoch: now.getTime(),
    },
    body: input.rawBody ?? (input.body === undefined ? undefined : JSON.stringify(input.body)),
    isBase64Encoded: false,
  };
}

export function lambdaContext(functionName = 'test-function'): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:000000000000:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'test',
    getRemainingTimeInMillis: () => 10_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
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
