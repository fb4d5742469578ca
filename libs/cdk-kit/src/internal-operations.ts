import { internalOperationVariable, parameterName, parseInternalOperationKey } from '@shoplane/manifest';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import type { Construct } from 'constructs';
import { functionArnFromName } from './capabilities.js';

/**
 * Publishes an internal operation's function name under
 * `/shoplane/<stage>/<service>/<name>`, where callers look it up at deploy time.
 */
export function publishInternalOperation(
  scope: Construct,
  props: { stage: string; service: string; name: string; handler: LambdaFunction },
): StringParameter {
  return new StringParameter(scope, `${props.name}Parameter`, {
    parameterName: parameterName(props.stage, props.service, props.name),
    stringValue: props.handler.functionName,
    description: `Function name of ${props.service}.${props.name}, an internal operation other services invoke.`,
  });
}

/**
 * Lets the functions that declared it call another service's internal
 * operation: its function name comes from the owner's SSM parameter (resolved
 * when this stack deploys), reaches the code through `INVOKE_<SERVICE>_<NAME>`,
 * and the only permission is lambda:InvokeFunction on that one function.
 */
export function allowInvocation(
  scope: Construct,
  props: { stage: string; target: string; functions: LambdaFunction[] },
): void {
  const { service, name } = parseInternalOperationKey(props.target);
  const targetFunctionName = StringParameter.valueForStringParameter(scope, parameterName(props.stage, service, name));
  const targetArn = functionArnFromName(scope, targetFunctionName);
  for (const fn of props.functions) {
    fn.addEnvironment(internalOperationVariable(props.target), targetFunctionName);
    fn.addToRolePolicy(new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [targetArn] }));
  }
}
