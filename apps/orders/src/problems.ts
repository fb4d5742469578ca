import { defineProblems, problem } from '@shoplane/lambda-kit';
import {
  EmptyOrderError,
  InsufficientStockError,
  MixedCurrenciesError,
  OrderCancelledError,
  OrderNotCancellableError,
  OrderNotFoundError,
  OrderNotPayableError,
  OrderStatusConflictError,
  ProductsUnavailableError,
} from './domain/errors.js';

/** How orders answers its domain errors, over HTTP and to checkout's internal calls alike. */
export const problems = defineProblems(
  problem(OrderNotFoundError, { status: 404 }),
  problem(EmptyOrderError, { status: 422 }),
  problem(ProductsUnavailableError, { status: 422 }),
  problem(MixedCurrenciesError, { status: 422 }),
  problem(InsufficientStockError, { status: 409 }),
  problem(OrderNotPayableError, { status: 409 }),
  problem(OrderCancelledError, { status: 409 }),
  problem(OrderNotCancellableError, { status: 409 }),
  problem(OrderStatusConflictError, { status: 409 }),
);
