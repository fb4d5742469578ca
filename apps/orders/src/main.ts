import { applyNagChecks } from '@shoplane/cdk-kit';
import { App } from 'aws-cdk-lib';
import { createOrdersStack } from './stack.js';

// CDK app entry of the orders service: `nx deploy orders` (add `-c stage=<name>` for another stage).
const app = new App();
applyNagChecks(app);
createOrdersStack(app);
app.synth();
