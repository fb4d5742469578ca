import { SFNClient } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckoutCallback } from '../domain/ports.js';
import { startFakeStepFunctions, type FakeStepFunctions } from '../testing/fake-step-functions.js';
import { stepFunctionsCallback } from './checkout-callback.js';

let stepFunctions: FakeStepFunctions;
let callback: CheckoutCallback;
const output = { paymentId: 'pay_01JD8Z4M6Q5J3K2N1P0R9S8T7V', orderId: 'ord_01JD8Z4M6Q5J3K2N1P0R9S8T7V', status: 'CAPTURED' as const };

beforeAll(async () => {
  stepFunctions = await startFakeStepFunctions();
  const client = new SFNClient({ endpoint: stepFunctions.url, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 1 });
  callback = stepFunctionsCallback(client);
});

afterAll(async () => {
  await stepFunctions.close();
});

describe('the Step Functions callback', () => {
  it('completes the waiting Task with SendTaskSuccess, the output being the processPayment answer as JSON', async () => {
    stepFunctions.waiting.add('token-success');

    expect(await callback.succeed('token-success', output)).toBe('delivered');
    expect(stepFunctions.completed.at(-1)).toEqual({ action: 'SendTaskSuccess', taskToken: 'token-success', output });
  });

  it('fails the waiting Task with SendTaskFailure, naming the error', async () => {
    stepFunctions.waiting.add('token-failure');

    expect(await callback.fail('token-failure', 'payment-mismatch', 'This order is already being paid otherwise.')).toBe('delivered');
    expect(stepFunctions.completed.at(-1)).toMatchObject({ action: 'SendTaskFailure', error: 'payment-mismatch', cause: 'This order is already being paid otherwise.' });
  });

  it('answers expired for a token no Task waits for any more (TaskTimedOut), instead of failing', async () => {
    expect(await callback.succeed('token-nobody-waits-for', output)).toBe('expired');
  });

  it('throws when Step Functions cannot take the call, so the caller retries', async () => {
    stepFunctions.waiting.add('token-outage');
    stepFunctions.outage = true;

    await expect(callback.succeed('token-outage', output)).rejects.toThrow();
    stepFunctions.outage = false;
  });
});
