import { createLogger, metricsOf } from '@shoplane/lambda-kit';

/** Payments' one logger; its own module, so a handler that needs no provider SDK does not bundle one through it. */
export const logger = createLogger('payments');

/** PaymentsDeclined. */
export const metrics = metricsOf(logger);
