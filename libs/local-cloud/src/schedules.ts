import { randomUUID } from 'node:crypto';
import type { ScheduledEvent } from 'aws-lambda';
import { localAccountId } from './aws-identity.js';
import { localRegion } from './dynamodb-local.js';
import type { LocalLog } from './log.js';

/** A schedule the local shop runs: a function and its rate. */
export interface LocalSchedule {
  functionName: string;
  everyMinutes: number;
}

export interface LocalSchedulerOptions {
  schedules: LocalSchedule[];
  invoke(functionName: string, event: ScheduledEvent): Promise<unknown>;
  log: LocalLog;
  /**
   * Run each schedule this often instead of its rate (ms), or never by itself (`false`:
   * only `runAll()` runs them). Defaults to the declared rate.
   */
  intervalMs?: number | false;
  /** The first run by itself, this long after `start()` (ms); 5 s by default. */
  firstRunAfterMs?: number;
}

/** What EventBridge sends a function its schedule rule targets. */
export function scheduledEvent(schedule: LocalSchedule, at: Date = new Date()): ScheduledEvent {
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account: localAccountId,
    time: at.toISOString(),
    region: localRegion,
    resources: [`arn:aws:events:${localRegion}:${localAccountId}:rule/${schedule.functionName}-schedule`],
    detail: {},
  };
}

/**
 * The manifests' schedules, run while the shop runs (AWS: a rule per schedule on the
 * default bus): once shortly after start-up, so a restarted runtime sweeps at once, then
 * at each rate. A run of one schedule never overlaps its previous run; a failure is
 * logged, as the function's error alarm would show it, and the next run comes as planned.
 */
export class LocalScheduler {
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly inFlight = new Map<string, Promise<void>>();
  private stopped = false;

  constructor(private readonly options: LocalSchedulerOptions) {}

  get schedules(): readonly LocalSchedule[] {
    return this.options.schedules;
  }

  start(): void {
    const { intervalMs, firstRunAfterMs = 5_000 } = this.options;
    if (intervalMs === false) return;
    for (const schedule of this.options.schedules) {
      const every = intervalMs ?? schedule.everyMinutes * 60_000;
      const first = setTimeout(() => void this.run(schedule), Math.min(firstRunAfterMs, every));
      const repeating = setInterval(() => void this.run(schedule), every);
      first.unref();
      repeating.unref();
      this.timers.push(first, repeating);
    }
  }

  /**
   * Runs every schedule now and settles when all have finished. A run already under way
   * is let finish first, so the run this starts sees everything done before the call.
   */
  async runAll(): Promise<void> {
    await Promise.all(
      this.options.schedules.map(async (schedule) => {
        await this.inFlight.get(schedule.functionName);
        await this.run(schedule);
      }),
    );
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers.splice(0)) clearTimeout(timer);
    await Promise.all(this.inFlight.values());
  }

  private run(schedule: LocalSchedule): Promise<void> {
    const running = this.inFlight.get(schedule.functionName);
    if (running) return running;
    if (this.stopped) return Promise.resolve();
    const run = this.options
      .invoke(schedule.functionName, scheduledEvent(schedule))
      .then(
        () => undefined,
        (error: unknown) => this.options.log.error(`Scheduled run of ${schedule.functionName} failed:`, error),
      )
      .finally(() => this.inFlight.delete(schedule.functionName));
    this.inFlight.set(schedule.functionName, run);
    return run;
  }
}
