import { Template } from 'aws-cdk-lib/assertions';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import { describe, expect, it } from 'vitest';
import { exampleStack } from './fixtures/example-service.js';
import { permissionMismatches } from './permission-check.js';
import type { ServiceStack } from './service-stack.js';

/** The example stack, changed behind its manifest's back, as the permission check sees it. */
function mismatchesAfter(change: (stack: ServiceStack) => void): string[] {
  const stack = exampleStack();
  change(stack);
  const template = Template.fromStack(stack);
  const tableLogicalId = Object.keys(template.findResources('AWS::DynamoDB::GlobalTable'))[0] ?? '';
  return permissionMismatches({ stack, template, tableLogicalId });
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
});
