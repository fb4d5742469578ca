import { App, Stack, Validations, type CfnElement } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';

/** Runs the AWS Solutions rule pack on every synth of the app; an unacknowledged error fails it. */
export function applyNagChecks(app: App): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
}

/**
 * Accepts a cdk-nag finding on `scope` and everything below it, with the reason
 * written down. Keep `scope` as small as the finding: an acknowledgement on a
 * whole stack would also hide the next, unrelated violation.
 */
export function acknowledgeNagFinding(scope: IConstruct, id: string, reason: string): void {
  Validations.of(scope).acknowledge({ id, reason });
}

/**
 * How cdk-nag names a token in a finding id, e.g. `<TableCD117FA1.Arn>`, so an
 * acknowledgement can name one exact finding instead of the whole rule.
 */
export function nagTokenName(element: CfnElement, attribute: string): string {
  const stack = Stack.of(element);
  const logicalId: unknown = stack.resolve(stack.getLogicalId(element));
  return `<${String(logicalId)}.${attribute}>`;
}

export interface NagFinding {
  rule: string;
  severity: string;
  resources: string[];
}

/** The AWS Solutions findings under `scope` that no acknowledgement covers; for tests. */
export function unacknowledgedNagFindings(scope: IConstruct, severity: 'error' | 'warning' = 'error'): NagFinding[] {
  const report = new AwsSolutionsChecks().validateScope(scope);
  return report.violations
    .filter((violation) => violation.severity === severity)
    .map((violation) => ({
      rule: violation.ruleName,
      severity: violation.severity ?? 'error',
      resources: violation.violatingResources.map((resource) => resource.constructPath ?? resource.resourceLogicalId ?? 'unknown'),
    }));
}
