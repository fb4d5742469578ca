import type {
  beginPayment,
  CheckoutInput,
  commitReservation,
  confirmOrder,
  failOrder,
  InternalOutput,
  InternalResult,
  OrderFailureReason,
  processPayment,
  refundPayment,
  releaseReservation,
  reserveStock,
  sendNotification,
  validateOrder,
} from '@shoplane/contracts';

/** What a Catch puts at its ResultPath. */
export interface CaughtError {
  Error: string;
  Cause: string;
}

/** Why the saga is compensating, and what there is to undo. Written by one Pass state per kind of failure. */
export interface CheckoutFailure {
  reason: OrderFailureReason;
  detail: string;
  /** Stock may be held for the order (a refused reservation holds nothing; one that errored may). */
  reserved: boolean;
  /** A charge may exist: processPayment was invoked. */
  paymentAttempted: boolean;
}

/**
 * The state an execution carries from step to step. Each Task writes its answer under
 * its own key (never over the input), so every later step and the compensation can see
 * everything that happened. The keys hold exactly what the internal operations answer.
 */
export interface CheckoutState extends CheckoutInput {
  order?: InternalResult<InternalOutput<typeof validateOrder>>;
  reservation?: InternalResult<InternalOutput<typeof reserveStock>>;
  paymentStart?: InternalResult<InternalOutput<typeof beginPayment>>;
  /** What payments reported with SendTaskSuccess: processPayment's output. */
  payment?: InternalOutput<typeof processPayment>;
  commit?: InternalResult<InternalOutput<typeof commitReservation>>;
  confirmation?: InternalResult<InternalOutput<typeof confirmOrder>>;
  /** What notifications answered for the confirmation or failure message (never decides the outcome). */
  notification?: InternalResult<InternalOutput<typeof sendNotification>>;
  /** The last error a Catch caught on the way forward. */
  error?: CaughtError;
  failure?: CheckoutFailure;
  failed?: InternalResult<InternalOutput<typeof failOrder>>;
  release?: InternalResult<InternalOutput<typeof releaseReservation>>;
  refund?: InternalResult<InternalOutput<typeof refundPayment>>;
  /** A compensation step that kept failing; the execution then ends FAILED and the backstop takes over. */
  compensationError?: CaughtError;
}

type KeysOf<T> = T extends readonly unknown[] ? never : T extends object ? Extract<keyof T, string> : never;
type ChildOf<T, K extends string> = T extends object ? (K extends keyof T ? NonNullable<T[K]> : never) : never;
/** Each segment must be a key of the value the previous ones lead to (in any branch of a union). */
type PathOf<T, P extends readonly string[]> = P extends readonly []
  ? readonly []
  : P extends readonly [infer Head extends string, ...infer Rest extends readonly string[]]
    ? readonly [Head extends KeysOf<T> ? Head : KeysOf<T>, ...PathOf<ChildOf<T, Head>, Rest>]
    : never;

/**
 * A JSONPath into the checkout state, checked against CheckoutState by the compiler:
 * `statePath('order', 'result', 'lines')` is `$.order.result.lines`, a typo does not compile.
 */
export function statePath<const P extends readonly string[]>(...segments: P & PathOf<CheckoutState, P>): string {
  return ['$', ...segments].join('.');
}
