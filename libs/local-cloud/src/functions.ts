import { randomUUID } from 'node:crypto';
import type { GrantedPermissions } from '@shoplane/manifest';
import type { Context } from 'aws-lambda';
import { localAccountId } from './aws-identity.js';
import { localRegion } from './dynamodb-local.js';
import { lambdaVariables, newTraceId, runAsFunction, traceRoot } from './function-scope.js';

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
  /** What its declarations grant it (`permissionsOf`), enforced by the local AWS endpoint. */
  permissions: GrantedPermissions;
  /** Its own variables (table, declared capabilities, invoked operations), seen only by its code. */
  environment: Readonly<Record<string, string>>;
  /** The internal operations it serves, as `<service>.<name>`. */
  internalOperations: string[];
  /** The secrets (by name) its declarations let it read, enforced by the local AWS endpoint. */
  secrets: string[];
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

/** The variables a function's code sees while it runs: its own, and Lambda's for this invocation. */
export function invocationVariables(fn: Pick<LocalFunction, 'name' | 'environment'>, traceId?: string): Record<string, string> {
  return { ...fn.environment, [lambdaVariables.functionName]: fn.name, ...(traceId ? { [lambdaVariables.traceId]: traceId } : {}) };
}

/** Wraps every invocation (a reliability test's fault injector); runs it as is by default. */
export type InvocationInterceptor = (functionName: string, run: () => Promise<unknown>) => Promise<unknown>;

/** Every handler of every service, by physical function name: what Lambda Invoke, the bus and streams call. */
export class FunctionRegistry {
  private readonly functions = new Map<string, LocalFunction>();

  constructor(private readonly intercept: InvocationInterceptor = (_name, run) => run()) {}

  /** Invocations in progress by trace root: how a call to the local AWS endpoint is traced to its function. */
  private readonly running = new Map<string, LocalFunction>();

  add(fn: LocalFunction): void {
    if (this.functions.has(fn.name)) throw new Error(`Function ${fn.name} is registered twice`);
    this.functions.set(fn.name, fn);
  }

  has(name: string): boolean {
    return this.functions.has(name);
  }

  get(name: string): LocalFunction | undefined {
    return this.functions.get(name);
  }

  get names(): string[] {
    return [...this.functions.keys()];
  }

  /**
   * Runs the handler as the Lambda runtime would, as that function (its own
   * variables, a fresh trace id); a throw propagates as the invocation's error.
   */
  async invoke(name: string, event: unknown, requestId?: string): Promise<unknown> {
    const fn = this.functions.get(name);
    if (!fn) throw new FunctionNotFoundError(name);
    const traceId = newTraceId();
    const root = traceRoot(traceId) ?? traceId;
    this.running.set(root, fn);
    try {
      return await this.intercept(name, async () => runAsFunction(invocationVariables(fn, traceId), () => fn.run(event, lambdaContext(name, requestId))));
    } finally {
      this.running.delete(root);
    }
  }

  /**
   * The function whose invocation made a request, from the request's
   * `X-Amzn-Trace-Id`; undefined for a request from outside any function
   * (a seed, a test, a tool), which the local endpoint serves as the operator's.
   */
  callerOf(traceHeader: string | string[] | undefined): LocalFunction | undefined {
    const root = traceRoot(traceHeader);
    return root ? this.running.get(root) : undefined;
  }
}

export class FunctionNotFoundError extends Error {
  constructor(readonly functionName: string) {
    super(`Function not found: ${functionName}`);
    this.name = 'FunctionNotFoundError';
  }
}

/** A function granted nothing: no table, no capability, no invokes, no variables of its own. */
export const noGrants: Pick<LocalFunction, 'permissions' | 'environment' | 'internalOperations' | 'secrets'> = {
  permissions: { tableAccess: 'none', capabilities: [], invokes: [] },
  environment: {},
  internalOperations: [],
  secrets: [],
};
