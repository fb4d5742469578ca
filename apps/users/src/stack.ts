import { createServiceStack, type CreateServiceStackOptions, type ServiceStack } from '@shoplane/cdk-kit';
import type { App } from 'aws-cdk-lib';
import { service } from './service.js';

/**
 * The users stack (`shoplane-<stage>-users`), built from the manifest alone.
 * Login hashes passwords with bcrypt, which is CPU-bound: it gets more memory,
 * and with it proportionally more CPU.
 */
export function createUsersStack(app: App, options: CreateServiceStackOptions = {}): ServiceStack {
  return createServiceStack(app, service, {
    ...options,
    functionOverrides: { register: { memorySize: 1024 }, login: { memorySize: 1024 }, ...options.functionOverrides },
  });
}
