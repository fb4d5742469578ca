import { acknowledgeNagFinding } from '@shoplane/cdk-kit';
import type { Distribution } from 'aws-cdk-lib/aws-cloudfront';

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
