import { appWithFeatureFlags, functionsWithoutRetainedLogs, unacknowledgedNagFindings, unusedNagAcknowledgements } from '@shoplane/cdk-kit';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDeliveryStack, type DeliveryStack } from './stack.js';

interface PolicyStatementJson {
  Effect: string;
  Action: string | string[];
  Resource?: unknown;
  Principal?: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}

function synthesize(context: Record<string, string>): { stack: DeliveryStack; template: Template } {
  const stack = createDeliveryStack(appWithFeatureFlags({ context }));
  return { stack, template: Template.fromStack(stack) };
}

function onlyResource(template: Template, type: string): { Properties: Record<string, unknown> } {
  const resources = Object.values(template.findResources(type));
  expect(resources).toHaveLength(1);
  const [resource] = resources;
  if (!resource) throw new Error(`no ${type}`);
  return resource as { Properties: Record<string, unknown> };
}

function trustStatements(template: Template): PolicyStatementJson[] {
  const role = onlyResource(template, 'AWS::IAM::Role');
  return (role.Properties['AssumeRolePolicyDocument'] as { Statement: PolicyStatementJson[] }).Statement;
}

function permissionStatements(template: Template): PolicyStatementJson[] {
  return Object.values(template.findResources('AWS::IAM::Policy')).flatMap(
    (policy) => (policy as { Properties: { PolicyDocument: { Statement: PolicyStatementJson[] } } }).Properties.PolicyDocument.Statement,
  );
}

/** `{ "Fn::Join": ["", [...]] }` with pseudo parameters written as `${AWS::…}`, for readable expectations. */
function joined(value: unknown): string {
  const join = (value as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join'];
  if (!join) return String(value);
  return join[1].map((part) => (typeof part === 'string' ? part : `\${${String((part as { Ref: string }).Ref)}}`)).join(join[0]);
}

describe('DeliveryStack', () => {
  let stack: DeliveryStack;
  let template: Template;

  beforeAll(() => {
    ({ stack, template } = synthesize({ githubRepository: 'acme/shoplane' }));
  });

  it('is one stack per account, named shoplane-delivery', () => {
    expect(stack.stackName).toBe('shoplane-delivery');
  });

  it("creates GitHub's OIDC provider for the STS audience, trusting IAM's own CA list (no thumbprints)", () => {
    const provider = onlyResource(template, 'AWS::IAM::OIDCProvider');

    expect(provider.Properties).toEqual({
      Url: 'https://token.actions.githubusercontent.com',
      ClientIdList: ['sts.amazonaws.com'],
      Tags: [
        { Key: 'project', Value: 'shoplane' },
        { Key: 'service', Value: 'delivery' },
      ],
    });
  });

  it('lets only the main branch and the dev and prod environments of this one repository assume the role', () => {
    const statements = trustStatements(template);

    expect(statements).toHaveLength(1);
    expect(statements[0]).toEqual({
      Effect: 'Allow',
      Action: 'sts:AssumeRoleWithWebIdentity',
      Principal: { Federated: { Ref: expect.stringMatching(/^GitHubProvider/) } },
      Condition: {
        StringEquals: {
          'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
          'token.actions.githubusercontent.com:sub': [
            'repo:acme/shoplane:ref:refs/heads/main',
            'repo:acme/shoplane:environment:dev',
            'repo:acme/shoplane:environment:prod',
          ],
        },
      },
    });
  });

  it('matches subjects exactly: no pattern operator and no wildcard anywhere in the trust policy', () => {
    const [statement] = trustStatements(template);

    expect(Object.keys(statement?.Condition ?? {})).toEqual(['StringEquals']);
    expect(JSON.stringify(trustStatements(template))).not.toMatch(/[*?]/);
  });

  it('may do nothing but assume the four CDK bootstrap roles of its account and region', () => {
    const statements = permissionStatements(template);

    expect(statements).toHaveLength(1);
    expect(statements[0]?.Effect).toBe('Allow');
    expect(statements[0]?.Action).toBe('sts:AssumeRole');
    expect((statements[0]?.Resource as unknown[]).map(joined)).toEqual(
      ['deploy', 'file-publishing', 'image-publishing', 'lookup'].map(
        (kind) => `arn:\${AWS::Partition}:iam::\${AWS::AccountId}:role/cdk-hnb659fds-${kind}-role-\${AWS::AccountId}-\${AWS::Region}`,
      ),
    );
    const role = onlyResource(template, 'AWS::IAM::Role');
    expect(role.Properties['ManagedPolicyArns']).toBeUndefined();
    expect(role.Properties['Policies']).toBeUndefined();
  });

  it('outputs the role ARN for the repository variable', () => {
    const outputs = template.findOutputs('DeployRoleArn');

    expect(outputs['DeployRoleArn']?.Value).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^DeployRole/), 'Arn'] });
  });

  it('passes cdk-nag AwsSolutions checks with no unacknowledged error or warning', () => {
    expect(unacknowledgedNagFindings(stack)).toEqual([]);
    expect(unacknowledgedNagFindings(stack, 'warning')).toEqual([]);
  });

  it('acknowledges no cdk-nag finding that does not occur', () => {
    expect(unusedNagAcknowledgements(stack)).toEqual([]);
  });

  it("gives every function, CDK's own included, a log group with a retention", () => {
    expect(functionsWithoutRetainedLogs(template)).toEqual([]);
  });
});

