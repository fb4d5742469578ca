/**
 * The stack tests every service shares, for vitest: `@shoplane/cdk-kit/stack-suite`
 * (a separate entry point, so that `cdk synth` never loads vitest).
 */
import { routeKey } from '@shoplane/contracts';
import { functionName, handlerNames, parameterName, queueParameterName, serviceQueues, tableName, type KeyAttribute, type ServiceManifest } from '@shoplane/manifest';
import type { App } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { alarmMismatches } from './alarm-check.js';
import { handlerFileMismatches } from './handler-files.js';
import { functionsWithoutRetainedLogs } from './log-check.js';
import { unacknowledgedNagFindings, unusedNagAcknowledgements } from './nag.js';
import { metricsNamespace } from './service-function.js';
import { permissionMismatches, type StackGrants } from './permission-check.js';
import type { CreateServiceStackOptions, ServiceStack } from './service-stack.js';
import { synthesizeServiceForTest, type SynthesizedService } from './synthesized-service.js';
import { actionsOf, resourcesOfStatement } from './testing.js';

export interface ServiceStackSuiteOptions {
  /** Where the service's handler files are; defaults to `apps/<service>/src/handlers`. */
  handlersDirectory?: string;
  /** What the service's stack.ts grants beyond the manifest (see `StackGrants`); nothing by default. */
  stackGrants?: StackGrants;
}

const keySchema = (partitionKey: KeyAttribute, sortKey?: KeyAttribute) => [
  { AttributeName: partitionKey.name, KeyType: 'HASH' },
  ...(sortKey ? [{ AttributeName: sortKey.name, KeyType: 'RANGE' }] : []),
];

/**
 * Registers, in the calling test file, the checks every service stack must
 * pass, all derived from the manifest: one table as declared, one route per
 * operation, one function per handler, each function granted exactly what its
 * declarations ask for, schedules wired to their rules, subscriptions and the stream wired with their failure
 * queues, internal operations published in SSM, no cross-stack reference,
 * cdk-nag clean, and handler files matching the declarations.
 *
 * Returns the synthesized stack (made once) for the service's own tests.
 */
