import { BusyError } from '@shoplane/contracts';
import { paymentFailed, paymentRefunded, paymentSucceeded } from './payment-events.js';
import { attemptAt, canMove, isReportable, outputOf, type Payment, type PaymentStatus, type ProviderName } from './payment.js';
import type { CheckoutCallback, PaymentGateway, PaymentRepository, PaymentTransition, ProviderVerdict } from './ports.js';

export interface PaymentDependencies {
  payments: PaymentRepository;
  gateway: PaymentGateway;
  callback: CheckoutCallback;
  clock?: () => Date;
  /** How long a call owns a PROCESSING payment while it charges; longer than the function may run. */
  leaseMs?: number;
}

export const now = (deps: Pick<PaymentDependencies, 'clock'>) => deps.clock?.() ?? new Date();

/**
 * What to do with a provider's verdict, given the payment's status now:
 * - `move`: the payment was waiting for exactly this answer;
 * - `refund`: money captured for a payment already cancelled (an approval after the
 *   saga gave up) goes back at once;
 * - `withdraw`: a charge still pending at the provider for a payment already cancelled
 *   is cancelled there too;
 * - `keep`: the payment already moved on (a replayed webhook, an answer repeated).
 */
export type Decision = { kind: 'move'; to: PaymentStatus } | { kind: 'refund' } | { kind: 'withdraw' } | { kind: 'keep' };

export function decide(status: PaymentStatus, verdict: ProviderVerdict['status']): Decision {
  if (status === 'PROCESSING' || (status === 'PENDING' && verdict !== 'PENDING')) return { kind: 'move', to: verdict };
  if (status === 'CANCELLED' && verdict === 'CAPTURED') return { kind: 'refund' };
  if (status === 'CANCELLED' && verdict === 'PENDING') return { kind: 'withdraw' };
  return { kind: 'keep' };
}

/** A payment moves at most three times in a row (PROCESSING → PENDING → CANCELLED → REFUNDED); re-deciding never needs more rounds. */
export const maxDecisions = 4;

export async function mustFind(deps: Pick<PaymentDependencies, 'payments'>, orderId: string): Promise<Payment> {
  const payment = await deps.payments.find(orderId);
  if (!payment) throw new Error(`payment of ${orderId} vanished`);
  return payment;
}

/** Writes a transition; answers the payment after it, or undefined when someone moved it first. */
export async function move(deps: Pick<PaymentDependencies, 'payments'>, transition: PaymentTransition): Promise<Payment | undefined> {
  const written = await deps.payments.transition(transition);
  if (written === 'stale') return undefined;
  // Leaving PROCESSING releases the lease, as the repository's write does.
  const { leaseExpiresAt: _released, ...payment } = transition.payment;
  const attempts = transition.attempt ? [...payment.attempts, transition.attempt] : payment.attempts;
  return { ...payment, ...transition.changes, attempts, status: transition.to, updatedAt: transition.at.toISOString() };
}

function verdictTransition(payment: Payment, verdict: ProviderVerdict, source: 'charge' | 'notice', correlationId: string, at: Date): PaymentTransition {
  const changes = {
    provider: verdict.provider,
    ...(verdict.reference ? { providerReference: verdict.reference } : {}),
    ...(verdict.status === 'DECLINED' ? { declineReason: verdict.reason } : {}),
  };
  const after: Payment = { ...payment, ...changes, status: verdict.status };
  const events =
    verdict.status === 'CAPTURED'
      ? [paymentSucceeded(after, correlationId, at)]
      : verdict.status === 'DECLINED'
        ? [paymentFailed(after, verdict.reason, correlationId, at)]
        : [];
  const attempt = attemptAt(at, { action: source, result: verdict.status, provider: verdict.provider, ...(verdict.reference ? { reference: verdict.reference } : {}) });
  return { payment, to: verdict.status, at, changes, attempt, events };
}

/**
 * Applies what the provider said (a charge's answer or a webhook) to the payment,
 * deciding again on fresh state whenever another writer moved it first, and tells the
 * saga's waiting Task about a final outcome. Answers the payment as it ends up.
 */
export async function applyVerdict(
  deps: PaymentDependencies,
  payment: Payment,
  verdict: ProviderVerdict,
  source: 'charge' | 'notice',
  correlationId: string,
): Promise<Payment> {
  let current = payment;
  for (let round = 0; round < maxDecisions; round++) {
    const decision = decide(current.status, verdict.status);
    if (decision.kind === 'keep') {
      await reportOutcome(deps, current);
      return current;
    }
    if (decision.kind === 'refund' && verdict.reference) return giveBack(deps, current, verdict.provider, verdict.reference, correlationId);
    if (decision.kind === 'withdraw' && verdict.reference) return withdraw(deps, current, verdict.provider, verdict.reference, correlationId);
    if (decision.kind !== 'move') return current;
    const moved = await move(deps, verdictTransition(current, verdict, source, correlationId, now(deps)));
    if (moved) {
      await reportOutcome(deps, moved);
      return moved;
    }
    current = await mustFind(deps, current.orderId);
  }
  throw new BusyError('payment');
}

/**
 * Refunds captured money at the provider (one refund per order: the idempotency key
 * is `refund-<orderId>`) and records the payment REFUNDED with PaymentRefunded.
 */
export async function giveBack(
  deps: PaymentDependencies,
  payment: Payment,
  provider: ProviderName,
  reference: string,
  correlationId: string,
): Promise<Payment> {
  let current = payment;
  for (let round = 0; round < maxDecisions; round++) {
    if (!canMove(current.status, 'REFUNDED')) return current;
    const refund = await deps.gateway.refund({ provider, reference, orderId: current.orderId, amount: current.amount, idempotencyKey: `refund-${current.orderId}` });
    const at = now(deps);
    const changes = { provider, providerReference: reference, ...(refund.reference ? { refundReference: refund.reference } : {}) };
    const moved = await move(deps, {
      payment: current,
      to: 'REFUNDED',
      at,
      changes,
      attempt: attemptAt(at, { action: 'refund', result: 'REFUNDED', provider, ...(refund.reference ? { reference: refund.reference } : {}) }),
      events: [paymentRefunded({ ...current, ...changes }, correlationId, at)],
    });
    if (moved) return moved;
    current = await mustFind(deps, current.orderId);
  }
  throw new BusyError('payment');
}

/** Cancels at the provider a charge still pending there for a payment already cancelled here; refunds it if the customer approved first. */
async function withdraw(deps: PaymentDependencies, payment: Payment, provider: ProviderName, reference: string, correlationId: string): Promise<Payment> {
  const outcome = await deps.gateway.cancel({ provider, reference, orderId: payment.orderId, idempotencyKey: `cancel-${payment.orderId}` });
  return outcome === 'captured' ? giveBack(deps, payment, provider, reference, correlationId) : payment;
}

/**
 * Tells the saga's waiting Task a final outcome (SendTaskSuccess), once: the token is
 * taken off the payment atomically, and put back if it could not be delivered, so a
 * retry (a re-sent webhook) delivers it then.
 */
export async function reportOutcome(deps: Pick<PaymentDependencies, 'payments' | 'callback'>, payment: Payment): Promise<void> {
  if (!isReportable(payment.status)) return;
  const taskToken = await deps.payments.takeTaskToken(payment.orderId);
  if (!taskToken) return;
  try {
    await deps.callback.succeed(taskToken, outputOf(payment));
  } catch (error) {
    await deps.payments.restoreTaskToken(payment.orderId, taskToken);
    throw error;
  }
}
