import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';

/**
 * What Lambda sets per function and per invocation. The AWS SDK copies the
 * trace id into an `X-Amzn-Trace-Id` header on every call a function makes (its
 * recursion-detection middleware, active when the function name is set), which
 * is how the local AWS endpoint tells which function is calling.
 */
export const lambdaVariables = { functionName: 'AWS_LAMBDA_FUNCTION_NAME', traceId: '_X_AMZN_TRACE_ID' } as const;

/** The variables of the function whose code is running: its own, in place of every other function's. */
const scopes = new AsyncLocalStorage<Readonly<Record<string, string>>>();

/** Runs `work` (and everything it starts) as code of a function with these variables. */
export function runAsFunction<T>(variables: Readonly<Record<string, string>>, work: () => T): T {
  return scopes.run(variables, work);
}

/** A trace id as Lambda hands one to each invocation: `Root=1-<epoch seconds hex>-<96 random bits hex>;Sampled=0`. */
export function newTraceId(now: Date = new Date()): string {
  return `Root=1-${Math.floor(now.getTime() / 1000).toString(16)}-${randomBytes(12).toString('hex')};Sampled=0`;
}

/** The `Root=` part of a trace header, which identifies the trace whatever else the header carries. */
export function traceRoot(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  return value ? /(?:^|;)\s*Root=([^;]+)/.exec(value)?.[1] : undefined;
}

/**
 * Gives each function its own environment although every function shares this
 * process: while a function's code runs, `process.env` shows the function-scoped
 * variables (table names, capability variables, invoke targets, Lambda's own) it
 * was given and hides those of the other functions; everything else, and the whole
 * environment outside any function (seeds, tests, tools), is the process's own.
 *
 * Replacing `process.env` is the only way to do this in one process: handlers read
 * it directly, and the SDK reads it on every call. Returns how to put it back.
 */
export function isolateFunctionEnvironments(functionScopedNames: Iterable<string>, host: { env: NodeJS.ProcessEnv } = process): () => void {
  const processEnvironment = host.env;
  const scoped = new Set([...functionScopedNames, ...Object.values(lambdaVariables)]);
  const own = (name: string | symbol): { variables: Readonly<Record<string, string>>; name: string } | undefined => {
    const variables = scopes.getStore();
    if (!variables || typeof name !== 'string' || !(scoped.has(name) || name in variables)) return undefined;
    return { variables, name };
  };
  host.env = new Proxy(processEnvironment, {
    get(target, name) {
      const scope = own(name);
      return scope ? scope.variables[scope.name] : Reflect.get(target, name);
    },
    has(target, name) {
      const scope = own(name);
      return scope ? scope.variables[scope.name] !== undefined : Reflect.has(target, name);
    },
    ownKeys(target) {
      const variables = scopes.getStore();
      if (!variables) return Reflect.ownKeys(target);
      const shared = Reflect.ownKeys(target).filter((name) => !own(name));
      return [...shared, ...Object.keys(variables)];
    },
    getOwnPropertyDescriptor(target, name) {
      const scope = own(name);
      if (!scope) return Reflect.getOwnPropertyDescriptor(target, name);
      const value = scope.variables[scope.name];
      return value === undefined ? undefined : { value, writable: true, enumerable: true, configurable: true };
    },
  });
  return () => {
    host.env = processEnvironment;
  };
}
