import { Template } from 'aws-cdk-lib/assertions';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import { describe, expect, it } from 'vitest';
import { exampleStack } from './fixtures/example-service.js';
import { permissionMismatches, type StackGrants } from './permission-check.js';
import type { ServiceStack } from './service-stack.js';

/** The example stack, changed behind its manifest's back, as the permission check sees it. */
function mismatchesAfter(change: (stack: ServiceStack) => void, stackGrants?: StackGrants): string[] {
  const stack = exampleStack();
  change(stack);
  const template = Template.fromStack(stack);
  const tableLogicalId = Object.keys(template.findResources('AWS::DynamoDB::GlobalTable'))[0] ?? '';
  return permissionMismatches({ stack, template, tableLogicalId }, stackGrants);
}

const allow = (actions: string[], resources: string[]) => new PolicyStatement({ actions, resources });

describe('permissionMismatches', () => {
  it('finds nothing in a stack built from its manifest', () => {
    // Act
    const mismatches = mismatchesAfter(() => undefined);

    // Assess
    expect(mismatches).toEqual([]);
  });

  it('reports PutEvents held by a function that declared no publishEvents', () => {
    // Act
    const mismatches = mismatchesAfter((stack) => stack.functionFor('get-order').addToRolePolicy(allow(['events:PutEvents'], ['arn:aws:events:us-east-1:1:event-bus/x'])));

    // Assess
    expect(mismatches).toEqual(['get-order: may events:PutEvents but declares no publishEvents']);
  });

  it('reports table writes held by a function declared read-only', () => {
    // Act
    const mismatches = mismatchesAfter((stack) => stack.table.grantWriteData(stack.functionFor('find-order')));

    // Assess
    expect(mismatches).toContainEqual(expect.stringMatching(/^find-order: declares tableAccess read but may .*dynamodb:PutItem/));
  });

  it('reports a grant on another table', () => {
    // Act
    const mismatches = mismatchesAfter((stack) =>
      stack.functionFor('create-order').addToRolePolicy(allow(['dynamodb:GetItem'], ['arn:aws:dynamodb:us-east-1:1:table/shoplane-dev-users'])),
    );

    // Assess
    expect(mismatches).toEqual(['create-order: reaches a table other than its own: "arn:aws:dynamodb:us-east-1:1:table/shoplane-dev-users"']);
  });

  it('reports DynamoDB granted on everything but some resources', () => {
    // Act
    const mismatches = mismatchesAfter((stack) =>
      stack.functionFor('find-order').addToRolePolicy(new PolicyStatement({ actions: ['dynamodb:GetItem'], notResources: ['arn:aws:dynamodb:us-east-1:1:table/other'] })),
    );

    // Assess
    expect(mismatches).toEqual(['find-order: may use DynamoDB on every resource but some (NotResource)']);
  });

  it('reports an invocation a function did not declare', () => {
    // Act
    const mismatches = mismatchesAfter((stack) => {
      const name = StringParameter.valueForStringParameter(stack, '/shoplane/dev/inventory/reserveStock');
      stack.functionFor('find-order').addToRolePolicy(allow(['lambda:InvokeFunction'], [`arn:aws:lambda:us-east-1:1:function:${name}`]));
    });

    // Assess
    expect(mismatches).toEqual(['find-order: may invoke inventory.reserveStock but does not declare it']);
  });

  it('reports lambda:InvokeFunction on something that is no internal operation', () => {
    // Act
    const mismatches = mismatchesAfter((stack) => stack.functionFor('create-order').addToRolePolicy(allow(['lambda:InvokeFunction'], ['*'])));

    // Assess
    expect(mismatches).toEqual(['create-order: may invoke "*", which is no declared internal operation']);
  });

  it('reports the signing key readable by a function that declared no signTokens', () => {
    // Act
    const mismatches = mismatchesAfter((stack) => {
      const secretArn = StringParameter.valueForStringParameter(stack, '/shoplane/dev/platform/signing-key-secret-arn');
      stack.functionFor('health').addToRolePolicy(allow(['secretsmanager:GetSecretValue'], [secretArn]));
    });

    // Assess
    expect(mismatches).toEqual(['health: may read the signing key but declares no signTokens']);
  });

  it('reports a queue permission on a function that no subscription or stream runs', () => {
    // Act
    const mismatches = mismatchesAfter((stack) => stack.functionFor('health').addToRolePolicy(allow(['sqs:SendMessage'], ['arn:aws:sqs:us-east-1:1:q'])));

    // Assess
    expect(mismatches).toEqual(['health: may sqs:SendMessage, which no declaration explains']);
  });

  it('reports an environment variable no declaration asks for', () => {
    // Act
    const mismatches = mismatchesAfter((stack) => stack.functionFor('get-order').addEnvironment('EVENT_BUS_NAME', 'shoplane-dev'));

    // Assess
    expect(mismatches).toEqual(['get-order: has environment variable EVENT_BUS_NAME, which no declaration asks for']);
  });

  it('reports an invoke variable that names another operation than the declared one', () => {
    // Act
    const mismatches = mismatchesAfter((stack) =>
      stack.functionFor('create-order').addEnvironment('INVOKE_PRODUCTS_GETPRODUCTSBYIDS', 'shoplane-dev-products-something-else'),
    );

    // Assess
    expect(mismatches).toEqual([
      'create-order: has INVOKE_PRODUCTS_GETPRODUCTSBYIDS = "shoplane-dev-products-something-else", not the function name published in /shoplane/dev/products/getProductsByIds',
    ]);
  });

  describe('with the grants a service\'s own stack adds (StackGrants)', () => {
    const identity = 'arn:aws:ses:us-east-1:1:identity/shop.example.org';
    const sending: StackGrants = { actions: { 'create-order': ['ses:SendEmail'] }, variables: { 'create-order': ['SENDER_ADDRESS'] } };
    const grantSending = (handler: string) => (stack: ServiceStack) => {
      stack.functionFor(handler).addToRolePolicy(allow(['ses:SendEmail'], [identity]));
      stack.functionFor(handler).addEnvironment('SENDER_ADDRESS', 'orders@shop.example.org');
    };

    it('accepts the listed actions and variables on the handler they are listed for', () => {
      // Act
      const mismatches = mismatchesAfter(grantSending('create-order'), sending);

      // Assess
      expect(mismatches).toEqual([]);
    });

    it('reports the same action and variable on a handler they are not listed for', () => {
      // Act
      const mismatches = mismatchesAfter((stack) => {
        grantSending('create-order')(stack);
        grantSending('get-order')(stack);
      }, sending);

      // Assess
      expect(mismatches).toEqual([
        'get-order: may ses:SendEmail, which no declaration explains',
        'get-order: has environment variable SENDER_ADDRESS, which no declaration asks for',
      ]);
    });

    it('reports an extra action and an extra variable beside the listed ones on the same handler', () => {
      // Act
      const mismatches = mismatchesAfter((stack) => {
        grantSending('create-order')(stack);
        stack.functionFor('create-order').addToRolePolicy(allow(['sns:Publish'], ['arn:aws:sns:us-east-1:1:topic']));
        stack.functionFor('create-order').addEnvironment('SMS_SENDER_ID', 'Shoplane');
      }, sending);

      // Assess
      expect(mismatches).toEqual([
        'create-order: may sns:Publish, which no declaration explains',
        'create-order: has environment variable SMS_SENDER_ID, which no declaration asks for',
      ]);
    });

    it('reports a statement that mixes a listed action with an unlisted one', () => {
      // Act
      const mismatches = mismatchesAfter((stack) => stack.functionFor('create-order').addToRolePolicy(allow(['ses:SendEmail', 'ses:SendRawEmail'], [identity])), sending);

      // Assess
      expect(mismatches).toContainEqual('create-order: may ses:SendRawEmail, which no declaration explains');
    });

    it('still holds a handler with stack grants to its declaration', () => {
      // Act
      const mismatches = mismatchesAfter((stack) => {
        grantSending('create-order')(stack);
        stack.functionFor('create-order').addToRolePolicy(allow(['events:PutEvents'], ['arn:aws:events:us-east-1:1:event-bus/x']));
      }, sending);

      // Assess
      expect(mismatches).toEqual(['create-order: may events:PutEvents but declares no publishEvents']);
    });
  });
});
