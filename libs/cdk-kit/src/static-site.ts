import { CfnResource, Duration, RemovalPolicy, type Stack } from 'aws-cdk-lib';
import { AllowedMethods, CachePolicy, Distribution, HttpVersion, PriceClass, ViewerProtocolPolicy, type IResponseHeadersPolicy } from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, CfnBucket, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, type ISource } from 'aws-cdk-lib/aws-s3-deployment';
import { acknowledgeNagFinding, nagTokenName } from './nag.js';

/**
 * The pieces every static site of the shop (the API reference, the storefront) is built
 * from: a private, encrypted, TLS-only site bucket behind CloudFront, its access logs,
 * and the cdk-nag findings of aws-cdk-lib's own BucketDeployment handler. The constructs
 * are created in the caller's stack as `AccessLogs` and `Site`, the ids the docs stack had
 * before it used these (its synthesized template did not change).
 */
export interface SiteBuckets {
  /** Access logs of the site bucket (`s3/`) and of CloudFront (`cloudfront/`). */
  logs: Bucket;
  /** The built files; recreated by every deployment, so nothing to keep. */
  site: Bucket;
}

export function siteBuckets(stack: Stack): SiteBuckets {
  // S3 access logs are granted through the log bucket's policy rather than the deprecated LogDeliveryWrite ACL.
  stack.node.setContext('@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy', true);
  // CloudFront's standard logs are written with ACLs, so this bucket cannot enforce bucket-owner-only ownership.
  const logs = new Bucket(stack, 'AccessLogs', {
    blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
    encryption: BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    objectOwnership: ObjectOwnership.OBJECT_WRITER,
    lifecycleRules: [{ expiration: Duration.days(90) }],
    removalPolicy: RemovalPolicy.RETAIN,
  });
  // No AwsSolutions-S1 (access logs) here: cdk-nag already exempts the bucket other buckets log into.
  const site = new Bucket(stack, 'Site', {
    blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
    encryption: BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    serverAccessLogsBucket: logs,
    serverAccessLogsPrefix: 's3/',
    removalPolicy: RemovalPolicy.DESTROY,
    autoDeleteObjects: true,
  });
  return { logs, site };
}

/** The log group of a site's BucketDeployment handler (its `logGroup`), kept a month: each deployment's sync log. */
function siteDeploymentLogs(stack: Stack): LogGroup {
  return new LogGroup(stack, 'DeployLogs', { retention: RetentionDays.ONE_MONTH, removalPolicy: RemovalPolicy.DESTROY });
}

/**
 * `autoDeleteObjects` adds aws-cdk-lib's own provider function, which takes no log
 * group: without one, Lambda would create `/aws/lambda/<name>` on first use and keep
 * it forever. It logs into a group of the stack instead, kept a month. Call it after
 * `siteBuckets`, once the provider exists.
 */
function keepAutoDeleteLogs(stack: Stack): void {
  const handler = stack.node.tryFindChild('Custom::S3AutoDeleteObjectsCustomResourceProvider')?.node.tryFindChild('Handler');
  if (!(handler instanceof CfnResource) || handler.cfnResourceType !== 'AWS::Lambda::Function') throw new Error('autoDeleteObjects without its provider function');
  const logs = new LogGroup(stack, 'AutoDeleteObjectsLogs', { retention: RetentionDays.ONE_MONTH, removalPolicy: RemovalPolicy.DESTROY });
  handler.addPropertyOverride('LoggingConfig', { LogGroup: logs.logGroupName });
}

/**
 * BucketDeployment runs aws-cdk-lib's own handler (a Python Lambda with the AWS CLI
 * layer) whose runtime and role a stack cannot configure: its findings are acknowledged
 * on that handler only, one by one.
 */
function acknowledgeBucketDeployment(deployment: BucketDeployment, site: Bucket): void {
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
  for (const [finding, why] of wildcards) acknowledgeNagFinding(role, `AwsSolutions-IAM5[${finding}]`, `${builtIn} ${why}.`);
}

/** The findings about a public, static site's distribution that a custom domain or a web ACL would address. */
function acknowledgeStaticDistribution(distribution: Distribution, what: string): void {
  acknowledgeNagFinding(
    distribution,
    'AwsSolutions-CFR4',
    'Served on the default *.cloudfront.net certificate, whose minimum protocol AWS fixes at TLSv1; ' +
      'a custom domain with its own certificate (TLSv1.2_2021) is the fix once the shop has a domain.',
  );
  acknowledgeNagFinding(distribution, 'AwsSolutions-CFR1', `${what} for anyone, anywhere; there is no country to keep it from.`);
  acknowledgeNagFinding(
    distribution,
    'AwsSolutions-CFR2',
    'Static files only (GET/HEAD; the API it calls has its own throttling); a web ACL would filter nothing worth its cost.',
  );
}

/**
 * The CloudFront distribution in front of a site bucket (`Distribution`): HTTPS only, GET/HEAD,
 * cached and compressed, logging into the access-log bucket, its scope findings acknowledged.
 */
export function siteDistribution(
  stack: Stack,
  props: { comment: string; what: string; buckets: SiteBuckets; responseHeadersPolicy: IResponseHeadersPolicy },
): Distribution {
  const distribution = new Distribution(stack, 'Distribution', {
    comment: props.comment,
    defaultRootObject: 'index.html',
    defaultBehavior: {
      origin: S3BucketOrigin.withOriginAccessControl(props.buckets.site),
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
      cachePolicy: CachePolicy.CACHING_OPTIMIZED,
      responseHeadersPolicy: props.responseHeadersPolicy,
      compress: true,
    },
    httpVersion: HttpVersion.HTTP2_AND_3,
    priceClass: PriceClass.PRICE_CLASS_100,
    enableLogging: true,
    logBucket: props.buckets.logs,
    logFilePrefix: 'cloudfront/',
  });
  acknowledgeStaticDistribution(distribution, props.what);
  return distribution;
}

/**
 * Copies the built site into its bucket on every deployment (`Deploy`) and invalidates the
 * distribution, with the handler's logs (and the auto-delete provider's) kept a month.
 */
export function deploySite(stack: Stack, props: { sources: ISource[]; site: Bucket; distribution: Distribution }): BucketDeployment {
  const deployment = new BucketDeployment(stack, 'Deploy', {
    sources: props.sources,
    destinationBucket: props.site,
    distribution: props.distribution,
    distributionPaths: ['/*'],
    memoryLimit: 512,
    logGroup: siteDeploymentLogs(stack),
  });
  acknowledgeBucketDeployment(deployment, props.site);
  keepAutoDeleteLogs(stack);
  return deployment;
}
