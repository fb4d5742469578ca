export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

/** One entry of a state during an execution, as `/__local/executions` shows it. */
export interface StateVisit {
  name: string;
  type: string;
  enteredAt: string;
  exitedAt?: string;
  /** How often the state was retried on this entry. */
  retries: number;
  /** Errors this entry failed with (each retried or caught, or the one that ended the execution). */
  errors: { error: string; cause: string }[];
  /** The error a Catch caught, and the state it went to. */
  caught?: { error: string; next: string };
}

/** An execution as the local runtime keeps it: the same fields DescribeExecution answers, plus the states it went through. */
export interface ExecutionRecord {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  status: ExecutionStatus;
  startDate: Date;
  stopDate?: Date;
  input: string;
  output?: string;
  error?: string;
  cause?: string;
  states: StateVisit[];
}

/** What the library's event log reports, in the fields this runtime reads. */
export interface ExecutionLogEvent {
  type: string;
  timestamp: number;
  state?: { name: string; type: string };
  Error?: string;
  Cause?: unknown;
  catch?: { catcher: { Next: string } };
}

const at = (timestamp: number) => new Date(timestamp).toISOString();

/** Applies one event of aws-local-stepfunctions' execution log to the record's state history. */
export function recordEvent(record: ExecutionRecord, event: ExecutionLogEvent): void {
  const state = event.state;
  if (!state) return;
  const current = [...record.states].reverse().find((visit) => visit.name === state.name && visit.exitedAt === undefined);
  switch (event.type) {
    case 'StateEntered':
      record.states.push({ name: state.name, type: state.type, enteredAt: at(event.timestamp), retries: 0, errors: [] });
      break;
    case 'StateFailed':
      current?.errors.push({ error: event.Error ?? '', cause: typeof event.Cause === 'string' ? event.Cause : JSON.stringify(event.Cause ?? '') });
      break;
    case 'StateRetried':
      if (current) current.retries += 1;
      break;
    case 'StateCaught':
      if (current) current.caught = { error: current.errors.at(-1)?.error ?? '', next: event.catch?.catcher.Next ?? '' };
      break;
    case 'StateExited':
      if (current) current.exitedAt = at(event.timestamp);
      break;
  }
}

/**
 * JSON of `/__local/executions`, dates as ISO strings. No output: the state carries the
 * payment token (DescribeExecution answers it, as AWS does, to whoever asks by ARN).
 */
export function executionView(record: ExecutionRecord, waitingForTaskToken: string[]) {
  return {
    executionArn: record.executionArn,
    name: record.name,
    status: record.status,
    startDate: record.startDate.toISOString(),
    ...(record.stopDate ? { stopDate: record.stopDate.toISOString() } : {}),
    input: JSON.parse(record.input) as unknown,
    ...(record.error !== undefined ? { error: record.error, cause: record.cause } : {}),
    ...(waitingForTaskToken.length > 0 ? { waitingForTaskToken } : {}),
    states: record.states,
    retried: record.states.filter((visit) => visit.retries > 0).map((visit) => `${visit.name} ×${visit.retries}`),
    caught: record.states.filter((visit) => visit.caught).map((visit) => `${visit.name}: ${visit.caught?.error} → ${visit.caught?.next}`),
  };
}
