import { applyNagChecks } from '@shoplane/cdk-kit';
import { App } from 'aws-cdk-lib';
import { createAnalyticsStack } from './stack.js';

// CDK app entry of the analytics service: `nx deploy analytics` (add `-c stage=<name>`).
const app = new App();
applyNagChecks(app);
createAnalyticsStack(app);
app.synth();
