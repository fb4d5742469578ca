import type { Template } from 'aws-cdk-lib/assertions';
import { referencesIn } from './testing.js';

/**
 * Functions in a template (ours and those CDK adds for itself: custom resource
 * providers, bucket deployments, auto-delete handlers) that log nowhere with a
 * retention: each must name, in `LoggingConfig.LogGroup`, a log group of the
 * template that sets `RetentionInDays`. Otherwise Lambda creates
 * `/aws/lambda/<name>` on first use, kept forever and owned by no stack.
 */
export function functionsWithoutRetainedLogs(template: Template): string[] {
  const logGroups = template.findResources('AWS::Logs::LogGroup') as Record<string, { Properties?: { RetentionInDays?: number } }>;
  const functions = template.findResources('AWS::Lambda::Function') as Record<string, { Properties?: { LoggingConfig?: { LogGroup?: unknown } } }>;
  return Object.entries(functions)
    .filter(([, fn]) => {
      const target = fn.Properties?.LoggingConfig?.LogGroup;
      return !referencesIn(target).some((logicalId) => logGroups[logicalId]?.Properties?.RetentionInDays !== undefined);
    })
    .map(([logicalId]) => logicalId);
}
