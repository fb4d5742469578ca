import { applyNagChecks } from '@shoplane/cdk-kit';
import { App } from 'aws-cdk-lib';
import { createNotificationsStack } from './stack.js';

// CDK app entry of the notifications service: `nx deploy notifications` (add `-c stage=<name>`, and the
// sender: `-c senderAddress='Shoplane <orders@shop.example.org>' -c sesIdentity=shop.example.org`).
const app = new App();
applyNagChecks(app);
createNotificationsStack(app);
app.synth();
