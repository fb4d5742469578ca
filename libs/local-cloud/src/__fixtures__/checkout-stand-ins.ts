import { SendTaskSuccessCommand, SFNClient } from '@aws-sdk/client-sfn';
import type { StandInService } from '../stand-ins.js';

/** How the stand-in services treat one order. */
export interface Scenario {
  /** orders refuses validateOrder (`order-not-payable`). */
  invalid?: boolean;
  /** inventory refuses reserveStock (`insufficient-stock`). */
  outOfStock?: boolean;
  /** What payments reports: at once (capture, decline), later through SendTaskSuccess by the test (webhook), or never. */
  payment?: 'capture' | 'decline' | 'webhook' | 'never';
  /** Operations that throw (a transient failure) this many times before answering. */
  failures?: Record<string, number>;
}

export interface Call {
  operation: string;
  input: Record<string, unknown>;
}

const ok = (result: unknown) => ({ ok: true, result });
const refused = (code: string, status: number) => ({
  ok: false,
  problem: { type: `https://shoplane.dev/problems/${code}`, title: 'Conflict', status, detail: `Refused: ${code}` },
});

/**
 * orders, inventory and payments as the checkout saga sees them (their internal
 * operations), scripted per order, recording every call. Payments reports outcomes the
 * way the real one does: SendTaskSuccess through @aws-sdk/client-sfn to the local endpoint.
 */
export class CheckoutStandIns {
  readonly scenarios = new Map<string, Scenario>();
  readonly calls = new Map<string, Call[]>();
  /** Task tokens payments received, by order. */
  readonly taskTokens = new Map<string, string>();
  private stepFunctions?: SFNClient;

  callsOf(orderId: string): string[] {
    return (this.calls.get(orderId) ?? []).map((call) => call.operation);
  }

  inputOf(orderId: string, operation: string): Record<string, unknown>[] {
    return (this.calls.get(orderId) ?? []).filter((call) => call.operation === operation).map((call) => call.input);
  }

  get services(): StandInService[] {
    const operation = (name: string, answer: (input: Record<string, unknown>, orderId: string, scenario: Scenario) => unknown) => async (event: unknown) => {
      const input = event as Record<string, unknown>;
      const orderId = String(input['orderId'] ?? input['reservationId']);
      this.calls.set(orderId, [...(this.calls.get(orderId) ?? []), { operation: name, input }]);
      const scenario = this.scenarios.get(orderId) ?? {};
      const failures = scenario.failures?.[name] ?? 0;
      if (failures > 0) {
        scenario.failures = { ...scenario.failures, [name]: failures - 1 };
        throw new Error(`${name} is briefly unavailable`);
      }
      return answer(input, orderId, scenario);
    };
    return [
      {
        service: 'orders',
        operations: {
          validateOrder: operation('orders.validateOrder', (_input, orderId, scenario) =>
            scenario.invalid
              ? refused('order-not-payable', 409)
              : ok({
                  orderId,
                  userId: 'usr_01JD8Z4M6Q5J3K2N1P0R9S8T7V',
                  lines: [{ productId: 'prd_01JD8Z4M6Q5J3K2N1P0R9S8T7V', quantity: 2 }],
                  total: { amount: 2598, currency: 'USD' },
                  payment: { method: 'CARD', token: 'tok_visa' },
                }),
          ),
          beginPayment: operation('orders.beginPayment', (_input, orderId) => ok({ orderId, status: 'PAYMENT_PENDING' })),
          confirmOrder: operation('orders.confirmOrder', (_input, orderId) =>
            ok({
              orderId,
              status: 'CONFIRMED',
              lines: [{ productId: 'prd_01JD8Z4M6Q5J3K2N1P0R9S8T7V', name: 'Mug', unitPrice: { amount: 1299, currency: 'USD' }, quantity: 2, lineTotal: { amount: 2598, currency: 'USD' } }],
              total: { amount: 2598, currency: 'USD' },
            }),
          ),
          failOrder: operation('orders.failOrder', (_input, orderId) => ok({ orderId, status: 'FAILED' })),
        },
      },
      {
        service: 'inventory',
        operations: {
          reserveStock: operation('inventory.reserveStock', (input, _orderId, scenario) =>
            scenario.outOfStock ? refused('insufficient-stock', 409) : ok({ reservationId: input['reservationId'], status: 'reserved', items: input['items'] }),
          ),
          commitReservation: operation('inventory.commitReservation', (input) => ok({ reservationId: input['reservationId'], status: 'committed' })),
          releaseReservation: operation('inventory.releaseReservation', (input) => ok({ reservationId: input['reservationId'], status: 'released' })),
        },
      },
      {
        service: 'payments',
        operations: {
          processPayment: operation('payments.processPayment', async (input, orderId, scenario) => {
            const taskToken = String(input['taskToken']);
            this.taskTokens.set(orderId, taskToken);
            const paymentId = 'pay_01JD8Z4M6Q5J3K2N1P0R9S8T7V';
            if (scenario.payment === undefined || scenario.payment === 'capture' || scenario.payment === 'decline') {
              const status = scenario.payment === 'decline' ? 'DECLINED' : 'CAPTURED';
              const output = { paymentId, orderId, status, ...(status === 'DECLINED' ? { reason: 'payment-declined' } : {}) };
              await this.client().send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) }));
            }
            return ok({ paymentId, orderId, status: 'PENDING' });
          }),
          refundPayment: operation('payments.refundPayment', (_input, orderId) => ok({ orderId, status: 'NOTHING_TO_REFUND' })),
        },
      },
      {
        service: 'notifications',
        operations: {
          sendNotification: operation('notifications.sendNotification', () =>
            ok({ notificationId: 'ntf_01JD8Z4M6Q5J3K2N1P0R9S8T7V', status: 'SENT', attempts: 1, duplicate: false }),
          ),
        },
      },
    ];
  }

  /** Created on first use, inside the running shop, whose environment points the SDK at the local endpoint. */
  private client(): SFNClient {
    this.stepFunctions ??= new SFNClient({ maxAttempts: 1 });
    return this.stepFunctions;
  }
}
