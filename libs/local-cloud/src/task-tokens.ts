import { randomBytes } from 'node:crypto';

/** An error Step Functions' task-token APIs answer with; `type` is the AWS error code. */
export class StepFunctionsError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
    this.name = type;
  }
}

/** What SendTaskFailure reports: the Task fails with this error and cause. */
class ReportedTaskFailure extends Error {
  constructor(error: string, cause: string) {
    super(cause);
    this.name = error;
  }
}

interface OpenToken {
  executionArn: string;
  stateName: string;
  resolve(output: unknown): void;
  reject(error: Error): void;
  timer?: NodeJS.Timeout;
}

/** How many closed tokens are remembered, to answer TaskTimedOut rather than InvalidToken for them. */
const closedMemory = 1000;

/**
 * The task tokens of `.waitForTaskToken` Tasks that are waiting: issued when the Task
 * starts, settled by SendTaskSuccess / SendTaskFailure, closed when the Task times out or
 * its execution ends (later calls then answer TaskTimedOut, as in AWS).
 */
export class TaskTokens {
  private readonly open = new Map<string, OpenToken>();
  private readonly closed: string[] = [];

  /** A new token and the Task's result: the output SendTaskSuccess delivers. */
  issue(owner: { executionArn: string; stateName: string; timeoutSeconds?: number }): { token: string; result: Promise<unknown> } {
    const token = `AQ${randomBytes(48).toString('base64url')}`;
    const result = new Promise<unknown>((resolve, reject) => {
      const entry: OpenToken = { executionArn: owner.executionArn, stateName: owner.stateName, resolve, reject };
      // The Task's own timeout fails it; the token stops being accepted at the same moment.
      if (owner.timeoutSeconds) entry.timer = setTimeout(() => this.close(token), owner.timeoutSeconds * 1000);
      this.open.set(token, entry);
    });
    return { token, result };
  }

  succeed(token: string, output: string): void {
    const entry = this.find(token);
    let parsed: unknown;
    try {
      parsed = JSON.parse(output);
    } catch {
      throw new StepFunctionsError('InvalidOutput', 'The output is not valid JSON.');
    }
    this.close(token);
    entry.resolve(parsed);
  }

  fail(token: string, error: string, cause: string): void {
    const entry = this.find(token);
    this.close(token);
    entry.reject(new ReportedTaskFailure(error, cause));
  }

  /** SendTaskHeartbeat: the token must still be open. Heartbeat timeouts are not emulated. */
  heartbeat(token: string): void {
    this.find(token);
  }

  /**
   * Stops accepting a token whose Task is over (timed out, invocation failed, execution
   * ended). The Task's own outcome (States.Timeout, the error) is the runner's to report,
   * so nothing is settled here.
   */
  close(token: string): void {
    const entry = this.open.get(token);
    if (!entry) return;
    this.open.delete(token);
    clearTimeout(entry.timer);
    this.closed.push(token);
    if (this.closed.length > closedMemory) this.closed.shift();
  }

  closeExecution(executionArn: string): void {
    for (const [token, entry] of this.open) if (entry.executionArn === executionArn) this.close(token);
  }

  /** Tokens still waiting, for the operator view: never the tokens themselves. */
  waiting(executionArn: string): string[] {
    return [...this.open.values()].filter((entry) => entry.executionArn === executionArn).map((entry) => entry.stateName);
  }

  private find(token: string): OpenToken {
    const entry = this.open.get(token);
    if (entry) return entry;
    if (this.closed.includes(token)) throw new StepFunctionsError('TaskTimedOut', 'Task Timed Out');
    if (!/^AQ[A-Za-z0-9_-]{16,}$/.test(token)) throw new StepFunctionsError('InvalidToken', 'Invalid token');
    throw new StepFunctionsError('TaskDoesNotExist', 'Task does not exist anymore');
  }
}
