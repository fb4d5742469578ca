import { acknowledgeNagFinding, createServiceStack, isDisposableStage, type CreateServiceStackOptions, type ServiceStack } from '@shoplane/cdk-kit';
import { configurationOf, handlerNames, parameterName } from '@shoplane/manifest';
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

/**
 * The functions that talk to a provider (they get the gateway switch) and whom each may
 * tell: Step Functions' task callbacks only where a waiting Task is completed. The refund
 * needs no callback: the saga does not wait on a token while it compensates. The secrets
 * each reads, and the platform values, are declared in the manifest.
 */
export const functionGrants: Record<string, { completesTasks: boolean }> = {
  'process-payment': { completesTasks: true },
  'refund-payment': { completesTasks: false },
  'stripe-webhook': { completesTasks: true },
  'razorpay-webhook': { completesTasks: true },
};

/** The checkout saga's state machine, by the name its stack gives it, so neither stack waits for the other's outputs. */
export function checkoutStateMachineName(stage: string): string {
  return `shoplane-${stage}-checkout`;
}

/** `stripe-api-key` → `StripeApiKeySecret`, `stripe-webhook-secret` → `StripeWebhookSecret`: the ids the secrets have always had, so none is replaced. */
function secretConstructId(name: string): string {
  return `${name.replace(/-secret$/, '').replace(/(^|-)([a-z])/g, (_match, _separator: string, letter: string) => letter.toUpperCase())}Secret`;
}

function gatewayModeOf(app: App): GatewayMode {
  const mode: unknown = app.node.tryGetContext('paymentsGateway') ?? 'sandbox';
  if (mode !== 'sandbox' && mode !== 'live') throw new Error(`Context "paymentsGateway" must be "sandbox" or "live", got ${JSON.stringify(mode)}`);
  return mode;
}

/**
 * The payments stack (`shoplane-<stage>-payments`): the manifest's table, functions,
 * webhook routes and internal operations, plus the provider secrets (created with
 * placeholder values for an operator to replace; see the README), each read only by the
 * functions whose declarations name it, and the grants above.
 */
export function createPaymentsStack(app: App, options: PaymentsStackOptions = {}): ServiceStack {
  const { gatewayMode = gatewayModeOf(app), ...stackOptions } = options;
  const charging = { timeout: Duration.seconds(25) };
  const stack = createServiceStack(app, service, {
    ...stackOptions,
    functionOverrides: { 'process-payment': charging, 'refund-payment': charging, ...stackOptions.functionOverrides },
  });
  const disposable = isDisposableStage(stack.stage);

  const secrets = new Map<string, Secret>();
  for (const { name, description } of service.secrets ?? []) {
    const secret = new Secret(stack, secretConstructId(name), {
      secretName: `shoplane/${stack.stage}/payments/${name}`,
      description: `${description}. Created with a random placeholder; put the provider's value in before switching to live.`,
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
      removalPolicy: disposable ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
    });
    acknowledgeNagFinding(secret, 'AwsSolutions-SMG4', 'Provider credentials are issued and rotated in the provider\'s dashboard; an operator puts each new value here.');
    secrets.set(name, secret);
  }

  const stateMachineArn = Stack.of(stack).formatArn({
    service: 'states',
    resource: 'stateMachine',
    resourceName: checkoutStateMachineName(stack.stage),
    arnFormat: ArnFormat.COLON_RESOURCE_NAME,
  });

  for (const handler of handlerNames(service)) {
    const fn = stack.functionFor(handler);
    const configuration = configurationOf(service, handler);
    for (const { name, variable } of configuration.secrets) {
      const secret = secrets.get(name);
      if (!secret) throw new Error(`no ${name} secret`);
      secret.grantRead(fn);
      fn.addEnvironment(variable, secret.secretArn);
    }
    const grants = functionGrants[handler];
    if (!grants) continue;
    fn.addEnvironment(paymentsVariables.gateway, gatewayMode);
    // Platform values only configure the sandbox (where it sends its approvals): a live deployment needs none.
    if (gatewayMode === 'sandbox') {
      for (const [variable, key] of Object.entries(configuration.platformValues)) {
        fn.addEnvironment(variable, StringParameter.valueForStringParameter(stack, parameterName(stack.stage, 'platform', key)));
      }
    }
    if (grants.completesTasks) {
      fn.addToRolePolicy(new PolicyStatement({ actions: ['states:SendTaskSuccess', 'states:SendTaskFailure'], resources: [stateMachineArn] }));
    }
  }
  return stack;
}
