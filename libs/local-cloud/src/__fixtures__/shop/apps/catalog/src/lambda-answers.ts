import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

export function json(body: unknown): APIGatewayProxyStructuredResultV2 {
  return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

/** How an SDK call ended: `ok`, or the name of the error the local AWS endpoint answered. */
export async function outcome(call: () => Promise<unknown>): Promise<string> {
  try {
    await call();
    return 'ok';
  } catch (error) {
    return error instanceof Error ? error.name : String(error);
  }
}
