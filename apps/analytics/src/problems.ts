import { defineProblems, problem } from '@shoplane/lambda-kit';
import { InvalidCursorError, InvalidRangeError } from './domain/errors.js';

/**
 * Analytics' domain errors as HTTP answers. Ingestion's own failures are not here: the
 * queue's consumer hands them back to the queue (redelivery, then the dead-letter queue).
 */
export const problems = defineProblems(problem(InvalidCursorError, { status: 400 }), problem(InvalidRangeError, { status: 422 }));
