import { applyNagChecks } from '@shoplane/cdk-kit';
import { App } from 'aws-cdk-lib';
import { createInventoryStack } from './stack.js';

// CDK app entry of the inventory service: `nx deploy inventory` (add `-c stage=<name>` for another stage).
const app = new App();
applyNagChecks(app);
createInventoryStack(app);
app.synth();
