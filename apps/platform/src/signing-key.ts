import { acknowledgeNagFinding, nagTokenName, ServiceFunction } from '@shoplane/cdk-kit';
import { CustomResource, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { CfnFunction, type Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Provider } from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import type { SigningKeyProperties } from './handlers/signing-key.js';

export interface SigningKeyProps {
  stage: string;
  assetsRoot: string;
  removalPolicy: RemovalPolicy;
  /** SSM parameter (created by the custom resource) that receives the public keys. */
  publicKeysParameterName: string;
}

/**
 * The ES256 key pair every token is signed with. The private key stays in a
 * Secrets Manager secret only the users service may read; the public key is
 * published in SSM for every verifier. Both are written by a custom resource
 * (handlers/signing-key.ts) so the private key never appears in a template.
 */
export class SigningKey extends Construct {
  readonly secret: Secret;
  /** The function that writes the key pair, for its alarms. */
  readonly provisioner: LambdaFunction;

  constructor(scope: Construct, id: string, props: SigningKeyProps) {
    super(scope, id);
    // Created with a random placeholder value that the custom resource replaces with the key.
    this.secret = new Secret(this, 'Secret', {
      description: `Shoplane ${props.stage} token signing key (JSON { kid, privateKeyPem }).`,
      removalPolicy: props.removalPolicy,
    });
    acknowledgeNagFinding(
      this.secret,
      'AwsSolutions-SMG4',
      'A rotation must publish the new public key before tokens are signed with it; the Secrets Manager rotation ' +
        'schedule cannot order that, so keys rotate through this stack (custom resource) instead.',
    );

    const { function: provisioner } = new ServiceFunction(this, 'Provisioner', {
      service: 'platform',
      handler: 'signing-key',
      stage: props.stage,
      assetsRoot: props.assetsRoot,
      removalPolicy: props.removalPolicy,
      timeout: Duration.seconds(30),
      environment: {},
    });
    this.provisioner = provisioner;
    provisioner.addToRolePolicy(
      new PolicyStatement({
        actions: ['secretsmanager:GetSecretValue', 'secretsmanager:PutSecretValue'],
        resources: [this.secret.secretArn],
      }),
    );
    provisioner.addToRolePolicy(
      new PolicyStatement({
        actions: ['ssm:PutParameter'],
        resources: [
          Stack.of(this).formatArn({ service: 'ssm', resource: 'parameter', resourceName: props.publicKeysParameterName.slice(1) }),
        ],
      }),
    );

    const provider = new Provider(this, 'Provider', {
      onEventHandler: provisioner,
      logGroup: new LogGroup(this, 'ProviderLogs', { retention: RetentionDays.ONE_MONTH, removalPolicy: props.removalPolicy }),
    });
    acknowledgeProviderFramework(provider, provisioner);

    const properties: Omit<SigningKeyProperties, 'ServiceToken'> = {
      SecretId: this.secret.secretArn,
      ParameterName: props.publicKeysParameterName,
    };
    new CustomResource(this, 'Resource', {
      serviceToken: provider.serviceToken,
      resourceType: 'Custom::SigningKey',
      properties,
    });
  }
}

/** Findings inside aws-cdk-lib's custom resource provider framework, which this stack does not write. */
function acknowledgeProviderFramework(provider: Provider, provisioner: LambdaFunction): void {
  const provisionerResource = provisioner.node.defaultChild;
  if (!(provisionerResource instanceof CfnFunction)) throw new Error('Lambda Function without its CfnFunction');
  acknowledgeNagFinding(
    provider,
    'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    "The CDK provider framework's own function uses the basic execution policy to write its logs; it is not configurable.",
  );
  acknowledgeNagFinding(
    provider,
    `AwsSolutions-IAM5[Resource::${nagTokenName(provisionerResource, 'Arn')}:*]`,
    'The provider framework may invoke any version of the provisioning function; the wildcard covers only its versions.',
  );
}
