import { createDocumentClient, createLogger, metricsOf, once, serviceTableName } from '@shoplane/lambda-kit';
import type { IngestDependencies } from '../domain/ingest.js';
import type { ReportDependencies } from '../domain/reports.js';
import { dynamoAggregateReader } from './aggregate-reader.js';
import { dynamoEventLogReader } from './event-listing.js';
import { dynamoIngestStore } from './ingest-store.js';

export const logger = createLogger('analytics');
/** MessagesDeadLettered. */
export const metrics = metricsOf(logger);
const documentClient = createDocumentClient();

/** Wired once per container, on first use, from the environment the stack provides. */
export const ingestDependencies = once((): IngestDependencies => ({ store: dynamoIngestStore(documentClient, serviceTableName('analytics')) }));

export const reportDependencies = once((): ReportDependencies => {
  const tableName = serviceTableName('analytics');
  return { log: dynamoEventLogReader(documentClient, tableName), aggregates: dynamoAggregateReader(documentClient, tableName) };
});
