import { App, Stack, Validations, type CfnElement } from 'aws-cdk-lib';
import { AwsSolutionsChecks, NagRuleCompliance, type IApplyRule } from 'cdk-nag';
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

/** cdk-nag's findings as the rules report them, before any acknowledgement is applied: rule id and resource path. */
class FindingsRecorder extends AwsSolutionsChecks {
  readonly findings: Array<{ ruleId: string; path: string }> = [];

  protected override applyRule(params: IApplyRule): void {
    const ruleId = `${this.packName}-${params.ruleSuffixOverride ?? params.rule.name}`;
    const path = params.node.node.path;
    try {
      const result = params.rule(params.node);
      if (result === NagRuleCompliance.NON_COMPLIANT) this.findings.push({ ruleId, path });
      else if (Array.isArray(result)) for (const finding of result) this.findings.push({ ruleId: `${ruleId}[${String(finding)}]`, path });
    } catch {
      // cdk-nag reports a rule that throws as the rule itself failing.
      this.findings.push({ ruleId, path });
    }
    super.applyRule(params);
  }
}

/**
 * Acknowledgements under `scope` that match no finding at or below the construct
 * they are made on, as `<construct path>: <rule id>`; for tests. Such an
 * acknowledgement hides nothing today and would silently hide a later, unrelated
 * finding with that id.
 */
export function unusedNagAcknowledgements(scope: IConstruct): string[] {
  const recorder = new FindingsRecorder();
  recorder.validateScope(scope);
  const unused: string[] = [];
  for (const construct of scope.node.findAll()) {
    for (const entry of construct.node.metadata) {
      if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY || typeof entry.data !== 'object' || entry.data === null) continue;
      const path = construct.node.path;
      for (const key of Object.keys(entry.data as Record<string, unknown>)) {
        // aws-cdk-lib before 2.262.1 wrote 'annotation::' before the id, later versions 'Annotation::'.
        const ruleId = key.replace(/^annotation::/i, '');
        if (!ruleId.startsWith('AwsSolutions-')) continue;
        const matched = recorder.findings.some((finding) => finding.ruleId === ruleId && (finding.path === path || finding.path.startsWith(`${path}/`)));
        if (!matched) unused.push(`${path}: ${ruleId}`);
      }
    }
  }
  return unused;
}