export function serviceStackSuite(
  manifest: ServiceManifest,
  createStack: (app: App, options: CreateServiceStackOptions) => ServiceStack,
  options: ServiceStackSuiteOptions = {},
): () => SynthesizedService {
  let synthesized: SynthesizedService | undefined;
  const synthesizedStack = () => (synthesized ??= synthesizeServiceForTest(manifest, createStack));
  const functionOf = (handler: string) => ({ Ref: synthesizedStack().logicalIdOfFunction(handler) });

  describe(`the ${manifest.name} stack, as every service stack`, () => {
    beforeAll(() => {
      synthesizedStack();
    });

    it(`is the stack shoplane-dev-${manifest.name}`, () => {
      expect(synthesizedStack().stack.stackName).toBe(`shoplane-dev-${manifest.name}`);
    });

    it('owns exactly one table, keyed, indexed, expiring and streaming as declared, with point-in-time recovery', () => {
      const { template } = synthesizedStack();
      const { table } = manifest;

      template.resourceCountIs('AWS::DynamoDB::GlobalTable', 1);
      template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
        TableName: tableName('dev', manifest.name),
        KeySchema: keySchema(table.partitionKey, table.sortKey),
        GlobalSecondaryIndexes: table.globalIndexes?.length
          ? table.globalIndexes.map((index) => Match.objectLike({ IndexName: index.name, KeySchema: keySchema(index.partitionKey, index.sortKey) }))
          : Match.absent(),
        TimeToLiveSpecification: table.timeToLiveAttribute ? { AttributeName: table.timeToLiveAttribute, Enabled: true } : Match.absent(),
        StreamSpecification: table.stream ? { StreamViewType: 'NEW_AND_OLD_IMAGES' } : Match.absent(),
        Replicas: [Match.objectLike({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } })],
      });
    });

    it('adds one route per operation to the shared HTTP API, and no API of its own', () => {
      const { template } = synthesizedStack();

      template.resourceCountIs('AWS::ApiGatewayV2::Api', 0);
      template.resourceCountIs('AWS::ApiGatewayV2::Route', manifest.routes.length);
      for (const route of manifest.routes) {
        template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: routeKey(route.operation), Target: Match.anyValue() });
      }
    });

    it('gives every handler its own function, and has no other', () => {
      const { template } = synthesizedStack();

      template.resourceCountIs('AWS::Lambda::Function', handlerNames(manifest).length);
      for (const handler of handlerNames(manifest)) {
        template.hasResourceProperties('AWS::Lambda::Function', { FunctionName: functionName('dev', manifest.name, handler), Handler: `${handler}.handler` });
      }
    });

    it('traces every function with X-Ray and names the service and metrics namespace for Powertools', () => {
      for (const handler of handlerNames(manifest)) {
        synthesizedStack().template.hasResourceProperties('AWS::Lambda::Function', {
          FunctionName: functionName('dev', manifest.name, handler),
          TracingConfig: { Mode: 'Active' },
          Environment: { Variables: Match.objectLike({ POWERTOOLS_SERVICE_NAME: manifest.name, POWERTOOLS_METRICS_NAMESPACE: metricsNamespace }) },
        });
      }
    });

    it("alarms on every function's errors and throttles, every queue's oldest message and every dead-letter queue, to the stage's alarm topic", () => {
      const functionNames = handlerNames(manifest).map((handler) => functionName('dev', manifest.name, handler));

      expect(alarmMismatches(synthesizedStack().template, { stage: 'dev', unit: manifest.name, functionNames, queues: serviceQueues(manifest) })).toEqual([]);
    });

    it("gives every function, CDK's own included, a log group with a retention", () => {
      expect(functionsWithoutRetainedLogs(synthesizedStack().template)).toEqual([]);
    });

    it('grants every function exactly what its declarations ask for, in IAM and in its environment', () => {
      expect(permissionMismatches(synthesizedStack(), options.stackGrants)).toEqual([]);
    });

    it('lets no function reach a table but its own, nor any table through a wildcard', () => {
      const { statementsOf, tableLogicalId } = synthesizedStack();
      for (const handler of handlerNames(manifest)) {
        for (const statement of statementsOf(handler)) {
          const touchesDynamo = actionsOf(statement).some((action) => action.startsWith('dynamodb:'));
          if (touchesDynamo) expect(statement.NotResource).toBeUndefined();
          for (const resource of resourcesOfStatement(statement)) {
            expect(JSON.stringify(resource)).not.toMatch(/:dynamodb:|:table\//);
            if (touchesDynamo) expect(JSON.stringify(resource)).toContain(`"Fn::GetAtt":["${tableLogicalId}",`);
          }
        }
      }
    });

    for (const subscription of manifest.subscriptions ?? []) {
      it(`delivers ${subscription.eventTypes.join(', ')} from the platform bus through a queue with a dead-letter queue to ${subscription.handler}`, () => {
        const { template } = synthesizedStack();
        const rules = Object.values(template.findResources('AWS::Events::Rule', { Properties: { EventPattern: { 'detail-type': subscription.eventTypes } } }));
        const queue = (rules[0]?.Properties as { Targets?: { Arn?: { 'Fn::GetAtt'?: [string, string] } }[] } | undefined)?.Targets?.[0]?.Arn?.['Fn::GetAtt']?.[0];

        expect(rules).toHaveLength(1);
        template.hasResourceProperties('AWS::Events::Rule', {
          EventPattern: { 'detail-type': subscription.eventTypes },
          EventBusName: { Ref: Match.stringLikeRegexp('SsmParameterValue.*eventbusname') },
          Targets: [Match.objectLike({ DeadLetterConfig: Match.objectLike({ Arn: Match.anyValue() }) })],
        });
        expect(template.toJSON()).toMatchObject({ Resources: { [queue ?? '']: { Properties: { RedrivePolicy: { deadLetterTargetArn: expect.anything() } } } } });
        template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
          EventSourceArn: { 'Fn::GetAtt': [queue, 'Arn'] },
          FunctionName: functionOf(subscription.handler),
          FunctionResponseTypes: ['ReportBatchItemFailures'],
        });
      });
    }

    const { stream } = manifest.table;
    if (stream) {
      it(`feeds the table stream to ${stream.handler} with bisection, partial batch responses and an on-failure queue`, () => {
        synthesizedStack().template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
          EventSourceArn: { 'Fn::GetAtt': [synthesizedStack().tableLogicalId, 'StreamArn'] },
          FunctionName: functionOf(stream.handler),
          BisectBatchOnFunctionError: true,
          FunctionResponseTypes: ['ReportBatchItemFailures'],
          DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
        });
      });
    }

    for (const queue of manifest.queues ?? []) {
      it(`gives the queue ${manifest.name}.${queue.name} a dead-letter queue, publishes its URL and ARN, and lets ${queue.handler} drain it in batches with partial failures`, () => {
        const { template } = synthesizedStack();
        const parameterOf = (attribute: 'url' | 'arn') => queueParameterName('dev', { service: manifest.name, name: queue.name }, attribute);
        const [urlParameter] = Object.values(template.findResources('AWS::SSM::Parameter', { Properties: { Name: parameterOf('url') } }));
        const queueId = (urlParameter?.Properties as { Value?: { Ref?: string } } | undefined)?.Value?.Ref ?? '';

        expect(template.toJSON()).toMatchObject({ Resources: { [queueId]: { Type: 'AWS::SQS::Queue', Properties: { RedrivePolicy: { deadLetterTargetArn: expect.anything() } } } } });
        template.hasResourceProperties('AWS::SSM::Parameter', { Name: parameterOf('arn'), Value: { 'Fn::GetAtt': [queueId, 'Arn'] } });
        template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
          EventSourceArn: { 'Fn::GetAtt': [queueId, 'Arn'] },
          FunctionName: functionOf(queue.handler),
          BatchSize: 10,
          FunctionResponseTypes: ['ReportBatchItemFailures'],
        });
        if (queue.eventTypes) {
          template.hasResourceProperties('AWS::Events::Rule', {
            EventPattern: { 'detail-type': queue.eventTypes },
            EventBusName: { Ref: Match.stringLikeRegexp('SsmParameterValue.*eventbusname') },
            Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [queueId, 'Arn'] }, DeadLetterConfig: Match.objectLike({ Arn: Match.anyValue() }) })],
          });
        }
      });
    }

    for (const schedule of manifest.schedules ?? []) {
      it(`runs ${schedule.handler} every ${schedule.every.minutes} minute(s) from a schedule rule, retrying a failed invocation`, () => {
        const { template } = synthesizedStack();
        const rate = `rate(${schedule.every.minutes} ${schedule.every.minutes === 1 ? 'minute' : 'minutes'})`;
        const rules = Object.values(template.findResources('AWS::Events::Rule', { Properties: { ScheduleExpression: rate } }));
        const targets = rules.flatMap((rule) => (rule.Properties as { Targets?: { Arn?: unknown; RetryPolicy?: unknown }[] }).Targets ?? []);

        expect(targets).toContainEqual(
          expect.objectContaining({ Arn: { 'Fn::GetAtt': [functionOf(schedule.handler).Ref, 'Arn'] }, RetryPolicy: expect.objectContaining({ MaximumRetryAttempts: 2 }) }),
        );
        template.hasResourceProperties('AWS::Lambda::Permission', {
          Action: 'lambda:InvokeFunction',
          FunctionName: { 'Fn::GetAtt': [functionOf(schedule.handler).Ref, 'Arn'] },
          Principal: 'events.amazonaws.com',
        });
      });
    }

    it('publishes in SSM the function name of each internal operation and the URL and ARN of each queue, and no other parameter', () => {
      const { template } = synthesizedStack();
      const operations = manifest.internalOperations ?? [];

      template.resourceCountIs('AWS::SSM::Parameter', operations.length + 2 * (manifest.queues ?? []).length);
      for (const operation of operations) {
        template.hasResourceProperties('AWS::SSM::Parameter', {
          Name: parameterName('dev', manifest.name, operation.name),
          Value: functionOf(operation.handler),
        });
      }
    });

    it('refers to no other stack: no exports, no imported values', () => {
      const json = synthesizedStack().template.toJSON() as { Outputs?: Record<string, { Export?: unknown }> };

      expect(Object.values(json.Outputs ?? {}).filter((output) => output.Export !== undefined)).toEqual([]);
      expect(JSON.stringify(json)).not.toContain('Fn::ImportValue');
    });

    it('passes cdk-nag AwsSolutions checks with no unacknowledged error', () => {
      expect(unacknowledgedNagFindings(synthesizedStack().stack)).toEqual([]);
    });

    it('acknowledges no cdk-nag finding that does not occur', () => {
      expect(unusedNagAcknowledgements(synthesizedStack().stack)).toEqual([]);
    });

    it('has a handler file for every handler it declares, and declares every handler file', () => {
      expect(handlerFileMismatches(manifest, options.handlersDirectory)).toEqual([]);
    });
  });

  return synthesizedStack;
}
