import { applyNagChecks } from '@shoplane/cdk-kit';
import { App } from 'aws-cdk-lib';
import { createCartsStack } from './stack.js';

// CDK app entry of the carts service: `nx deploy carts` (add `-c stage=<name>` for another stage).
const app = new App();
applyNagChecks(app);
createCartsStack(app);
app.synth();
