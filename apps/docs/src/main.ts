import { applyNagChecks } from '@shoplane/cdk-kit';
import { App } from 'aws-cdk-lib';
import { createDocsStack } from './stack.js';

// CDK app entry of the hosted API reference: `nx deploy docs` (add `-c stage=<name>` for another stage).
const app = new App();
applyNagChecks(app);
createDocsStack(app);
app.synth();
