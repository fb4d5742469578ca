import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { deploySite, platformParameterName, siteBuckets, siteDistribution, stackName, stageOf, tagStack } from '@shoplane/cdk-kit';
import { parameterName, workspaceRoot } from '@shoplane/manifest';
import { CfnOutput, Stack, type App, type StackProps } from 'aws-cdk-lib';
import type { Distribution } from 'aws-cdk-lib/aws-cloudfront';
import { Source } from 'aws-cdk-lib/aws-s3-deployment';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import type { Construct } from 'constructs';
import { securityHeaders } from './security-headers.js';

export interface StorefrontStackProps extends StackProps {
  stage: string;
  /** Folder holding the built storefront; defaults to `dist/apps/storefront/site`. Tests pass stubs. */
  siteRoot?: string;
  /** The API's base URL; defaults to the platform's SSM parameter `/shoplane/<stage>/platform/http-api-url`, read at deploy time. */
  apiUrl?: string;
}

/** Where `nx build storefront` puts the site. */
export function defaultSiteRoot(): string {
  return join(workspaceRoot(), 'dist', 'apps', 'storefront', 'site');
}

/**
 * The storefront as a static site: the Vite build in a private bucket, served only through
 * CloudFront (Origin Access Control) over HTTPS with security headers. The API's URL is
 * not built in: each deployment writes `config.json` beside the page, so one build serves
 * every stage. The site's origin is published for the platform's CORS configuration.
 */
export class StorefrontStack extends Stack {
  readonly distribution: Distribution;
  readonly siteUrl: string;

  constructor(scope: Construct, id: string, props: StorefrontStackProps) {
    super(scope, id, { stackName: stackName(props.stage, 'storefront'), ...props });
    const siteRoot = props.siteRoot ?? defaultSiteRoot();
    if (!existsSync(join(siteRoot, 'index.html'))) {
      throw new Error(`Missing storefront build in ${siteRoot}: run \`nx build storefront\` first.`);
    }
    tagStack(this, props.stage, 'storefront');
    // Buckets first: siteBuckets sets a context value, which must precede every child.
    const buckets = siteBuckets(this);
    const apiUrl = props.apiUrl ?? StringParameter.valueForStringParameter(this, platformParameterName(props.stage, 'httpApiUrl'));
    this.distribution = siteDistribution(this, {
      comment: `Shoplane storefront (${props.stage})`,
      what: 'The public shop front',
      buckets,
      responseHeadersPolicy: securityHeaders(this, 'SecurityHeaders', apiUrl),
    });
    this.siteUrl = `https://${this.distribution.distributionDomainName}`;
    deploySite(this, {
      sources: [Source.asset(siteRoot, { exclude: ['.vite', '.vite/*'] }), Source.jsonData('config.json', { apiUrl })],
      site: buckets.site,
      distribution: this.distribution,
    });

    // The platform's CORS origins come from its configuration (`-c allowedOrigins=`); this is the value to give it.
    new StringParameter(this, 'SiteUrlParameter', {
      parameterName: parameterName(props.stage, 'storefront', 'site-url'),
      stringValue: this.siteUrl,
      description: 'The storefront origin: pass it to the platform as -c allowedOrigins=<this>.',
    });
    new CfnOutput(this, 'SiteUrl', { value: this.siteUrl, description: 'The storefront; add it to the platform allowedOrigins (CORS).' });
  }
}

/** The stack `nx deploy storefront` deploys: `shoplane-<stage>-storefront`; `-c apiUrl=` overrides the API it calls. */
export function createStorefrontStack(app: App, props: Omit<StorefrontStackProps, 'stage'> & { stage?: string } = {}): StorefrontStack {
  const stage = props.stage ?? stageOf(app);
  const fromContext = app.node.tryGetContext('apiUrl');
  const apiUrl = props.apiUrl ?? (typeof fromContext === 'string' && fromContext !== '' ? fromContext : undefined);
  return new StorefrontStack(app, stackName(stage, 'storefront'), { ...props, stage, ...(apiUrl ? { apiUrl } : {}) });
}
