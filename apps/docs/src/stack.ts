import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  acknowledgeBucketDeployment,
  acknowledgeNagFinding,
  keepAutoDeleteLogs,
  siteBuckets,
  siteDeploymentLogs,
  stackName,
  stageOf,
  tagStack,
} from '@shoplane/cdk-kit';
import { workspaceRoot } from '@shoplane/manifest';
import { Stack, type App, type StackProps } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  HttpVersion,
  PriceClass,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import type { Construct } from 'constructs';
import { acknowledgeDistributionScope } from './nag.js';
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
    const siteRoot = props.siteRoot ?? defaultSiteRoot();
    if (!existsSync(join(siteRoot, 'index.html'))) {
      throw new Error(`Missing docs site in ${siteRoot}: run \`nx build docs\` first.`);
    }
    tagStack(this, props.stage, 'docs');

    const { logs, site } = siteBuckets(this);

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
      logGroup: siteDeploymentLogs(this),
    });
    acknowledgeBucketDeployment(deployment, site);
    keepAutoDeleteLogs(this);
  }
}

/** The stack `nx deploy docs` deploys: `shoplane-<stage>-docs`, stage from `-c stage=...`. */
export function createDocsStack(app: App, props: Omit<DocsStackProps, 'stage'> & { stage?: string } = {}): DocsStack {
  const stage = props.stage ?? stageOf(app);
  return new DocsStack(app, stackName(stage, 'docs'), { ...props, stage });
}
