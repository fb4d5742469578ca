import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { acknowledgeNagFinding, stackName, stageOf, tagStack } from '@shoplane/cdk-kit';
import { workspaceRoot } from '@shoplane/manifest';
import { CfnResource, Duration, RemovalPolicy, Stack, type App, type StackProps } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  HttpVersion,
  PriceClass,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import type { Construct } from 'constructs';
import { acknowledgeDeploymentHandler, acknowledgeDistributionScope } from './nag.js';
import { securityHeaders } from './security-headers.js';

export interface DocsStackProps extends StackProps {
  stage: string;
  /** Folder holding index.html, standalone.js and openapi.json; defaults to `dist/apps/docs/site`. Tests pass stubs. */
  siteRoot?: string;
}

/** Where `nx build docs` puts the site. */
export function defaultSiteRoot(): string {
  return join(workspaceRoot(), 'dist', 'apps', 'docs', 'site');
}

/**
 * The hosted API reference: the static Scalar page and openapi.json in a
 * private bucket, served only through CloudFront (Origin Access Control) over
 * HTTPS with security headers. Every deployment replaces the files and
 * invalidates the cache, so the page always shows the deployed contract.
 */
export class DocsStack extends Stack {
  readonly distribution: Distribution;

  constructor(scope: Construct, id: string, props: DocsStackProps) {
    super(scope, id, { stackName: stackName(props.stage, 'docs'), ...props });
    // S3 access logs are granted through the log bucket's policy rather than the deprecated LogDeliveryWrite ACL.
    this.node.setContext('@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy', true);
    const siteRoot = props.siteRoot ?? defaultSiteRoot();
    if (!existsSync(join(siteRoot, 'index.html'))) {
      throw new Error(`Missing docs site in ${siteRoot}: run \`nx build docs\` first.`);
    }
    tagStack(this, props.stage, 'docs');

    // Access logs of the site bucket and of CloudFront. CloudFront's standard
    // logs are written with ACLs, so this bucket cannot enforce bucket-owner-only ownership.
    const logs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.OBJECT_WRITER,
      lifecycleRules: [{ expiration: Duration.days(90) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // No AwsSolutions-S1 (access logs) here: cdk-nag already exempts the bucket other buckets log into.

    // Its content is a build output, recreated by every deployment: nothing to keep.
    const site = new Bucket(this, 'Site', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 's3/',
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });

    this.distribution = new Distribution(this, 'Distribution', {
      comment: `Shoplane API reference (${props.stage})`,
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(site),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: securityHeaders(this, 'SecurityHeaders'),
        compress: true,
      },
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
    });
    acknowledgeNagFinding(
      this.distribution,
      'AwsSolutions-CFR4',
      'Served on the default *.cloudfront.net certificate, whose minimum protocol AWS fixes at TLSv1; ' +
        'a custom domain with its own certificate (TLSv1.2_2021) is the fix once the shop has a domain.',
    );
    acknowledgeDistributionScope(this.distribution);

    const deployment = new BucketDeployment(this, 'Deploy', {
      sources: [Source.asset(siteRoot)],
      destinationBucket: site,
      distribution: this.distribution,
      distributionPaths: ['/*'],
      memoryLimit: 512,
      logGroup: new LogGroup(this, 'DeployLogs', { retention: RetentionDays.ONE_MONTH, removalPolicy: RemovalPolicy.DESTROY }),
    });
    acknowledgeDeploymentHandler(deployment, site);
    this.keepAutoDeleteLogs();
  }

  /**
   * `autoDeleteObjects` adds aws-cdk-lib's own provider function, which takes no log
   * group: without one, Lambda would create `/aws/lambda/<name>` on first use and keep
   * it forever. It logs into a group of this stack instead, kept a month.
   */
  private keepAutoDeleteLogs(): void {
    const handler = this.node.tryFindChild('Custom::S3AutoDeleteObjectsCustomResourceProvider')?.node.tryFindChild('Handler');
    if (!(handler instanceof CfnResource) || handler.cfnResourceType !== 'AWS::Lambda::Function') throw new Error('autoDeleteObjects without its provider function');
    const logs = new LogGroup(this, 'AutoDeleteObjectsLogs', { retention: RetentionDays.ONE_MONTH, removalPolicy: RemovalPolicy.DESTROY });
    handler.addPropertyOverride('LoggingConfig', { LogGroup: logs.logGroupName });
  }
}

/** The stack `nx deploy docs` deploys: `shoplane-<stage>-docs`, stage from `-c stage=...`. */
export function createDocsStack(app: App, props: Omit<DocsStackProps, 'stage'> & { stage?: string } = {}): DocsStack {
  const stage = props.stage ?? stageOf(app);
  return new DocsStack(app, stackName(stage, 'docs'), { ...props, stage });
}
