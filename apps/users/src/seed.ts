import { EmailAlreadyRegisteredError } from './domain/errors.js';
import { registerCustomer } from './domain/accounts.js';
import { accounts } from './adapters/dependencies.js';

/** The local runtime's administrator; override the password with SHOPLANE_ADMIN_PASSWORD. */
export const localAdmin = {
  email: 'admin@shoplane.local',
  name: 'Shoplane Admin',
  defaultPassword: 'shoplane-admin',
};

/** Creates the local administrator once (idempotent: a persisted store keeps it). */
export async function seed(): Promise<string[]> {
  const deps = accounts();
  const password = process.env['SHOPLANE_ADMIN_PASSWORD'] || localAdmin.defaultPassword;
  try {
    await registerCustomer(deps, { email: localAdmin.email, name: localAdmin.name, password }, 'seed');
  } catch (error) {
    if (!(error instanceof EmailAlreadyRegisteredError)) throw error;
  }
  await deps.users.setRole(localAdmin.email, 'admin');
  return [`admin login: ${localAdmin.email} / ${password}  (POST /users/login)`];
}
