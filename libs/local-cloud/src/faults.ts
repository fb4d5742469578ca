import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Faults a reliability test injects into the local shop (never set by `npm start`, never
 * reachable over HTTP): functions that fail their first invocations, and bus deliveries
 * that arrive twice or late, as Lambda and SQS may do in AWS.
 */
export interface FunctionFault {
  /**
   * `throw`: the invocation fails before the handler runs (a crash at start).
   * `timeout`: the handler runs to the end, then the invocation fails as Lambda's timeout
   * does: its work is done, its answer is lost.
   */
  kind: 'throw' | 'timeout';
  /** How many of the first invocations fail; the later ones run normally. */
  times: number;
}

export interface DeliveryFaults {
  /** Share (0–1) of the batches a queue hands its consumer twice (SQS delivers at least once). */
  duplicateRate: number;
  /** Share (0–1) of the batches held back before delivery, so later events overtake them. */
  reorderRate: number;
  /** Longest hold-back of a reordered batch, and of a duplicate's second copy. */
  maxDelayMs: number;
}

export interface LocalFaults {
  /** By physical function name, e.g. `shoplane-local-orders-confirm-order`. */
  functions?: Record<string, FunctionFault>;
  delivery?: DeliveryFaults;
  /** Random source in [0, 1); Math.random by default (tests may pass a seeded one). */
  random?: () => number;
}

/** The invocation error a Lambda cut off at its timeout reports. */
export class FunctionTimedOutError extends Error {
  constructor(functionName: string) {
    super(`${functionName}: Task timed out (injected fault)`);
    this.name = 'Sandbox.Timedout';
  }
}

/** An invocation failed by an injected `throw` fault. */
export class InjectedFunctionError extends Error {
  constructor(functionName: string) {
    super(`${functionName}: the function failed (injected fault)`);
    this.name = 'InjectedFault';
  }
}

export type FaultCounts = Record<'functionThrows' | 'functionTimeouts' | 'duplicateDeliveries' | 'reorderedDeliveries', number>;

/** Applies a fault plan to invocations and deliveries, counting each fault it injects. */
export class FaultInjector {
  readonly counts: FaultCounts = { functionThrows: 0, functionTimeouts: 0, duplicateDeliveries: 0, reorderedDeliveries: 0 };
  private readonly invocations = new Map<string, number>();
  private readonly random: () => number;

  constructor(private readonly faults: LocalFaults = {}) {
    this.random = faults.random ?? Math.random;
  }

  get total(): number {
    return Object.values(this.counts).reduce((sum, count) => sum + count, 0);
  }

  /** Runs one invocation of `name`, failing it when its fault says so. */
  async invoke(name: string, run: () => Promise<unknown>): Promise<unknown> {
    const fault = this.faults.functions?.[name];
    if (!fault) return run();
    const seen = (this.invocations.get(name) ?? 0) + 1;
    this.invocations.set(name, seen);
    if (seen > fault.times) return run();
    if (fault.kind === 'throw') {
      this.counts.functionThrows += 1;
      throw new InjectedFunctionError(name);
    }
    await run();
    this.counts.functionTimeouts += 1;
    throw new FunctionTimedOutError(name);
  }

  /**
   * Hands one queue batch to its consumer: late for a reordered one, and for a duplicated
   * one a second time, a moment later, whose outcome nobody waits for (as a copy SQS
   * delivers on its own).
   */
  async deliver<T>(deliver: () => Promise<T>): Promise<T> {
    const delivery = this.faults.delivery;
    if (!delivery) return deliver();
    if (this.random() < delivery.reorderRate) {
      this.counts.reorderedDeliveries += 1;
      await sleep(Math.round(this.random() * delivery.maxDelayMs));
    }
    if (this.random() < delivery.duplicateRate) {
      this.counts.duplicateDeliveries += 1;
      const delayMs = Math.round(this.random() * delivery.maxDelayMs);
      void sleep(delayMs).then(deliver).catch(() => undefined);
    }
    return deliver();
  }
}
