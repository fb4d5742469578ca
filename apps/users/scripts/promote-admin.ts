/**
 * Grants (or with --demote removes) the admin role for an existing account in a stage.
 *
 *   npm run promote-admin -- --email ada@example.com --stage prod
 *
 * Uses the AWS credentials and region of the shell. The new role is in the user's
 * next token: they log in again to use it. Locally, point it at the local store with
 * AWS_ENDPOINT_URL_DYNAMODB (printed by `npm start`) and `--stage local`.
 */
import { parseArgs } from 'node:util';
import { createDocumentClient } from '@shoplane/lambda-kit';
import { tableName } from '@shoplane/manifest';
import { dynamoUserRepository } from '../src/adapters/user-repository.js';

const { values } = parseArgs({
  options: {
    email: { type: 'string' },
    stage: { type: 'string', default: 'dev' },
    demote: { type: 'boolean', default: false },
  },
});

const email = values.email?.trim().toLowerCase();
if (!email) {
  console.error('usage: npm run promote-admin -- --email <email> [--stage <stage>] [--demote]');
  process.exit(2);
}
const table = tableName(values.stage ?? 'dev', 'users');
const role = values.demote ? 'customer' : 'admin';
const user = await dynamoUserRepository(createDocumentClient(), table).setRole(email, role);
if (!user) {
  console.error(`No account with email ${email} in ${table}.`);
  process.exit(1);
}
console.log(`${user.email} (${user.userId}) is now ${user.role} in ${table}; the change applies from their next login.`);
