import type * as z from 'zod/mini';

export type AuthLevel = 'public' | 'user' | 'admin';
export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface ResponseDeclaration {
  description: string;
  /** Absent for responses without a body (204). */
  schema?: z.ZodMiniType;
}

/**
 * One API operation, declared once. The OpenAPI document, request validation in
 * the Lambdas, the routes of the HTTP API and of the local gateway all read it.
 */
export interface HttpOperation {
  operationId: string;
  method: HttpMethod;
  /** OpenAPI-style path, e.g. `/products/{productId}`. */
  path: string;
  auth: AuthLevel;
  tags: string[];
  summary: string;
  description?: string;
  request?: {
    body?: z.ZodMiniType;
    /**
     * The body is a third party's payload (a payment provider's webhook): its schema checks
     * what the handler reads and keeps the rest, because the provider adds fields as it
     * pleases. Every other body is strict: an unknown field, at any depth, is a 422 naming it.
     */
    providerPayload?: true;
    params?: z.ZodMiniObject;
    query?: z.ZodMiniObject;
    /**
     * The operation honours an `Idempotency-Key` header; `'required'`: a request
     * without one is refused (422), for writes a retry must never repeat.
     */
    idempotencyKey?: boolean | 'required';
  };
  /** Success responses by status code. */
  responses: Record<number, ResponseDeclaration>;
  /** Problem statuses the operation can answer, besides 500. */
  problems: number[];
}

export function defineOperation<const T extends HttpOperation>(operation: T): T {
  return operation;
}

/** Key used to route a request: `POST /users/register`. */
export function routeKey(operation: Pick<HttpOperation, 'method' | 'path'>): string {
  return `${operation.method.toUpperCase()} ${operation.path}`;
}
