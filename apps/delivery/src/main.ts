import { applyNagChecks } from '@shoplane/cdk-kit';
import { App } from 'aws-cdk-lib';
import { createDeliveryStack } from './stack.js';

// CDK app entry of the deploy role GitHub Actions assumes, once per account:
// `nx deploy delivery -- -c githubRepository=<owner>/<name>` (see README, Deploying).
const app = new App();
applyNagChecks(app);
createDeliveryStack(app);
app.synth();
