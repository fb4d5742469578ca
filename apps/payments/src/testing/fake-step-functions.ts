import { startFakeApi, type FakeApi } from './fake-http.js';

/**
 * The slice of Step Functions' JSON API (awsJson1_0) that completes a waiting Task:
 * SendTaskSuccess and SendTaskFailure. Tokens in `waiting` are accepted once; any
 * other token is answered TaskTimedOut, as AWS does for a Task no longer waiting.
 */
export interface FakeStepFunctions extends FakeApi {
  waiting: Set<string>;
  completed: { action: 'SendTaskSuccess' | 'SendTaskFailure'; taskToken: string; output?: unknown; error?: string; cause?: string }[];
  outage: boolean;
}

export async function startFakeStepFunctions(): Promise<FakeStepFunctions> {
  const waiting = new Set<string>();
  const completed: FakeStepFunctions['completed'] = [];
  const fake: FakeStepFunctions = Object.assign(
    await startFakeApi((request) => {
      if (fake.outage) return { status: 500, body: { __type: 'ServiceUnavailable', message: 'Service unavailable' } };
      const target = String(request.headers['x-amz-target'] ?? '');
      const input = JSON.parse(request.body || '{}') as { taskToken?: string; output?: string; error?: string; cause?: string };
      const action = target === 'AWSStepFunctions.SendTaskSuccess' ? 'SendTaskSuccess' : target === 'AWSStepFunctions.SendTaskFailure' ? 'SendTaskFailure' : undefined;
      if (!action) return { status: 400, body: { __type: 'UnknownOperationException', message: target } };
      const taskToken = input.taskToken ?? '';
      if (!waiting.delete(taskToken)) return { status: 400, body: { __type: 'com.amazonaws.swf.service.v2.model#TaskTimedOut', message: 'Task Timed Out' } };
      completed.push({ action, taskToken, output: input.output === undefined ? undefined : JSON.parse(input.output), error: input.error, cause: input.cause });
      return { status: 200, body: {}, headers: { 'content-type': 'application/x-amz-json-1.0' } };
    }),
    { waiting, completed, outage: false },
  );
  return fake;
}
