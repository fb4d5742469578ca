import { createDocumentClient, createLogger, metricsOf, once, serviceTableName } from '@shoplane/lambda-kit';
import type { AccountDependencies } from '../domain/accounts.js';
import { dynamoAttemptLog } from './attempt-log.js';
import { bcryptHasher } from './password-hasher.js';
import { dynamoUserRepository } from './user-repository.js';

export const logger = createLogger('users');
/** LoginsThrottled. */
export const metrics = metricsOf(logger);
const documentClient = createDocumentClient();

/** Wired once per container, on first use, from the environment the stack provides. */
export const accounts = once(
  (): AccountDependencies => {
    const table = serviceTableName('users');
    return { users: dynamoUserRepository(documentClient, table), hasher: bcryptHasher(), attempts: dynamoAttemptLog(documentClient, table) };
  },
);
