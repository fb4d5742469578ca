import { applyNagChecks } from '@shoplane/cdk-kit';
import { App } from 'aws-cdk-lib';
import { createCheckoutStack } from './stack.js';

// CDK app entry of checkout: `nx deploy checkout` (add `-c stage=<name>`, `-c paymentTimeoutSeconds=<n>`).
const app = new App();
applyNagChecks(app);
createCheckoutStack(app);
app.synth();
