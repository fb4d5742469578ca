import type { ScheduledEvent } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { silentLog } from './log.js';
import { LocalScheduler, type LocalSchedulerOptions } from './schedules.js';

const sweep = { functionName: 'shoplane-local-orders-sweep', everyMinutes: 5 };

/** A scheduler whose invocations are recorded; `settle` lets a run that is held open finish. */
function schedulerWith(options: Partial<LocalSchedulerOptions> = {}, hold = false) {
  const invoked: ScheduledEvent[] = [];
  let settle: () => void = () => undefined;
  const scheduler = new LocalScheduler({
    schedules: [sweep],
    log: silentLog,
    invoke: async (_name, event) => {
      invoked.push(event);
      if (hold) await new Promise<void>((resolve) => (settle = resolve));
    },
    ...options,
  });
  return { scheduler, invoked, settle: () => settle() };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('LocalScheduler', () => {
  it('runs each schedule shortly after start, then at its rate', async () => {
    vi.useFakeTimers();
    const { scheduler, invoked } = schedulerWith({ firstRunAfterMs: 1_000 });

    scheduler.start();
    await vi.advanceTimersByTimeAsync(1_000);
    const afterStart = invoked.length;
    await vi.advanceTimersByTimeAsync(5 * 60_000);

    expect(afterStart).toBe(1);
    expect(invoked).toHaveLength(2);
    await scheduler.stop();
  });

  it('hands the function the event EventBridge sends for a schedule', async () => {
    const { scheduler, invoked } = schedulerWith({ intervalMs: false });

    await scheduler.runAll();

    expect(invoked).toEqual([
      expect.objectContaining({ 'detail-type': 'Scheduled Event', source: 'aws.events', detail: {}, resources: [expect.stringContaining(':rule/')] }),
    ]);
  });

  it('runs nothing by itself when its interval is off', async () => {
    vi.useFakeTimers();
    const { scheduler, invoked } = schedulerWith({ intervalMs: false });

    scheduler.start();
    await vi.advanceTimersByTimeAsync(60 * 60_000);

    expect(invoked).toEqual([]);
  });

  it('lets a run under way finish before runAll starts its own, and never overlaps two runs', async () => {
    vi.useFakeTimers();
    const { scheduler, invoked, settle } = schedulerWith({ firstRunAfterMs: 10, intervalMs: 60_000 }, true);
    scheduler.start();
    await vi.advanceTimersByTimeAsync(10);

    const running = scheduler.runAll();
    await vi.advanceTimersByTimeAsync(60_000);
    const duringFirst = invoked.length;
    settle();
    await vi.advanceTimersByTimeAsync(0);
    settle();
    await running;

    expect(duringFirst).toBe(1);
    expect(invoked).toHaveLength(2);
    await scheduler.stop();
  });

  it('keeps to its plan when a run fails', async () => {
    let calls = 0;
    const scheduler = new LocalScheduler({
      schedules: [sweep],
      log: silentLog,
      intervalMs: false,
      invoke: async () => {
        calls += 1;
        throw new Error('table unreachable');
      },
    });

    await scheduler.runAll();
    await scheduler.runAll();

    expect(calls).toBe(2);
  });
});
