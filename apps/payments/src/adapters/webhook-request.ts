import type { APIGatewayProxyEventV2 } from 'aws-lambda';

/** The body exactly as the provider sent it: signatures cover these bytes, not a re-serialised parse. */
export function rawBodyOf(event: APIGatewayProxyEventV2): string {
  if (!event.body) return '';
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
}

/** A request header (API Gateway lower-cases names in payload format 2.0). */
export function headerOf(event: APIGatewayProxyEventV2, name: string): string | undefined {
  return event.headers?.[name.toLowerCase()] ?? undefined;
}
