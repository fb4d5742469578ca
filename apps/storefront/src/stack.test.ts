import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appWithFeatureFlags, functionsWithoutRetainedLogs, unacknowledgedNagFindings, unusedNagAcknowledgements } from '@shoplane/cdk-kit';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { createStorefrontStack, type StorefrontStack } from './stack.js';

/** A stand-in for `nx build storefront`, so the stack test does not depend on a build. */
function stubSite(): string {
  const root = mkdtempSync(join(tmpdir(), 'shoplane-storefront-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), 'stub index.html\n');
  writeFileSync(join(root, 'assets', 'index.js'), 'stub\n');
  return root;
}

const apiUrl = 'https://abc123.execute-api.eu-west-1.amazonaws.com';

describe('StorefrontStack', () => {
  let stack: StorefrontStack;
  let template: Template;

  beforeAll(() => {
    stack = createStorefrontStack(appWithFeatureFlags({ context: { apiUrl } }), { siteRoot: stubSite() });
    template = Template.fromStack(stack);
  });

  it('is named shoplane-<stage>-storefront', () => {
    expect(stack.stackName).toBe('shoplane-dev-storefront');
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

  it('serves the site only through CloudFront with Origin Access Control, over HTTPS', () => {
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: 'index.html',
        Origins: [Match.objectLike({ OriginAccessControlId: Match.anyValue() })],
        DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: 'redirect-to-https', Compress: true }),
        Logging: Match.objectLike({ Prefix: 'cloudfront/' }),
      }),
    });
  });

  it('lets the page call its own files and the API only', () => {
    template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: Match.objectLike({
          ContentSecurityPolicy: {
            ContentSecurityPolicy: Match.stringLikeRegexp(`default-src 'none'; script-src 'self';.*connect-src 'self' ${apiUrl};`),
            Override: true,
          },
          FrameOptions: { FrameOption: 'DENY', Override: true },
        }),
      }),
    });
  });

  it('deploys the build with a config.json naming the API, and invalidates the cache', () => {
    const deployment = Object.values(template.findResources('Custom::CDKBucketDeployment'))[0];

    expect(deployment?.Properties).toMatchObject({ DestinationBucketName: { Ref: expect.stringMatching(/^Site/) }, DistributionPaths: ['/*'] });
    // Two sources: the build (without Vite's .vite/manifest.json) and the generated config.json.
    expect(deployment?.Properties.SourceObjectKeys).toHaveLength(2);
  });

  it('reads the API URL from the platform parameter of its stage when none is given', () => {
    const template = Template.fromStack(createStorefrontStack(appWithFeatureFlags(), { siteRoot: stubSite(), stage: 'prod' }));
    const [parameter, declaration] = Object.entries(template.toJSON().Parameters).find(([name]) => name.startsWith('SsmParameterValue')) ?? [];
    const deployment = Object.values(template.findResources('Custom::CDKBucketDeployment'))[0];

    expect(declaration).toEqual({ Type: 'AWS::SSM::Parameter::Value<String>', Default: '/shoplane/prod/platform/http-api-url' });
    // config.json is written at deploy time with the parameter's value (a deploy-time marker of the jsonData source).
    expect(JSON.stringify(deployment?.Properties.SourceMarkers)).toContain(`{"Ref":"${parameter}"}`);
  });

  it('publishes its origin for the platform CORS configuration', () => {
    template.hasResourceProperties('AWS::SSM::Parameter', { Name: '/shoplane/dev/storefront/site-url' });
    template.hasOutput('SiteUrl', {});
  });

  it('passes cdk-nag AwsSolutions checks with no unacknowledged error', () => {
    expect(unacknowledgedNagFindings(stack)).toEqual([]);
  });

  it('acknowledges no cdk-nag finding that does not occur', () => {
    expect(unusedNagAcknowledgements(stack)).toEqual([]);
  });

  it("gives every function, CDK's own included, a log group with a retention", () => {
    expect(functionsWithoutRetainedLogs(template)).toEqual([]);
  });
});

describe('StorefrontStack without a build', () => {
  it('fails with the build command to run', () => {
    expect(() => createStorefrontStack(appWithFeatureFlags(), { siteRoot: mkdtempSync(join(tmpdir(), 'shoplane-storefront-empty-')) })).toThrow(
      'run `nx build storefront` first',
    );
  });
});
