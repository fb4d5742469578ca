import { capabilityVariables, platformVariables, type PlatformCapability, type PlatformVariable } from '@shoplane/manifest';
import { Arn, ArnFormat, Stack } from 'aws-cdk-lib';
import { EventBus, type IEventBus } from 'aws-cdk-lib/aws-events';
import { PolicyStatement, type IGrantable } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Secret, type ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Topic, type ITopic } from 'aws-cdk-lib/aws-sns';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';
import { platformParameterName } from './naming.js';

/**
 * The platform's shared resources as a service stack sees them: names and ARNs
 * read from SSM when the stack deploys, so that no CloudFormation export ties
 * a service to the platform stack. Each lookup is created on first use, so a
 * service only depends on the parameters its capabilities need.
 */
export class PlatformReferences extends Construct {
  private cachedEventBus?: IEventBus;
  private cachedSigningKey?: ISecret;
  private cachedAlarmTopic?: ITopic;

  constructor(
    scope: Construct,
    id: string,
    private readonly stage: string,
  ) {
    super(scope, id);
  }

  get eventBus(): IEventBus {
    this.cachedEventBus ??= EventBus.fromEventBusName(this, 'EventBus', this.lookup('eventBusName'));
    return this.cachedEventBus;
  }

  get httpApiId(): string {
    return this.lookup('httpApiId');
  }

  get tokenIssuer(): string {
    return this.lookup('tokenIssuer');
  }

  get tokenAudience(): string {
    return this.lookup('tokenAudience');
  }

  /** The parameter's *name* is fixed; functions read its value (the public keys) at cold start. */
  get publicKeysParameterName(): string {
    return platformParameterName(this.stage, 'publicKeys');
  }

  get publicKeysParameterArn(): string {
    return Stack.of(this).formatArn({
      service: 'ssm',
      resource: 'parameter',
      // The name starts with a slash, which the ARN already has after `parameter`.
      resourceName: this.publicKeysParameterName.slice(1),
    });
  }

  get signingKey(): ISecret {
    this.cachedSigningKey ??= Secret.fromSecretCompleteArn(this, 'SigningKey', this.lookup('signingKeySecretArn'));
    return this.cachedSigningKey;
  }

  /** The stage's alarm topic, which every alarm of the stack notifies. */
  get alarmTopic(): ITopic {
    this.cachedAlarmTopic ??= Topic.fromTopicArn(this, 'AlarmTopic', this.lookup('alarmTopicArn'));
    return this.cachedAlarmTopic;
  }

  private lookup(key: Parameters<typeof platformParameterName>[1]): string {
    return StringParameter.valueForStringParameter(this, platformParameterName(this.stage, key));
  }
}

/**
 * Wires the capabilities one function declared into it: the environment
 * variables lambda-kit reads (`capabilityVariables`, the same list the local
 * runtime uses), and the one permission each needs, on exactly one resource.
 */
export function applyCapabilities(
  fn: LambdaFunction,
  capabilities: readonly PlatformCapability[],
  platform: PlatformReferences,
): void {
  for (const capability of new Set(capabilities)) {
    for (const variable of capabilityVariables[capability]) fn.addEnvironment(platformVariables[variable], platformValue(platform, variable));
    switch (capability) {
      case 'publishEvents':
        platform.eventBus.grantPutEventsTo(fn);
        break;
      case 'verifyTokens':
        allow(fn, ['ssm:GetParameter'], platform.publicKeysParameterArn);
        break;
      case 'signTokens':
        allow(fn, ['secretsmanager:GetSecretValue'], platform.signingKey.secretArn);
        break;
    }
  }
}

/** What a platform variable holds in this stack: a name or ARN resolved from SSM at deploy time, never a secret. */
function platformValue(platform: PlatformReferences, variable: PlatformVariable): string {
  switch (variable) {
    case 'eventBusName':
      return platform.eventBus.eventBusName;
    case 'tokenIssuer':
      return platform.tokenIssuer;
    case 'tokenAudience':
      return platform.tokenAudience;
    case 'publicKeysParameter':
      return platform.publicKeysParameterName;
    case 'signingKeySecret':
      return platform.signingKey.secretArn;
  }
}

function allow(grantee: IGrantable, actions: string[], resource: string): void {
  grantee.grantPrincipal.addToPrincipalPolicy(new PolicyStatement({ actions, resources: [resource] }));
}

/** ARN of a function known only by name, for an exact-resource grant. */
export function functionArnFromName(scope: Construct, name: string): string {
  return Arn.format({ service: 'lambda', resource: 'function', resourceName: name, arnFormat: ArnFormat.COLON_RESOURCE_NAME }, Stack.of(scope));
}
