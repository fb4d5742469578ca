import { BusyError, ProductNotFoundError } from '@shoplane/contracts';
import { defineProblems, problem } from '@shoplane/lambda-kit';
import {
  CartFullError,
  CartItemNotFoundError,
  CurrencyMismatchError,
  LineQuantityLimitError,
  ProductUnavailableError,
} from './domain/errors.js';

/** How carts' domain errors are answered over HTTP: the one table every carts handler passes on. */
export const problems = defineProblems(
  problem(ProductNotFoundError, { status: 404 }),
  problem(ProductUnavailableError, { status: 422 }),
  problem(LineQuantityLimitError, { status: 422 }),
  problem(CartFullError, { status: 422 }),
  problem(CurrencyMismatchError, { status: 409 }),
  problem(CartItemNotFoundError, { status: 404 }),
  // Carts answered a contended cart as 409 `cart-busy` before BusyError existed; clients rely on it.
  problem(BusyError, { status: 409, type: 'cart-busy', headers: { 'retry-after': '1' } }),
);
