import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { deploySite, siteBuckets, siteDistribution, stackName, stageOf, tagStack } from '@shoplane/cdk-kit';
import { workspaceRoot } from '@shoplane/manifest';
import { Stack, type App, type StackProps } from 'aws-cdk-lib';
import type { Distribution } from 'aws-cdk-lib/aws-cloudfront';
import { Source } from 'aws-cdk-lib/aws-s3-deployment';
import type { Construct } from 'constructs';
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

    const buckets = siteBuckets(this);
    this.distribution = siteDistribution(this, {
      comment: `Shoplane API reference (${props.stage})`,
      what: 'Public API documentation for integrators',
      buckets,
      responseHeadersPolicy: securityHeaders(this, 'SecurityHeaders'),
    });
    deploySite(this, { sources: [Source.asset(siteRoot)], site: buckets.site, distribution: this.distribution });
  }
}

/** The stack `nx deploy docs` deploys: `shoplane-<stage>-docs`, stage from `-c stage=...`. */
export function createDocsStack(app: App, props: Omit<DocsStackProps, 'stage'> & { stage?: string } = {}): DocsStack {
  const stage = props.stage ?? stageOf(app);
  return new DocsStack(app, stackName(stage, 'docs'), { ...props, stage });
}
