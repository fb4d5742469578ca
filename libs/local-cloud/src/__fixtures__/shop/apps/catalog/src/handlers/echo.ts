import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';

/** Answers with the event and context it was given, so tests can look at exactly what a handler sees. */
export async function handler(event: APIGatewayProxyEventV2, context: Context): Promise<APIGatewayProxyStructuredResultV2> {
  return {
    statusCode: 200,
    headers: { 'content-type': 'application/json', 'x-handled-by': context.functionName },
    cookies: ['session=abc; Path=/; HttpOnly', 'theme=dark'],
    body: JSON.stringify({
      event,
      context: { functionName: context.functionName, awsRequestId: context.awsRequestId, remaining: context.getRemainingTimeInMillis() },
    }),
  };
}
