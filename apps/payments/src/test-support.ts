import { GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { receiveRazorpayWebhook, type DomainEvent, type InternalResult } from '@shoplane/contracts';
import { newId } from '@shoplane/lambda-kit';
import { apiEvent, createTestTable, invoke, localStoreEndpoint, type ParsedResponse, type TestTable } from '@shoplane/testing';
import { countingDeclines } from './adapters/decline-metrics.js';
import { metrics } from './adapters/logger.js';
import { paymentKey } from './adapters/payment-items.js';
import { dynamoPaymentRepository } from './adapters/payment-repository.js';
import { sandboxGateway } from './adapters/sandbox-gateway.js';
import type { WebhookDependencies } from './adapters/dependencies.js';
import type { ProcessPaymentInput, ProcessPaymentOutput, RefundPaymentOutput } from './domain/payment.js';
import type { CancelOutcome, CancelRequest, ChargeRequest, CheckoutCallback, PaymentGateway, ProviderVerdict, RefundRequest } from './domain/ports.js';
import type { PaymentDependencies } from './domain/settlement.js';
import { processPaymentHandler } from './handlers/process-payment.js';
import { razorpayWebhookHandler } from './handlers/razorpay-webhook.js';
import { refundPaymentHandler } from './handlers/refund-payment.js';
import { service } from './service.js';

/** A processPayment request for a fresh order: a card paid with `tok_visa` unless overridden. */
export function chargeRequest(overrides: Partial<ProcessPaymentInput> = {}): ProcessPaymentInput {
  return { orderId: newId('ord'), userId: newId('usr'), amount: { amount: 2599, currency: 'USD' }, method: 'CARD', token: 'tok_visa', ...overrides };
}

export interface CountingGateway extends PaymentGateway {
  /** Every call that reached the provider, in order (the sandbox answers repeats of a key without charging again). */
  charges: ChargeRequest[];
  refunds: RefundRequest[];
  cancels: CancelRequest[];
}

/** Counts what reaches the provider: the tests' measure of "charged once". */
export function countingGateway(inner: PaymentGateway): CountingGateway {
  const counting: CountingGateway = {
    charges: [],
    refunds: [],
    cancels: [],
    charge: (request) => (counting.charges.push(request), inner.charge(request)),
    refund: (request) => (counting.refunds.push(request), inner.refund(request)),
    cancel: (request) => (counting.cancels.push(request), inner.cancel(request)),
    settled: () => inner.settled(),
  };
  return counting;
}

/** A provider that answers every charge with `verdict` (refunds and cancels succeed): for outcomes the sandbox has no token for. */
export function scriptedGateway(verdict: (request: ChargeRequest) => ProviderVerdict, cancelOutcome: CancelOutcome = 'cancelled'): PaymentGateway {
  return {
    charge: async (request) => verdict(request),
    refund: async (request) => ({ reference: `re_${request.orderId}` }),
    cancel: async () => cancelOutcome,
    settled: async () => undefined,
  };
}

export interface RecordingCallback extends CheckoutCallback {
  successes: { taskToken: string; output: ProcessPaymentOutput }[];
  failures: { taskToken: string; error: string }[];
}

/** Stands in for Step Functions (its adapter is tested against a fake of its API): records each completion. */
export function recordingCallback(): RecordingCallback {
  const recording: RecordingCallback = {
    successes: [],
    failures: [],
    async succeed(taskToken, output) {
      recording.successes.push({ taskToken, output });
      return 'delivered';
    },
    async fail(taskToken, error) {
      recording.failures.push({ taskToken, error });
      return 'delivered';
    },
  };
  return recording;
}

export const sandboxWebhookSecret = 'sandbox-webhook-secret-for-tests';

/**
 * Payments wired to a fresh table in DynamoDB Local, a counting gateway (the sandbox
 * unless another is given) and a recording callback. The sandbox's approval webhooks
 * go straight to the Razorpay webhook handler, signed as Razorpay signs them.
 */
export async function paymentsTestbed(options: { gateway?: PaymentGateway; approvalDelayMs?: number } = {}) {
  const table: TestTable = await createTestTable(localStoreEndpoint(), service);
  const payments = countingDeclines(dynamoPaymentRepository(table.documents, table.name), metrics);
  const callback = recordingCallback();
  const webhookAnswers: ParsedResponse[] = [];
  let deliverWebhook: (body: string, headers: Record<string, string>) => Promise<void> = async () => undefined;
  const sandbox = sandboxGateway({
    approvals: {
      webhookBaseUrl: 'http://shop.test',
      webhookSecret: async () => sandboxWebhookSecret,
      delayMs: options.approvalDelayMs ?? 0,
      deliver: (_url, body, headers) => deliverWebhook(body, headers),
    },
  });
  const gateway = countingGateway(options.gateway ?? sandbox);
  const deps: PaymentDependencies = { payments, gateway, callback };
  const razorpayWebhookDeps: WebhookDependencies = { ...deps, signingSecret: async () => sandboxWebhookSecret, provider: 'sandbox' };
  const razorpayWebhook = razorpayWebhookHandler(() => razorpayWebhookDeps);
  deliverWebhook = async (body, headers) => {
    webhookAnswers.push(await invoke(razorpayWebhook, apiEvent(receiveRazorpayWebhook, { rawBody: body, headers })));
  };
  const processPayment = processPaymentHandler(() => deps);
  const refundPayment = refundPaymentHandler(() => deps);
  return {
    table,
    payments,
    gateway,
    callback,
    deps,
    razorpayWebhook,
    /** What the razorpay webhook answered to each webhook the sandbox sent. */
    webhookAnswers,
    pay: async (input: unknown) => (await processPayment(input)) as InternalResult<ProcessPaymentOutput>,
    refund: async (input: unknown) => (await refundPayment(input)) as InternalResult<RefundPaymentOutput>,
    /** The events in the table's outbox, oldest first. */
    async events(orderId?: string): Promise<DomainEvent[]> {
      const { Items = [] } = await table.documents.send(
        new ScanCommand({ TableName: table.name, FilterExpression: 'begins_with(PK, :outbox)', ExpressionAttributeValues: { ':outbox': 'OUTBOX#' }, ConsistentRead: true }),
      );
      const events = Items.map((item) => item['event'] as DomainEvent).sort((left, right) => left.eventId.localeCompare(right.eventId));
      return orderId ? events.filter((event) => (event.data as { orderId?: string }).orderId === orderId) : events;
    },
    /** The payment item as stored, task token and lease included. */
    async stored(orderId: string): Promise<Record<string, unknown> | undefined> {
      return (await table.documents.send(new GetCommand({ TableName: table.name, Key: paymentKey(orderId), ConsistentRead: true }))).Item;
    },
  };
}

export type PaymentsTestbed = Awaited<ReturnType<typeof paymentsTestbed>>;

/** The result of an internal operation that must have succeeded. */
export function resultOf<T>(answer: InternalResult<T>): T {
  if (!answer.ok) throw new Error(`expected a result, got problem ${JSON.stringify(answer.problem)}`);
  return answer.result;
}
