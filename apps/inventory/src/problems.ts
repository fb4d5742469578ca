import { BusyError } from '@shoplane/contracts';
import { defineProblems, problem } from '@shoplane/lambda-kit';
import {
  InsufficientStockError,
  ReservationMismatchError,
  ReservationNotFoundError,
  ReservationStateError,
  StockNotFoundError,
  UnknownProductError,
} from './domain/errors.js';

/** How inventory's domain errors are answered over HTTP and to internal callers: the one table every inventory handler passes on. */
export const problems = defineProblems(
  problem(StockNotFoundError, { status: 404 }),
  // 404 rather than 422: the reservation is well formed, it names stock that does not exist here.
  problem(UnknownProductError, { status: 404 }),
  problem(InsufficientStockError, { status: 409 }),
  problem(ReservationNotFoundError, { status: 404 }),
  problem(ReservationMismatchError, { status: 409 }),
  problem(ReservationStateError, { status: 409 }),
  // Inventory answered contended stock as `service-unavailable` before BusyError existed; callers rely on it.
  problem(BusyError, { status: 503, type: 'service-unavailable', headers: { 'retry-after': '1' } }),
);
