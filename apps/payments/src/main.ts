import { applyNagChecks } from '@shoplane/cdk-kit';
import { App } from 'aws-cdk-lib';
import { createPaymentsStack } from './stack.js';

// CDK app entry of the payments service: `nx deploy payments` (`-c stage=<name>`, `-c paymentsGateway=live`).
const app = new App();
applyNagChecks(app);
createPaymentsStack(app);
app.synth();
