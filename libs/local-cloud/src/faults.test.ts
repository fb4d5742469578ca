import { describe, expect, it } from 'vitest';
import { FaultInjector } from './faults.js';

describe('the fault injector of reliability tests', () => {
  it('fails only the first invocations a function fault names, before the handler runs for `throw`', async () => {
    // Prepare
    const faults = new FaultInjector({ functions: { 'fn-a': { kind: 'throw', times: 2 } } });
    let ran = 0;
    const run = async () => ++ran;

    // Act
    const outcomes = await Promise.allSettled([faults.invoke('fn-a', run), faults.invoke('fn-a', run), faults.invoke('fn-a', run), faults.invoke('fn-b', run)]);

    // Assess
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected', 'fulfilled', 'fulfilled']);
    expect(ran).toBe(2);
    expect(faults.counts.functionThrows).toBe(2);
  });

  it('runs the handler to its end on `timeout`, then fails the invocation as Lambda\'s timeout does', async () => {
    // Prepare
    const faults = new FaultInjector({ functions: { 'fn-a': { kind: 'timeout', times: 1 } } });
    let ran = 0;

    // Act
    const first = faults.invoke('fn-a', async () => ++ran);

    // Assess
    await expect(first).rejects.toMatchObject({ name: 'Sandbox.Timedout' });
    expect(ran).toBe(1);
    expect(faults.counts.functionTimeouts).toBe(1);
  });

  it('delivers a duplicated batch twice and counts it', async () => {
    // Prepare: every batch duplicated, none reordered.
    const faults = new FaultInjector({ delivery: { duplicateRate: 1, reorderRate: 0, maxDelayMs: 0 }, random: () => 0.5 });
    let deliveries = 0;

    // Act
    await faults.deliver(async () => ++deliveries);
    await new Promise((resolve) => setTimeout(resolve, 20));

    // Assess
    expect(deliveries).toBe(2);
    expect(faults.counts).toMatchObject({ duplicateDeliveries: 1, reorderedDeliveries: 0 });
  });

  it('changes nothing without a plan', async () => {
    // Prepare
    const faults = new FaultInjector();

    // Act
    const answer = await faults.deliver(async () => faults.invoke('fn-a', async () => 'ok'));

    // Assess
    expect(answer).toBe('ok');
    expect(faults.total).toBe(0);
  });
});
