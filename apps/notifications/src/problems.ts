import { defineProblems, problem } from '@shoplane/lambda-kit';
import { InvalidCursorError } from './domain/errors.js';

/**
 * Notifications' domain errors as HTTP answers. Delivery failures are not here on
 * purpose: the internal operation answers them as `status: FAILED`, and the event
 * subscriptions hand them back to their queue.
 */
export const problems = defineProblems(problem(InvalidCursorError, { status: 400 }));
