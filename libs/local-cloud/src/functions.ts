import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import { localAccountId } from './aws-identity.js';
import { localRegion } from './dynamodb-local.js';

/** The same export the Lambda runtime calls: `handler(event, context)`. */
export type LambdaHandler = (event: unknown, context: Context) => unknown;

export interface LocalFunction {
  /** Physical name, as in AWS: `functionName('local', service, handler)`. */
  name: string;
  service: string;
  handler: string;
  run: LambdaHandler;
  /** Why the module could not be loaded; every invocation then fails, as a Lambda whose init fails. */
  initError?: string;
}

/** What a Lambda reports as remaining time; the local runtime does not cut handlers off. */
const timeoutMs = 30_000;

function unsupported(): never {
  throw new Error('Callback-style context methods (done/succeed/fail) are not supported; return or throw instead.');
}

export function lambdaContext(functionName: string, requestId: string = randomUUID()): Context {
  const deadline = Date.now() + timeoutMs;
  const day = new Date().toISOString().slice(0, 10).replaceAll('-', '/');
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${localRegion}:${localAccountId}:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `${day}/[$LATEST]${requestId.replaceAll('-', '')}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: unsupported,
    fail: unsupported,
    succeed: unsupported,
  };
}

/** Every handler of every service, by physical function name: what Lambda Invoke, the bus and streams call. */
export class FunctionRegistry {
  private readonly functions = new Map<string, LocalFunction>();

  add(fn: LocalFunction): void {
    if (this.functions.has(fn.name)) throw new Error(`Function ${fn.name} is registered twice`);
    this.functions.set(fn.name, fn);
  }

  has(name: string): boolean {
    return this.functions.has(name);
  }

  get names(): string[] {
    return [...this.functions.keys()];
  }

  /** Runs the handler as the Lambda runtime would; a throw propagates as the invocation's error. */
  async invoke(name: string, event: unknown, requestId?: string): Promise<unknown> {
    const fn = this.functions.get(name);
    if (!fn) throw new FunctionNotFoundError(name);
    return await fn.run(event, lambdaContext(name, requestId));
  }
}

export class FunctionNotFoundError extends Error {
  constructor(readonly functionName: string) {
    super(`Function not found: ${functionName}`);
    this.name = 'FunctionNotFoundError';
  }
}
