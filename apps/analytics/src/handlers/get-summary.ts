import { getAnalyticsSummary } from '@shoplane/contracts';
import { httpHandler, platformTokenVerifier, type TokenVerifier } from '@shoplane/lambda-kit';
import { logger, reportDependencies } from '../adapters/dependencies.js';
import { summaryOf, type ReportDependencies } from '../domain/reports.js';
import { problems } from '../problems.js';

/** GET /analytics/summary (admin): the numbers of a range of days, from the counters kept at write time. */
export function getSummaryHandler(deps: () => Pick<ReportDependencies, 'aggregates'>, verifier: () => TokenVerifier = platformTokenVerifier, clock: () => Date = () => new Date()) {
  return httpHandler(getAnalyticsSummary, { logger, problems, verifier }, async ({ query }) => ({ status: 200, body: await summaryOf(deps(), query, clock()) }));
}

export const handler = getSummaryHandler(reportDependencies);
