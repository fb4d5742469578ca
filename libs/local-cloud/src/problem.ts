import { STATUS_CODES, type ServerResponse } from 'node:http';
import { problemTitles, type Problem } from '@shoplane/contracts';

export interface ProblemOptions {
  headers?: Record<string, string>;
  correlationId?: string;
  instance?: string;
}

/** Answers with RFC 9457 problem details, the shape every Shoplane error has (DESIGN.md §4). */
export function sendProblem(response: ServerResponse, status: number, detail: string, options: ProblemOptions = {}): void {
  const problem: Problem = {
    type: 'about:blank',
    title: problemTitles[status] ?? STATUS_CODES[status] ?? 'Error',
    status,
    detail,
    ...(options.instance ? { instance: options.instance } : {}),
    ...(options.correlationId ? { correlationId: options.correlationId } : {}),
  };
  const body = JSON.stringify(problem);
  response.writeHead(status, {
    ...options.headers,
    'content-type': 'application/problem+json',
    'content-length': Buffer.byteLength(body),
  });
  response.end(body);
}

export function sendJson(response: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  const body = JSON.stringify(value);
  response.writeHead(status, { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  response.end(body);
}
