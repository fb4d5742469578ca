import { randomBytes } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { localAccountId } from './aws-identity.js';

/** What the gateway knows about one HTTP request once its body has been read. */
export interface GatewayRequest {
  method: string;
  /** The request target as sent: percent-encoded path plus optional query. */
  target: string;
  /** Node's raw header list: name, value, name, value, ... (names in the client's case). */
  rawHeaders: string[];
  httpVersion: string;
  remoteAddress: string | undefined;
  body: Buffer;
}

export interface MatchedRoute {
  routeKey: string;
  pathParameters: Record<string, string>;
}

/**
 * Content types API Gateway hands to Lambda as plain text; every other body arrives
 * base64-encoded. Form posts are deliberately not in this list: HTTP APIs base64 them,
 * and a handler that only works with plain-text forms would break in AWS alone.
 */
const textContentTypes = [/^text\//, /^application\/(.+\+)?json\b/, /^application\/(.+\+)?xml\b/, /^application\/javascript\b/];

export function isTextContentType(contentType: string | undefined): boolean {
  const type = (contentType ?? '').trim().toLowerCase();
  return textContentTypes.some((pattern) => pattern.test(type));
}

/** Header names lower-cased, repeats joined with commas (payload format 2.0 has no multi-value headers). */
function joinHeaders(rawHeaders: string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (let index = 0; index + 1 < rawHeaders.length; index += 2) {
    const name = (rawHeaders[index] ?? '').toLowerCase();
    const value = rawHeaders[index + 1] ?? '';
    headers[name] = name in headers ? `${headers[name]},${value}` : value;
  }
  return headers;
}

function queryParameters(rawQueryString: string): Record<string, string> | undefined {
  if (rawQueryString === '') return undefined;
  const parameters: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(rawQueryString)) {
    parameters[name] = name in parameters ? `${parameters[name]},${value}` : value;
  }
  return parameters;
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** API Gateway's CLF-style request time, e.g. `12/Mar/2020:19:03:58 +0000`. */
export function requestTime(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(date.getUTCDate())}/${months[date.getUTCMonth()]}/${date.getUTCFullYear()}:${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`;
}

/** A request id in API Gateway's shape (`JKJaXmPLvHcESHA=`). */
export function newRequestId(): string {
  return randomBytes(10).toString('base64');
}

/** The API Gateway HTTP API payload format 2.0 event the Lambda receives in AWS for this request. */
export function toApiGatewayEvent(request: GatewayRequest, route: MatchedRoute, requestId: string, now = new Date()): APIGatewayProxyEventV2 {
  const queryStart = request.target.indexOf('?');
  const rawPath = queryStart === -1 ? request.target : request.target.slice(0, queryStart);
  const rawQueryString = queryStart === -1 ? '' : request.target.slice(queryStart + 1).split('#')[0] ?? '';
  const { cookie, ...headers } = joinHeaders(request.rawHeaders);
  const cookies = cookie
    ?.split(/[;,]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const domainName = (headers.host ?? 'localhost').replace(/:\d+$/, '');
  const hasBody = request.body.length > 0;
  const asText = isTextContentType(headers['content-type']);
  const sourceIp = (request.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, '');

  return {
    version: '2.0',
    routeKey: route.routeKey,
    rawPath,
    rawQueryString,
    ...(cookies && cookies.length > 0 ? { cookies } : {}),
    headers,
    queryStringParameters: queryParameters(rawQueryString),
    pathParameters: Object.keys(route.pathParameters).length > 0 ? route.pathParameters : undefined,
    requestContext: {
      accountId: localAccountId,
      apiId: 'local',
      domainName,
      domainPrefix: domainName.split('.')[0] ?? domainName,
      http: {
        method: request.method.toUpperCase(),
        path: rawPath,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId,
      routeKey: route.routeKey,
      stage: '$default',
      time: requestTime(now),
      timeEpoch: now.getTime(),
    },
    ...(hasBody ? { body: asText ? request.body.toString('utf8') : request.body.toString('base64') } : {}),
    isBase64Encoded: hasBody && !asText,
  };
}
