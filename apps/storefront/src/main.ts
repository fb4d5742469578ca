import { applyNagChecks } from '@shoplane/cdk-kit';
import { App } from 'aws-cdk-lib';
import { createStorefrontStack } from './stack.js';

// CDK app entry of the storefront: `nx deploy storefront` (add `-c stage=<name>`, or `-c apiUrl=<url>` to call another API).
const app = new App();
applyNagChecks(app);
createStorefrontStack(app);
app.synth();
