import * as z from 'zod/mini';

export const FieldError = z
  .object({
    path: z.string().register(z.globalRegistry, { description: 'Dotted path of the offending field, e.g. `items.0.quantity`.' }),
    message: z.string(),
  })
  .register(z.globalRegistry, { description: 'One invalid field of the request.' });

/** RFC 9457 problem details: every error the API answers has this shape. */
export const Problem = z
  .object({
    type: z.string().register(z.globalRegistry, { description: 'URI reference naming the problem type.' }),
    title: z.string(),
    status: z.int(),
    detail: z.optional(z.string()),
    instance: z.optional(z.string()),
    correlationId: z.optional(z.string()),
    errors: z.optional(z.array(FieldError)),
  })
  .register(z.globalRegistry, {
    id: 'Problem',
    description: 'RFC 9457 problem details, served as application/problem+json.',
  });

export type Problem = z.infer<typeof Problem>;
export type FieldError = z.infer<typeof FieldError>;

export const problemTitles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};
