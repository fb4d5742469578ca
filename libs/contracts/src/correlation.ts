/**
 * An `x-correlation-id` a caller may choose: letters, digits and the characters of
 * ids and base64 request ids (API Gateway's look like `chQ8zsn65jzI8g=`). Anything
 * else is replaced by the request id, never echoed, so a header cannot inject text
 * into logs or answers.
 */
export const correlationIdPattern = /^[A-Za-z0-9._:+/=-]{1,128}$/;

export function isCorrelationId(value: string | undefined): value is string {
  return value !== undefined && correlationIdPattern.test(value);
}
