import { applyNagChecks } from '@shoplane/cdk-kit';
import { App } from 'aws-cdk-lib';
import { createProductsStack } from './stack.js';

// CDK app entry of the products service: `nx deploy products` (add `-c stage=<name>` for another stage).
const app = new App();
applyNagChecks(app);
createProductsStack(app);
app.synth();
