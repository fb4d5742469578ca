import { STATUS_CODES, type ServerResponse } from 'node:http';
import { problemTitles, type Problem } from '@shoplane/contracts';

export interface ProblemOptions {
  headers?: Record<string, string>;
  /** Already validated (see `isCorrelationId`): it is echoed in the body and a header. */
  correlationId?: string;
  instance?: string;
}

/** Headers every answer of the local gateway carries, as the handlers' answers do. */
export const gatewayHeaders = { 'x-content-type-options': 'nosniff' } as const;

function problemBody(status: number, detail: string, options: ProblemOptions): string {
  const problem: Problem = {
    type: 'about:blank',
    title: problemTitles[status] ?? STATUS_CODES[status] ?? 'Error',
    status,
    detail,
    ...(options.instance ? { instance: options.instance } : {}),
    ...(options.correlationId ? { correlationId: options.correlationId } : {}),
  };
  return JSON.stringify(problem);
}

/** Answers with RFC 9457 problem details, the shape every Shoplane error has (DESIGN.md §4). */
export function sendProblem(response: ServerResponse, status: number, detail: string, options: ProblemOptions = {}): void {
  const body = problemBody(status, detail, options);
  response.writeHead(status, {
    ...options.headers,
    ...gatewayHeaders,
    ...(options.correlationId ? { 'x-correlation-id': options.correlationId } : {}),
    'content-type': 'application/problem+json',
    'content-length': Buffer.byteLength(body),
  });
  response.end(body);
}

/**
 * The raw HTTP/1.1 bytes of a problem answer, for requests Node could not parse
 * (oversized headers, a bad method, bare CR/LF): there is no ServerResponse for
 * those, only the socket.
 */
export function rawProblemResponse(status: number, detail: string): string {
  const body = problemBody(status, detail, {});
  const headers = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}`,
    'content-type: application/problem+json',
    ...Object.entries(gatewayHeaders).map(([name, value]) => `${name}: ${value}`),
    `content-length: ${Buffer.byteLength(body)}`,
    'connection: close',
  ];
  return `${headers.join('\r\n')}\r\n\r\n${body}`;
}

export function sendJson(response: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  const body = JSON.stringify(value);
  response.writeHead(status, { ...headers, ...gatewayHeaders, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  response.end(body);
}
