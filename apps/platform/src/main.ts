import { applyNagChecks, workspaceUnits } from '@shoplane/cdk-kit';
import { App } from 'aws-cdk-lib';
import { createPlatformStack } from './stack.js';

// CDK app entry of the platform: `nx deploy platform` (add `-c stage=<name>` for another stage).
const app = new App();
applyNagChecks(app);
// The dashboard shows every service's routes and queues, read from their manifests.
createPlatformStack(app, { units: await workspaceUnits() });
app.synth();
