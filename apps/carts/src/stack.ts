import { createServiceStack, type CreateServiceStackOptions, type ServiceStack } from '@shoplane/cdk-kit';
import type { App } from 'aws-cdk-lib';
import { service } from './service.js';

/** The carts stack (`shoplane-<stage>-carts`), built from the manifest alone. */
export function createCartsStack(app: App, options: CreateServiceStackOptions = {}): ServiceStack {
  return createServiceStack(app, service, options);
}
