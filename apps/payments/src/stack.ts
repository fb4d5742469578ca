import {
  acknowledgeNagFinding,
  createServiceStack,
  isDisposableStage,
  platformParameterName,
  type CreateServiceStackOptions,
  type ServiceStack,
} from '@shoplane/cdk-kit';
import { ArnFormat, Duration, RemovalPolicy, Stack, type App } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import { service } from './service.js';
import { paymentsVariables, type GatewayMode } from './variables.js';

export interface PaymentsStackOptions extends CreateServiceStackOptions {
  /** Defaults to the app's `paymentsGateway` context (`-c paymentsGateway=live`), else `sandbox`. */
  gatewayMode?: GatewayMode;
}

export type ProviderSecret = 'stripeApiKey' | 'stripeWebhook' | 'razorpayApiKey' | 'razorpayWebhook';

/** The provider secrets: the variable naming each, its name under `shoplane/<stage>/payments/`, and what it holds. */
export const providerSecrets: Record<ProviderSecret, { variable: string; name: string; description: string }> = {
  stripeApiKey: { variable: paymentsVariables.stripeApiKeySecret, name: 'stripe-api-key', description: 'Stripe secret API key (sk_live_… / sk_test_…)' },
  stripeWebhook: { variable: paymentsVariables.stripeWebhookSecret, name: 'stripe-webhook-secret', description: 'Signing secret of the Stripe webhook endpoint (whsec_…)' },
  razorpayApiKey: { variable: paymentsVariables.razorpayApiKeySecret, name: 'razorpay-api-key', description: 'Razorpay API key as JSON {"keyId":"rzp_…","keySecret":"…"}' },
  razorpayWebhook: { variable: paymentsVariables.razorpayWebhookSecret, name: 'razorpay-webhook-secret', description: 'Razorpay webhook secret (the sandbox signs its webhooks with it too)' },
};

/**
 * What each function may read and whom it may tell: the secrets of the providers it
 * calls, and Step Functions' task callbacks only where a waiting Task is completed.
 * The refund needs no callback: the saga does not wait on a token while it compensates.
 */
export const functionGrants: Record<string, { secrets: ProviderSecret[]; completesTasks: boolean }> = {
  'process-payment': { secrets: ['stripeApiKey', 'razorpayApiKey', 'razorpayWebhook'], completesTasks: true },
  'refund-payment': { secrets: ['stripeApiKey', 'razorpayApiKey'], completesTasks: false },
  'stripe-webhook': { secrets: ['stripeWebhook', 'stripeApiKey'], completesTasks: true },
  'razorpay-webhook': { secrets: ['razorpayWebhook', 'razorpayApiKey'], completesTasks: true },
};

/** The checkout saga's state machine, by the name its stack gives it, so neither stack waits for the other's outputs. */
export function checkoutStateMachineName(stage: string): string {
  return `shoplane-${stage}-checkout`;
}

function gatewayModeOf(app: App): GatewayMode {
  const mode: unknown = app.node.tryGetContext('paymentsGateway') ?? 'sandbox';
  if (mode !== 'sandbox' && mode !== 'live') throw new Error(`Context "paymentsGateway" must be "sandbox" or "live", got ${JSON.stringify(mode)}`);
  return mode;
}

/**
 * The payments stack (`shoplane-<stage>-payments`): the manifest's table, functions,
 * webhook routes and internal operations, plus the provider secrets (created with
 * placeholder values for an operator to replace; see the README) and the grants above.
 */
export function createPaymentsStack(app: App, options: PaymentsStackOptions = {}): ServiceStack {
  const { gatewayMode = gatewayModeOf(app), ...stackOptions } = options;
  const charging = { timeout: Duration.seconds(25) };
  const stack = createServiceStack(app, service, {
    ...stackOptions,
    functionOverrides: { 'process-payment': charging, 'refund-payment': charging, ...stackOptions.functionOverrides },
  });
  const disposable = isDisposableStage(stack.stage);

  const secrets = new Map<ProviderSecret, Secret>();
  for (const [key, { name, description }] of Object.entries(providerSecrets) as [ProviderSecret, (typeof providerSecrets)[ProviderSecret]][]) {
    const secret = new Secret(stack, `${key[0]?.toUpperCase()}${key.slice(1)}Secret`, {
      secretName: `shoplane/${stack.stage}/payments/${name}`,
      description: `${description}. Created with a random placeholder; put the provider's value in before switching to live.`,
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
      removalPolicy: disposable ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
    });
    acknowledgeNagFinding(secret, 'AwsSolutions-SMG4', 'Provider credentials are issued and rotated in the provider\'s dashboard; an operator puts each new value here.');
    secrets.set(key, secret);
  }

  const stateMachineArn = Stack.of(stack).formatArn({
    service: 'states',
    resource: 'stateMachine',
    resourceName: checkoutStateMachineName(stack.stage),
    arnFormat: ArnFormat.COLON_RESOURCE_NAME,
  });

  for (const [handler, grants] of Object.entries(functionGrants)) {
    const fn = stack.functionFor(handler);
    fn.addEnvironment(paymentsVariables.gateway, gatewayMode);
    for (const key of grants.secrets) {
      const secret = secrets.get(key);
      if (!secret) throw new Error(`no ${key} secret`);
      secret.grantRead(fn);
      fn.addEnvironment(providerSecrets[key].variable, secret.secretArn);
    }
    if (grants.completesTasks) {
      fn.addToRolePolicy(new PolicyStatement({ actions: ['states:SendTaskSuccess', 'states:SendTaskFailure'], resources: [stateMachineArn] }));
    }
  }

  // The sandbox approves UPI payments by calling the shop's own webhook, on the platform's HTTP API.
  if (gatewayMode === 'sandbox') {
    const apiUrl = StringParameter.valueForStringParameter(stack, platformParameterName(stack.stage, 'httpApiUrl'));
    stack.functionFor('process-payment').addEnvironment(paymentsVariables.sandboxWebhookUrl, apiUrl);
  }
  return stack;
}
