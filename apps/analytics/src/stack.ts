import { createServiceStack, type CreateServiceStackOptions, type ServiceStack } from '@shoplane/cdk-kit';
import type { App } from 'aws-cdk-lib';
import { service } from './service.js';

/** The analytics stack (`shoplane-<stage>-analytics`), built from the manifest alone. Deploy it before inventory, which sends to its queue. */
export function createAnalyticsStack(app: App, options: CreateServiceStackOptions = {}): ServiceStack {
  return createServiceStack(app, service, options);
}
