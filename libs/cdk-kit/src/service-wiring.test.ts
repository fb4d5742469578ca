import { functionName } from '@shoplane/manifest';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { exampleStack } from './fixtures/example-service.js';
import { actionsOf, resourcesOfStatement, roleOfFunction, statementsOfRole } from './testing.js';

const ssmValue = (fragment: string) => ({ Ref: Match.stringLikeRegexp(`SsmParameterValue.*${fragment}`) });

describe('ServiceStack wiring', () => {
  let template: Template;

  beforeAll(() => {
    template = Template.fromStack(exampleStack());
  });

  describe('routes', () => {
    it('adds one route per operation to the shared HTTP API found through SSM', () => {
      template.resourceCountIs('AWS::ApiGatewayV2::Route', 3);
      for (const routeKey of ['POST /users/register', 'POST /users/login', 'GET /users/me']) {
        template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: routeKey, ApiId: ssmValue('httpapiid') });
      }
    });

    it('creates no HTTP API of its own', () => {
      template.resourceCountIs('AWS::ApiGatewayV2::Api', 0);
    });

    it('integrates each route as a Lambda proxy with payload format 2.0', () => {
      template.resourcePropertiesCountIs(
        'AWS::ApiGatewayV2::Integration',
        { IntegrationType: 'AWS_PROXY', PayloadFormatVersion: '2.0' },
        3,
      );
    });

    it('lets API Gateway invoke the function for its route path only', () => {
      template.hasResourceProperties('AWS::Lambda::Permission', {
        Principal: 'apigateway.amazonaws.com',
        SourceArn: { 'Fn::Join': ['', Match.arrayWith(['/*/*/users/register'])] },
      });
    });
  });

  describe('event subscriptions', () => {
    it('routes the declared event types from the platform bus to a queue', () => {
      template.hasResourceProperties('AWS::Events::Rule', {
        EventBusName: ssmValue('eventbusname'),
        EventPattern: { 'detail-type': ['PaymentSucceeded', 'PaymentFailed'] },
        Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('InboxQueue'), 'Arn'] } })],
      });
    });

    it('protects the inbox with encryption, a dead-letter queue and a visibility timeout six times the function timeout', () => {
      template.hasResourceProperties('AWS::SQS::Queue', {
        SqsManagedSseEnabled: true,
        VisibilityTimeout: 60,
        RedrivePolicy: { deadLetterTargetArn: Match.anyValue(), maxReceiveCount: 5 },
      });
    });

    it('denies every queue request that does not use TLS', () => {
      const policies = template.findResources('AWS::SQS::QueuePolicy');
      const queues = template.findResources('AWS::SQS::Queue');
      const deniedInsecure = Object.values(policies).filter((policy) =>
        JSON.stringify(policy).includes('"aws:SecureTransport":"false"'),
      );

      expect(deniedInsecure).toHaveLength(Object.keys(queues).length);
    });

    it('drains the queue with partial batch failure reporting', () => {
      template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        EventSourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('InboxQueue'), 'Arn'] },
        FunctionResponseTypes: ['ReportBatchItemFailures'],
      });
    });
  });

  describe('table stream', () => {
    it('feeds the stream handler with bisection, partial batch responses and an on-failure queue', () => {
      template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        EventSourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Table'), 'StreamArn'] },
        FunctionName: { Ref: Match.stringLikeRegexp('^ProjectChanges') },
        BisectBatchOnFunctionError: true,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [Match.stringLikeRegexp('StreamFailures'), 'Arn'] } } },
      });
    });

    it('lets a stream handler without table access read the stream and nothing else of the table', () => {
      const role = roleOfFunction(template, functionName('dev', 'orders', 'project-changes'));
      const tableStatements = statementsOfRole(template, role).filter((statement) =>
        actionsOf(statement).some((action) => action.startsWith('dynamodb:')),
      );

      expect(tableStatements.flatMap(actionsOf).sort()).toEqual(
        ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'].sort(),
      );
      expect(tableStatements.flatMap(resourcesOfStatement)).toEqual(
        tableStatements.map(() => ({ 'Fn::GetAtt': [expect.stringMatching(/^Table/), 'StreamArn'] })),
      );
    });
  });

  describe('internal operations', () => {
    it('publishes the function name of each internal operation in SSM', () => {
      template.hasResourceProperties('AWS::SSM::Parameter', {
        Name: '/shoplane/dev/orders/getOrder',
        Value: { Ref: Match.stringLikeRegexp('^GetOrderFunction') },
      });
    });

    it("passes an invoked operation's function name from its owner's SSM parameter to the functions that declared it", () => {
      template.hasResourceProperties('AWS::Lambda::Function', {
        FunctionName: functionName('dev', 'orders', 'create-order'),
        Environment: { Variables: Match.objectLike({ INVOKE_PRODUCTS_GETPRODUCTSBYIDS: ssmValue('productsgetProductsByIds') }) },
      });
      template.hasResourceProperties('AWS::Lambda::Function', {
        FunctionName: functionName('dev', 'orders', 'find-order'),
        Environment: { Variables: Match.not(Match.objectLike({ INVOKE_PRODUCTS_GETPRODUCTSBYIDS: Match.anyValue() })) },
      });
    });

    it('allows lambda:InvokeFunction on exactly the invoked function', () => {
      const role = roleOfFunction(template, functionName('dev', 'orders', 'create-order'));
      const invoke = statementsOfRole(template, role).filter((statement) =>
        actionsOf(statement).includes('lambda:InvokeFunction'),
      );

      expect(invoke).toHaveLength(1);
      const resources = JSON.stringify(invoke.flatMap(resourcesOfStatement));
      expect(resources).toContain(':function:');
      expect(resources).toContain('productsgetProductsByIds');
      expect(resources).not.toContain('*');
    });

    it('lets a handler named by a subscription and an internal operation invoke what either declares', () => {
      const role = roleOfFunction(template, functionName('dev', 'orders', 'on-payment'));
      const resources = statementsOfRole(template, role)
        .filter((statement) => actionsOf(statement).includes('lambda:InvokeFunction'))
        .flatMap(resourcesOfStatement)
        .map((resource) => JSON.stringify(resource));

      expect(resources).toHaveLength(2);
      expect(resources.join()).toMatch(/productsgetProductsByIds[\s\S]*inventoryreserveStock|inventoryreserveStock[\s\S]*productsgetProductsByIds/);
    });

    it('lets no function that declared no invokes call any function', () => {
      for (const handler of ['find-order', 'health', 'get-order', 'project-changes']) {
        const actions = statementsOfRole(template, roleOfFunction(template, functionName('dev', 'orders', handler))).flatMap(actionsOf);
        expect(actions).not.toContain('lambda:InvokeFunction');
      }
    });
  });
});
