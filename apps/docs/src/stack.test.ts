import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appWithFeatureFlags, functionsWithoutRetainedLogs, unacknowledgedNagFindings, unusedNagAcknowledgements } from '@shoplane/cdk-kit';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDocsStack, type DocsStack } from './stack.js';

/** A stand-in for `nx build docs`, so the stack test does not depend on a build. */
function stubSite(): string {
  const root = mkdtempSync(join(tmpdir(), 'shoplane-docs-'));
  for (const file of ['index.html', 'standalone.js', 'openapi.json']) writeFileSync(join(root, file), `stub ${file}\n`);
  return root;
}

describe('DocsStack', () => {
  let stack: DocsStack;
  let template: Template;

  beforeAll(() => {
    stack = createDocsStack(appWithFeatureFlags(), { siteRoot: stubSite() });
    template = Template.fromStack(stack);
  });

  it('is named shoplane-<stage>-docs', () => {
    expect(stack.stackName).toBe('shoplane-dev-docs');
  });

  it('keeps both buckets private, encrypted and TLS-only', () => {
    const buckets = template.findResources('AWS::S3::Bucket');
    const policies = Object.values(template.findResources('AWS::S3::BucketPolicy'));

    expect(Object.keys(buckets)).toHaveLength(2);
    for (const [logicalId, bucket] of Object.entries(buckets)) {
      expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(bucket.Properties.BucketEncryption).toBeDefined();
      const ownPolicy = policies.find((policy) => JSON.stringify(policy.Properties.Bucket) === JSON.stringify({ Ref: logicalId }));
      expect(JSON.stringify(ownPolicy)).toContain('"aws:SecureTransport":"false"');
    }
  });

  it('logs site bucket access to the log bucket', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      LoggingConfiguration: { DestinationBucketName: { Ref: Match.stringLikeRegexp('^AccessLogs') }, LogFilePrefix: 's3/' },
    });
  });

  it('serves the site through CloudFront with Origin Access Control, never from the bucket directly', () => {
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Origins: [Match.objectLike({ OriginAccessControlId: Match.anyValue() })],
      }),
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Principal: { Service: 'cloudfront.amazonaws.com' }, Action: 's3:GetObject' }),
        ]),
      },
    });
  });

  it('redirects HTTP to HTTPS, answers / with index.html and logs requests', () => {
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: 'index.html',
        DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: 'redirect-to-https' }),
        Logging: Match.objectLike({ Prefix: 'cloudfront/' }),
      }),
    });
  });

  it('adds security headers with a CSP that allows only the page own files', () => {
    template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: Match.objectLike({
          ContentSecurityPolicy: {
            ContentSecurityPolicy: Match.stringLikeRegexp("default-src 'none'; script-src 'self';.*connect-src 'self';"),
            Override: true,
          },
          StrictTransportSecurity: Match.objectLike({ AccessControlMaxAgeSec: 31536000 }),
          FrameOptions: { FrameOption: 'DENY', Override: true },
        }),
      }),
    });
  });

  it('deploys the built site and invalidates the cache', () => {
    template.hasResourceProperties('Custom::CDKBucketDeployment', {
      DestinationBucketName: { Ref: Match.stringLikeRegexp('^Site') },
      DistributionPaths: ['/*'],
    });
  });

  it('passes cdk-nag AwsSolutions checks with no unacknowledged error', () => {
    expect(unacknowledgedNagFindings(stack)).toEqual([]);
  });

  it('acknowledges no cdk-nag finding that does not occur', () => {
    expect(unusedNagAcknowledgements(stack)).toEqual([]);
  });

  it("gives every function, CDK's own included (the deployment and auto-delete handlers), a log group with a retention", () => {
    expect(Object.keys(template.findResources('AWS::Lambda::Function'))).toHaveLength(2);
    expect(functionsWithoutRetainedLogs(template)).toEqual([]);
  });
});

describe('DocsStack without a built site', () => {
  it('fails with the build command to run', () => {
    const emptyFolder = mkdtempSync(join(tmpdir(), 'shoplane-docs-empty-'));

    expect(() => createDocsStack(appWithFeatureFlags(), { siteRoot: emptyFolder })).toThrow('run `nx build docs` first');
  });
});
