import { startFakeApi, type FakeAnswer, type FakeApi, type ReceivedRequest } from './fake-http.js';

/**
 * Stripe's API as its test mode behaves, for the parts the Stripe adapter uses:
 * PaymentIntents created and confirmed with a test card token or PaymentMethod id,
 * refunds, cancels, and idempotency keys (a repeated key gets the first answer and
 * creates nothing). `outage` makes it answer 500s.
 */
export interface FakeStripe extends FakeApi {
  /** PaymentIntents actually created (a replayed idempotency key creates none). */
  intents: Map<string, Intent>;
  refunds: { id: string; paymentIntent: string; amount: number }[];
  outage: boolean;
}

interface Intent {
  id: string;
  object: 'payment_intent';
  amount: number;
  currency: string;
  status: string;
  metadata: Record<string, string>;
  last_payment_error: null | { code: string; decline_code?: string };
}

const cardError = (code: string, declineCode: string | undefined, intent: Intent): FakeAnswer => ({
  status: 402,
  body: { error: { type: 'card_error', code, ...(declineCode ? { decline_code: declineCode } : {}), message: 'Your card was declined.', payment_intent: intent } },
});

const invalidRequest = (code: string, message: string, extra: Record<string, unknown> = {}): FakeAnswer => ({
  status: 400,
  body: { error: { type: 'invalid_request_error', code, message, ...extra } },
});

/** Metadata and other hashes arrive form-encoded as `metadata[orderId]=…`. */
function hash(params: URLSearchParams, name: string): Record<string, string> {
  const entries = [...params.entries()].flatMap(([key, value]) => {
    const match = new RegExp(`^${name}\\[(\\w+)\\]$`).exec(key);
    return match?.[1] ? [[match[1], value] as const] : [];
  });
  return Object.fromEntries(entries);
}

export async function startFakeStripe(): Promise<FakeStripe> {
  const intents = new Map<string, Intent>();
  const refunds: FakeStripe['refunds'] = [];
  const byIdempotencyKey = new Map<string, FakeAnswer>();
  let sequence = 0;
  const nextId = (prefix: string) => `${prefix}_fake${String(++sequence).padStart(6, '0')}`;

  function createIntent(params: URLSearchParams): FakeAnswer {
    const card = params.get('payment_method') ?? params.get('payment_method_data[card][token]') ?? '';
    const intent: Intent = {
      id: nextId('pi'),
      object: 'payment_intent',
      amount: Number(params.get('amount')),
      currency: params.get('currency') ?? '',
      status: 'succeeded',
      metadata: hash(params, 'metadata'),
      last_payment_error: null,
    };
    intents.set(intent.id, intent);
    if (card.endsWith('chargeDeclinedInsufficientFunds')) {
      intent.status = 'requires_payment_method';
      intent.last_payment_error = { code: 'card_declined', decline_code: 'insufficient_funds' };
      return cardError('card_declined', 'insufficient_funds', intent);
    }
    if (card.endsWith('chargeDeclined')) {
      intent.status = 'requires_payment_method';
      intent.last_payment_error = { code: 'card_declined', decline_code: 'generic_decline' };
      return cardError('card_declined', 'generic_decline', intent);
    }
    if (card.endsWith('threeDSecure2Required') || card.endsWith('authenticationRequired')) intent.status = 'requires_action';
    else if (!card.endsWith('visa')) {
      intents.delete(intent.id);
      return invalidRequest('resource_missing', `No such token: '${card}'`);
    }
    return { status: 200, body: intent };
  }

  function refund(params: URLSearchParams): FakeAnswer {
    const paymentIntent = params.get('payment_intent') ?? '';
    const intent = intents.get(paymentIntent);
    if (!intent) return invalidRequest('resource_missing', `No such payment_intent: '${paymentIntent}'`);
    if (refunds.some((existing) => existing.paymentIntent === paymentIntent)) return invalidRequest('charge_already_refunded', 'Charge has already been refunded.');
    const created = { id: nextId('re'), paymentIntent, amount: Number(params.get('amount') ?? intent.amount) };
    refunds.push(created);
    return { status: 200, body: { id: created.id, object: 'refund', amount: created.amount, payment_intent: paymentIntent, status: 'succeeded' } };
  }

  function cancel(id: string): FakeAnswer {
    const intent = intents.get(id);
    if (!intent) return invalidRequest('resource_missing', `No such payment_intent: '${id}'`);
    if (intent.status === 'succeeded' || intent.status === 'canceled') {
      return invalidRequest('payment_intent_unexpected_state', `This PaymentIntent's status is ${intent.status}.`, { payment_intent: intent });
    }
    intent.status = 'canceled';
    return { status: 200, body: intent };
  }

  function route(request: ReceivedRequest): FakeAnswer {
    const params = new URLSearchParams(request.body);
    if (request.method === 'POST' && request.path === '/v1/payment_intents') return createIntent(params);
    if (request.method === 'POST' && request.path === '/v1/refunds') return refund(params);
    const cancelled = /^\/v1\/payment_intents\/([^/]+)\/cancel$/.exec(request.path);
    if (request.method === 'POST' && cancelled?.[1]) return cancel(cancelled[1]);
    return { status: 404, body: { error: { type: 'invalid_request_error', message: `Unrecognized request URL (${request.method}: ${request.path})` } } };
  }

  const fake: FakeStripe = Object.assign(
    await startFakeApi((request) => {
      if (fake.outage) return { status: 500, body: { error: { type: 'api_error', message: 'An unknown error occurred' } } };
      const key = String(request.headers['idempotency-key'] ?? '');
      const replay = key ? byIdempotencyKey.get(`${request.path}#${key}`) : undefined;
      if (replay) return { ...replay, headers: { 'idempotent-replayed': 'true' } };
      const answer = route(request);
      if (key) byIdempotencyKey.set(`${request.path}#${key}`, answer);
      return answer;
    }),
    { intents, refunds, outage: false },
  );
  return fake;
}

/** Completes a `requires_action` intent, as the customer finishing 3-D Secure would. */
export function completeAuthentication(fake: FakeStripe, intentId: string, succeeded: boolean): Intent {
  const intent = fake.intents.get(intentId);
  if (!intent) throw new Error(`no intent ${intentId}`);
  intent.status = succeeded ? 'succeeded' : 'requires_payment_method';
  intent.last_payment_error = succeeded ? null : { code: 'card_declined', decline_code: 'generic_decline' };
  return intent;
}
