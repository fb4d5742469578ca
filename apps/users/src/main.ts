import { applyNagChecks } from '@shoplane/cdk-kit';
import { App } from 'aws-cdk-lib';
import { createUsersStack } from './stack.js';

// CDK app entry of the users service: `nx deploy users` (add `-c stage=<name>` for another stage).
const app = new App();
applyNagChecks(app);
createUsersStack(app);
app.synth();
