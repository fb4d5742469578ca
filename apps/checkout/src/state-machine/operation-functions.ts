import { internalOperationKey, type InternalOperation } from '@shoplane/contracts';
import { parameterName, parseInternalOperationKey } from '@shoplane/manifest';
import { Function as LambdaFunction, type IFunction } from 'aws-cdk-lib/aws-lambda';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';

/**
 * The functions behind other services' internal operations, as the state machine's
 * Tasks invoke them: each name is read from its owner's SSM parameter
 * `/shoplane/<stage>/<service>/<name>` when the stack deploys (never a stack export),
 * so orders, payments and inventory redeploy without touching checkout.
 */
export class OperationFunctions extends Construct {
  private readonly byOperation = new Map<string, IFunction>();

  constructor(
    scope: Construct,
    id: string,
    private readonly props: { stage: string; allowed: readonly string[] },
  ) {
    super(scope, id);
  }

  /** The function of an operation the manifest lists; anything else is a mistake caught at synth. */
  of(operation: InternalOperation): IFunction {
    const key = internalOperationKey(operation);
    if (!this.props.allowed.includes(key)) throw new Error(`The checkout manifest does not list ${key} among the operations its state machine invokes`);
    let fn = this.byOperation.get(key);
    if (!fn) {
      const { service, name } = parseInternalOperationKey(key);
      const functionName = StringParameter.valueForStringParameter(this, parameterName(this.props.stage, service, name));
      fn = LambdaFunction.fromFunctionName(this, key.replace('.', '-'), functionName);
      this.byOperation.set(key, fn);
    }
    return fn;
  }

  /** Operations some Task uses, as `<service>.<name>`. */
  get used(): string[] {
    return [...this.byOperation.keys()];
  }

  /** The functions some Task uses. */
  get functions(): IFunction[] {
    return [...this.byOperation.values()];
  }
}
