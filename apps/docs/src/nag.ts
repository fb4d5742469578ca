import { acknowledgeNagFinding, nagTokenName } from '@shoplane/cdk-kit';
import type { Distribution } from 'aws-cdk-lib/aws-cloudfront';
import { CfnBucket, type Bucket } from 'aws-cdk-lib/aws-s3';
import type { BucketDeployment } from 'aws-cdk-lib/aws-s3-deployment';

/**
 * BucketDeployment runs aws-cdk-lib's own handler (a Python Lambda with the
 * AWS CLI layer) whose runtime and role this stack cannot configure. The
 * findings below are acknowledged on that handler only, one by one.
 */
export function acknowledgeDeploymentHandler(deployment: BucketDeployment, site: Bucket): void {
  const role = deployment.handlerRole;
  const handlerFunction = role.node.scope;
  const siteResource = site.node.defaultChild;
  if (!handlerFunction || !(siteResource instanceof CfnBucket)) throw new Error('BucketDeployment without its handler or bucket');

  const builtIn = 'Built into aws-cdk-lib BucketDeployment, not configurable:';
  acknowledgeNagFinding(handlerFunction, 'AwsSolutions-L1', `${builtIn} its handler pins the Python runtime it was tested with.`);
  acknowledgeNagFinding(
    role,
    'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    `${builtIn} the handler writes its logs through the basic execution policy.`,
  );
  const wildcards: Array<[string, string]> = [
    ['Action::s3:GetObject*', 'reads the site asset from the CDK assets bucket'],
    ['Action::s3:GetBucket*', 'reads the site asset from the CDK assets bucket'],
    ['Action::s3:List*', 'lists the assets and the site bucket to sync them'],
    ['Action::s3:DeleteObject*', 'removes files from the site bucket that the new build no longer has'],
    ['Action::s3:Abort*', 'aborts its own failed multipart uploads to the site bucket'],
    ['Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*', 'the CDK assets bucket holds the site asset'],
    [`Resource::${nagTokenName(siteResource, 'Arn')}/*`, 'every object of the site bucket, which holds only the built site'],
    ['Resource::*', 'CloudFront invalidations support no resource-level permissions'],
  ];
  for (const [finding, why] of wildcards) {
    acknowledgeNagFinding(role, `AwsSolutions-IAM5[${finding}]`, `${builtIn} ${why}.`);
  }
}

/** Warnings about the distribution that do not apply to a public, static reference page. */
export function acknowledgeDistributionScope(distribution: Distribution): void {
  acknowledgeNagFinding(
    distribution,
    'AwsSolutions-CFR1',
    'Public API documentation for integrators anywhere; there is no country to keep it from.',
  );
  acknowledgeNagFinding(
    distribution,
    'AwsSolutions-CFR2',
    'Static files only (no forms, no application logic, GET/HEAD); a web ACL would filter nothing worth its cost.',
  );
}
