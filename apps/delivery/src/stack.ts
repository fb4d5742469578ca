import { CfnOutput, Duration, Stack, Tags, type App, type StackProps } from 'aws-cdk-lib';
import { OidcProviderNative, PolicyStatement, Role, WebIdentityPrincipal, type IOidcProvider } from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { deliverySettingsOf, type DeliverySettings } from './settings.js';

/** GitHub Actions' token issuer, and the audience configure-aws-credentials asks it for. */
export const githubTokenIssuer = 'token.actions.githubusercontent.com';
export const githubTokenAudience = 'sts.amazonaws.com';

/** The roles `cdk bootstrap` creates, which `cdk deploy` assumes to look up, publish and deploy. */
export const bootstrapRoleKinds = ['deploy', 'file-publishing', 'image-publishing', 'lookup'] as const;

/** One stack per account: the OIDC provider is account-wide, and the role serves every stage. */
export const deliveryStackName = 'shoplane-delivery';

/** The `sub` claims GitHub puts in tokens of the repository's main branch and its deploy environments. */
export function trustedSubjects(settings: Pick<DeliverySettings, 'repository' | 'environments'>): string[] {
  return [
    `repo:${settings.repository}:ref:refs/heads/main`,
    ...settings.environments.map((environment) => `repo:${settings.repository}:environment:${environment}`),
  ];
}

export interface DeliveryStackProps extends StackProps {
  settings: DeliverySettings;
}

/**
 * What lets GitHub Actions deploy without stored AWS keys: GitHub's OIDC provider
 * and one role that only this repository's main branch and deploy environments can
 * assume, and that can do nothing but assume the CDK bootstrap roles of this account
 * and region. Everything a deployment changes is done by those roles, as from a laptop.
 */
export class DeliveryStack extends Stack {
  readonly deployRole: Role;

  constructor(scope: Construct, id: string, props: DeliveryStackProps) {
    super(scope, id, { stackName: deliveryStackName, description: 'Shoplane: GitHub OIDC deploy role', ...props });
    const { settings } = props;
    Tags.of(this).add('project', 'shoplane');
    Tags.of(this).add('service', 'delivery');

    const provider: IOidcProvider = settings.reuseOidcProvider
      ? OidcProviderNative.fromOidcProviderArn(
          this,
          'GitHubProvider',
          this.formatArn({ service: 'iam', region: '', resource: 'oidc-provider', resourceName: githubTokenIssuer }),
        )
      : // No thumbprints: IAM trusts GitHub's certificate through its own root CAs.
        new OidcProviderNative(this, 'GitHubProvider', { url: `https://${githubTokenIssuer}`, clientIds: [githubTokenAudience] });

    this.deployRole = new Role(this, 'DeployRole', {
      description: `Assumed by GitHub Actions of ${settings.repository} (main and environments ${settings.environments.join(', ')}) to run cdk deploy`,
      maxSessionDuration: Duration.hours(1),
      // StringEquals with a list matches any one of its values exactly: no pattern, no other repository or branch.
      assumedBy: new WebIdentityPrincipal(provider.oidcProviderArn, {
        StringEquals: {
          [`${githubTokenIssuer}:aud`]: githubTokenAudience,
          [`${githubTokenIssuer}:sub`]: trustedSubjects(settings),
        },
      }),
    });
    this.deployRole.addToPolicy(
      new PolicyStatement({
        actions: ['sts:AssumeRole'],
        resources: bootstrapRoleKinds.map((kind) => this.bootstrapRoleArn(settings.bootstrapQualifier, kind)),
      }),
    );

    new CfnOutput(this, 'DeployRoleArn', {
      value: this.deployRole.roleArn,
      description: 'Set as the repository variable AWS_DEPLOY_ROLE_ARN',
    });
  }

  private bootstrapRoleArn(qualifier: string, kind: (typeof bootstrapRoleKinds)[number]): string {
    return this.formatArn({ service: 'iam', region: '', resource: 'role', resourceName: `cdk-${qualifier}-${kind}-role-${this.account}-${this.region}` });
  }
}

/** The stack `nx deploy delivery` deploys, its settings from CDK context (see settings.ts). */
export function createDeliveryStack(app: App, settings: DeliverySettings = deliverySettingsOf(app)): DeliveryStack {
  return new DeliveryStack(app, deliveryStackName, { settings });
}