describe('DeliveryStack settings from context', () => {
  it('reuses the OIDC provider the account already has when asked, instead of creating a second', () => {
    const { template } = synthesize({ githubRepository: 'acme/shoplane', reuseGithubOidcProvider: 'true' });
    const [statement] = trustStatements(template);

    template.resourceCountIs('AWS::IAM::OIDCProvider', 0);
    expect(joined((statement?.Principal as { Federated: unknown }).Federated)).toBe(
      'arn:${AWS::Partition}:iam::${AWS::AccountId}:oidc-provider/token.actions.githubusercontent.com',
    );
  });

  it('trusts the environments and assumes the bootstrap roles of the qualifier it is given', () => {
    const { template } = synthesize({
      githubRepository: 'acme/shoplane',
      deployEnvironments: 'staging, prod',
      '@aws-cdk/core:bootstrapQualifier': 'shop01',
    });
    const [trust] = trustStatements(template);
    const [permission] = permissionStatements(template);

    expect(trust?.Condition?.['StringEquals']?.['token.actions.githubusercontent.com:sub']).toEqual([
      'repo:acme/shoplane:ref:refs/heads/main',
      'repo:acme/shoplane:environment:staging',
      'repo:acme/shoplane:environment:prod',
    ]);
    expect((permission?.Resource as unknown[]).map(joined).every((arn) => arn.includes(':role/cdk-shop01-'))).toBe(true);
  });

  it('fails with the command to run when the repository is not given', () => {
    expect(() => synthesize({})).toThrow('-c githubRepository=acme/shoplane');
  });

  it.each(['acme', 'acme/*', '*/shoplane', 'acme/shop*', 'acme/shoplane/extra', '-acme/shoplane', 'acme/..', 'ac me/shoplane'])(
    'refuses %j as a repository: it must name exactly one',
    (repository) => {
      expect(() => synthesize({ githubRepository: repository })).toThrow('Context "githubRepository" must be <owner>/<name>');
    },
  );

  it('refuses an environment name with a wildcard, and a flag that is neither true nor false', () => {
    expect(() => synthesize({ githubRepository: 'acme/shoplane', deployEnvironments: 'dev,*' })).toThrow('deployEnvironments');
    expect(() => synthesize({ githubRepository: 'acme/shoplane', reuseGithubOidcProvider: 'yes' })).toThrow('true or false');
  });
});
