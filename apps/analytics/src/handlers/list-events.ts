import { listAnalyticsEvents } from '@shoplane/contracts';
import { httpHandler, platformTokenVerifier, type TokenVerifier } from '@shoplane/lambda-kit';
import { logger, reportDependencies } from '../adapters/dependencies.js';
import { eventLogPage, type ReportDependencies } from '../domain/reports.js';
import { problems } from '../problems.js';

/** GET /analytics/events (admin): one page of the event log, newest first. */
export function listEventsHandler(deps: () => Pick<ReportDependencies, 'log'>, verifier: () => TokenVerifier = platformTokenVerifier, clock: () => Date = () => new Date()) {
  return httpHandler(listAnalyticsEvents, { logger, problems, verifier }, async ({ query }) => ({ status: 200, body: await eventLogPage(deps(), query, clock()) }));
}

export const handler = listEventsHandler(reportDependencies);
