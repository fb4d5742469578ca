import { createServiceStack, type CreateServiceStackOptions, type ServiceStack } from '@shoplane/cdk-kit';
import type { App } from 'aws-cdk-lib';
import { service } from './service.js';

/** The orders stack (`shoplane-<stage>-orders`), built from the manifest alone. */
export function createOrdersStack(app: App, options: CreateServiceStackOptions = {}): ServiceStack {
  return createServiceStack(app, service, options);
}
