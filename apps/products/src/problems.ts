import { ProductNotFoundError } from '@shoplane/contracts';
import { defineProblems, problem } from '@shoplane/lambda-kit';
import { InvalidCursorError, InvertedPriceRangeError, ProductAlreadyExistsError, ProductChangedConcurrentlyError } from './domain/errors.js';

/** How products' domain errors are answered over HTTP and to internal callers: the one table every products handler passes on. */
export const problems = defineProblems(
  // Also the answer for an archived product: archived products are gone from the public catalogue.
  problem(ProductNotFoundError, { status: 404 }),
  problem(ProductAlreadyExistsError, { status: 409 }),
  problem(ProductChangedConcurrentlyError, { status: 409, headers: { 'retry-after': '1' } }),
  problem(InvalidCursorError, { status: 400 }),
  problem(InvertedPriceRangeError, { status: 422 }),
);
