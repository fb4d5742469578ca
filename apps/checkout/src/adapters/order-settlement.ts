import type { failOrder, refundPayment, releaseReservation } from '@shoplane/contracts';
import { RemoteProblemError, type InternalClient } from '@shoplane/lambda-kit';
import type { OrderSettlement } from '../domain/backstop.js';

export interface SettlementClients {
  failOrder: InternalClient<typeof failOrder>;
  releaseReservation: InternalClient<typeof releaseReservation>;
  refundPayment: InternalClient<typeof refundPayment>;
}

/** A refusal is an answer (`refused`); a service that cannot be reached still throws, so the event is retried. */
async function refusedOr<T>(call: () => Promise<T>): Promise<T | 'refused'> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof RemoteProblemError) return 'refused';
    throw error;
  }
}

/** The undo steps through orders', inventory's and payments' internal operations. */
export function internalOrderSettlement(clients: SettlementClients): OrderSettlement {
  return {
    failOrder: (orderId, reason, detail) => refusedOr(async () => (await clients.failOrder.call({ orderId, reason, detail })).status),
    releaseReservation: (reservationId) => refusedOr(async () => (await clients.releaseReservation.call({ reservationId })).status),
    refundPayment: (orderId) => refusedOr(async () => (await clients.refundPayment.call({ orderId })).status),
  };
}
