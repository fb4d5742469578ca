import { problemTitles, type Problem } from '@shoplane/contracts';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { HttpError } from './errors.js';

export const problemTypeBase = 'https://shoplane.dev/problems/';

export interface ProblemContext {
  correlationId?: string;
  instance?: string;
}

/** The one place where an error becomes an HTTP response. */
export function toProblemResponse(error: unknown, context: ProblemContext = {}): APIGatewayProxyStructuredResultV2 {
  const known = error instanceof HttpError ? error : undefined;
  const status = known?.status ?? 500;
  const problem: Problem = {
    type: `${problemTypeBase}${known?.problemType ?? 'internal-error'}`,
    title: problemTitles[status] ?? 'Error',
    status,
    detail: known ? known.detail : 'Something went wrong on our side. Quote the correlation id when reporting it.',
    instance: context.instance,
    correlationId: context.correlationId,
    errors: known?.errors,
  };
  return {
    statusCode: status,
    headers: {
      'content-type': 'application/problem+json',
      ...(context.correlationId ? { 'x-correlation-id': context.correlationId } : {}),
      ...known?.headers,
    },
    body: JSON.stringify(problem),
  };
}
