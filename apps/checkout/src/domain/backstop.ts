import type { OrderFailureReason } from '@shoplane/contracts';

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED' | 'PENDING_REDRIVE';

/** The undo steps, as the owners offer them: each idempotent, each may refuse. */
export interface OrderSettlement {
  /** CREATED | PAYMENT_PENDING → FAILED; a CANCELLED order stays CANCELLED. `refused` when it cannot fail (CONFIRMED, unknown). */
  failOrder(orderId: string, reason: OrderFailureReason, detail: string): Promise<'FAILED' | 'CANCELLED' | 'refused'>;
  releaseReservation(reservationId: string): Promise<'released' | 'refused'>;
  refundPayment(orderId: string): Promise<'REFUNDED' | 'CANCELLED' | 'NOTHING_TO_REFUND' | 'refused'>;
}

export type BackstopOutcome =
  | { action: 'ignored'; status: ExecutionStatus }
  | { action: 'left-alone' }
  | { action: 'settled'; order: 'FAILED' | 'CANCELLED'; release: 'released' | 'refused'; refund: 'REFUNDED' | 'CANCELLED' | 'NOTHING_TO_REFUND' | 'refused' };

const abnormal: readonly ExecutionStatus[] = ['FAILED', 'TIMED_OUT', 'ABORTED'];

/**
 * The backstop for an execution that ended without finishing its own compensation
 * (failed, timed out, aborted): every order must end terminal, and nobody may pay for
 * an order that failed.
 *
 * failOrder comes first and decides: once orders has failed the order it can never be
 * confirmed, so releasing its stock and refunding its payment is safe. When orders
 * refuses, the order is CONFIRMED (the execution ended after confirming, e.g. aborted by
 * an operator): then it is left alone, paid and committed. Running this twice changes
 * nothing more, so redelivered events are harmless.
 */
export async function settleAbandonedCheckout(
  settlement: OrderSettlement,
  ended: { orderId: string; status: ExecutionStatus },
): Promise<BackstopOutcome> {
  if (!abnormal.includes(ended.status)) return { action: 'ignored', status: ended.status };
  return compensateOrder(settlement, ended.orderId, `The checkout ended ${ended.status} before completing.`);
}

export type CompensationOutcome = Exclude<BackstopOutcome, { action: 'ignored' }>;

/**
 * The compensation of an order no execution will finish: fail it (as `internal-error`, with
 * `detail`), and only once orders has failed it (or it stays cancelled) release its stock
 * and refund its payment. A confirmed order is left alone. Each step is idempotent on the
 * order id, so compensating twice, or beside a checkout's own compensation, changes nothing more.
 */
export async function compensateOrder(settlement: OrderSettlement, orderId: string, detail: string): Promise<CompensationOutcome> {
  const order = await settlement.failOrder(orderId, 'internal-error', detail);
  if (order === 'refused') return { action: 'left-alone' };
  const release = await settlement.releaseReservation(orderId);
  const refund = await settlement.refundPayment(orderId);
  return { action: 'settled', order, release, refund };
}
