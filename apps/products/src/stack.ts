import { createServiceStack, type CreateServiceStackOptions, type ServiceStack } from '@shoplane/cdk-kit';
import type { App } from 'aws-cdk-lib';
import { service } from './service.js';

/** The products stack (`shoplane-<stage>-products`), built from the manifest alone. */
export function createProductsStack(app: App, options: CreateServiceStackOptions = {}): ServiceStack {
  return createServiceStack(app, service, options);
}
