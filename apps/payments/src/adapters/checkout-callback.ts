import { InvalidToken, SendTaskFailureCommand, SendTaskSuccessCommand, SFNClient, TaskDoesNotExist, TaskTimedOut } from '@aws-sdk/client-sfn';
import { tracedClient } from '@shoplane/lambda-kit';
import type { CheckoutCallback } from '../domain/ports.js';

/** Step Functions' `cause` takes at most 32,768 characters. */
const maxCauseLength = 32_768;

/** A token no Task waits for any more: it timed out, was retried under a new token, or its execution ended. */
function isGone(error: unknown): boolean {
  return error instanceof TaskTimedOut || error instanceof TaskDoesNotExist || error instanceof InvalidToken;
}

/**
 * The checkout saga's `.waitForTaskToken` Task, completed through the Step Functions
 * API (the local runtime serves the same API at AWS_ENDPOINT_URL_SFN).
 */
export function stepFunctionsCallback(client: SFNClient = tracedClient(new SFNClient({}))): CheckoutCallback {
  async function delivered(sending: Promise<unknown>): Promise<'delivered' | 'expired'> {
    try {
      await sending;
      return 'delivered';
    } catch (error) {
      if (isGone(error)) return 'expired';
      throw error;
    }
  }

  return {
    succeed: (taskToken, output) => delivered(client.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) }))),
    fail: (taskToken, error, cause) => delivered(client.send(new SendTaskFailureCommand({ taskToken, error, cause: cause.slice(0, maxCauseLength) }))),
  };
}
