import { describe, expect, it } from 'vitest';
import { isolateFunctionEnvironments, newTraceId, runAsFunction, traceRoot } from './function-scope.js';
import { FunctionRegistry, type LocalFunction } from './functions.js';

const processVariables = (): NodeJS.ProcessEnv => ({ PATH: '/bin', ORDERS_TABLE_NAME: 'orders-table', EVENT_BUS_NAME: 'bus' });

function localFunction(name: string, run: LocalFunction['run'], environment: Record<string, string> = {}): LocalFunction {
  return {
    name,
    service: 'orders',
    handler: name,
    run,
    environment,
    permissions: { tableAccess: 'none', capabilities: [], invokes: [] },
    internalOperations: [],
    secrets: [],
  };
}

describe('isolateFunctionEnvironments', () => {
  it('shows a function its own function-scoped variables and hides the others’', () => {
    // Prepare
    const host = { env: processVariables() };
    isolateFunctionEnvironments(['ORDERS_TABLE_NAME', 'EVENT_BUS_NAME'], host);

    // Act
    const seen = runAsFunction({ ORDERS_TABLE_NAME: 'orders-table' }, () => ({ ...host.env }));

    // Assess
    expect(seen).toEqual({ PATH: '/bin', ORDERS_TABLE_NAME: 'orders-table' });
  });

  it('answers `in` and direct reads the same way as a copy', () => {
    // Prepare
    const host = { env: processVariables() };
    isolateFunctionEnvironments(['ORDERS_TABLE_NAME', 'EVENT_BUS_NAME'], host);

    // Act
    const seen = runAsFunction({}, () => ({ has: 'EVENT_BUS_NAME' in host.env, value: host.env.EVENT_BUS_NAME, path: host.env.PATH }));

    // Assess
    expect(seen).toEqual({ has: false, value: undefined, path: '/bin' });
  });

  it('keeps each concurrent invocation’s variables its own across awaits', async () => {
    // Prepare
    const host = { env: processVariables() };
    isolateFunctionEnvironments(['AWS_LAMBDA_FUNCTION_NAME'], host);
    const nameAfterAwait = async () => {
      await new Promise((resolve) => setImmediate(resolve));
      return host.env.AWS_LAMBDA_FUNCTION_NAME;
    };

    // Act
    const names = await Promise.all(['a', 'b', 'c'].map((name) => runAsFunction({ AWS_LAMBDA_FUNCTION_NAME: name }, nameAfterAwait)));

    // Assess
    expect(names).toEqual(['a', 'b', 'c']);
  });

  it('leaves the whole environment to code outside any function, and puts the original back when undone', () => {
    // Prepare
    const original = processVariables();
    const host = { env: original };
    const undo = isolateFunctionEnvironments(['EVENT_BUS_NAME'], host);

    // Act
    const outside = { ...host.env };
    undo();

    // Assess
    expect(outside).toEqual(processVariables());
    expect(host.env).toBe(original);
  });
});

describe('trace ids', () => {
  it('look like Lambda’s, and their root identifies them inside any header', () => {
    // Act
    const traceId = newTraceId(new Date('2025-01-01T00:00:00Z'));

    // Assess
    expect(traceId).toMatch(/^Root=1-67748580-[0-9a-f]{24};Sampled=0$/);
    expect(traceRoot(`Self=1-x;${traceId};Lineage=a:1`)).toBe(traceId.slice('Root='.length, traceId.indexOf(';')));
    expect(traceRoot(undefined)).toBeUndefined();
  });
});

describe('FunctionRegistry', () => {
  it('runs a handler with its own variables, its name and a trace id that identifies its invocation while it runs', async () => {
    // Prepare
    const host = { env: processVariables() };
    const undo = isolateFunctionEnvironments(['ORDERS_TABLE_NAME', 'EVENT_BUS_NAME'], host);
    const registry = new FunctionRegistry();
    let caller: string | undefined;
    registry.add(
      localFunction(
        'shoplane-local-orders-place',
        () => {
          caller = registry.callerOf(host.env._X_AMZN_TRACE_ID)?.name;
          return { name: host.env.AWS_LAMBDA_FUNCTION_NAME, bus: host.env.EVENT_BUS_NAME ?? null, table: host.env.ORDERS_TABLE_NAME };
        },
        { ORDERS_TABLE_NAME: 'orders-table' },
      ),
    );

    // Act
    const result = await registry.invoke('shoplane-local-orders-place', {});
    undo();

    // Assess
    expect(result).toEqual({ name: 'shoplane-local-orders-place', bus: null, table: 'orders-table' });
    expect(caller).toBe('shoplane-local-orders-place');
  });

  it('knows no caller for a trace that no running invocation carries', async () => {
    // Prepare
    const registry = new FunctionRegistry();
    registry.add(localFunction('shoplane-local-orders-noop', () => undefined));
    await registry.invoke('shoplane-local-orders-noop', {});

    // Act
    const caller = registry.callerOf(newTraceId());

    // Assess
    expect(caller).toBeUndefined();
  });
});
