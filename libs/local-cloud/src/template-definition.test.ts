import { describe, expect, it } from 'vitest';
import { stateMachinesOf, type TemplateJson } from './template-definition.js';

const ssmParameter = (name: string) => ({ Type: 'AWS::SSM::Parameter::Value<String>', Default: name });

/** A template shaped as CDK synthesizes one: the definition is an Fn::Join around references. */
const template: TemplateJson = {
  Parameters: {
    ValidateOrderName: ssmParameter('/shoplane/local/orders/validateOrder'),
    ChargeName: ssmParameter('/shoplane/local/payments/processPayment'),
  },
  Resources: {
    Helper: { Type: 'AWS::Lambda::Function', Properties: { FunctionName: 'shoplane-local-checkout-helper' } },
    Machine: {
      Type: 'AWS::StepFunctions::StateMachine',
      Properties: {
        StateMachineName: 'shoplane-local-checkout',
        DefinitionString: {
          'Fn::Join': [
            '',
            [
              '{"StartAt":"Validate","States":{"Validate":{"Type":"Task","Resource":"arn:',
              { Ref: 'AWS::Partition' },
              ':lambda:',
              { Ref: 'AWS::Region' },
              ':',
              { Ref: 'AWS::AccountId' },
              ':function:',
              { Ref: 'ValidateOrderName' },
              '","Next":"Charge"},"Charge":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"',
              { Ref: 'ChargeName' },
              '"},"Next":"Help"},"Help":{"Type":"Task","Resource":"',
              { 'Fn::GetAtt': ['Helper', 'Arn'] },
              '","Next":"Done"},"Done":{"Type":"Pass","Result":"${Greeting}","End":true}}}',
            ],
          ],
        },
        DefinitionSubstitutions: { Greeting: 'hello' },
      },
    },
  },
};

describe('stateMachinesOf a synthesized template', () => {
  it('resolves pseudo parameters, SSM parameter values, own functions and substitutions to local values', () => {
    // Prepare
    const published = new Map([['/shoplane/local/orders/validateOrder', 'shoplane-local-orders-validate-order']]);

    // Act
    const [machine] = stateMachinesOf(template, { parameter: (name) => published.get(name) });

    // Assess
    expect(machine?.arn).toBe('arn:aws:states:us-east-1:000000000000:stateMachine:shoplane-local-checkout');
    expect(machine?.definition.States['Validate']).toMatchObject({ Resource: 'arn:aws:lambda:us-east-1:000000000000:function:shoplane-local-orders-validate-order' });
    expect(machine?.definition.States['Help']).toMatchObject({ Resource: 'arn:aws:lambda:us-east-1:000000000000:function:shoplane-local-checkout-helper' });
    expect(machine?.definition.States['Done']).toMatchObject({ Result: 'hello' });
  });

  it('names the SSM parameters nothing publishes locally, and keeps them recognisable in the definition', () => {
    // Act
    const [machine] = stateMachinesOf(template, { parameter: () => undefined });

    // Assess
    expect(machine?.unresolvedParameters).toEqual(['/shoplane/local/orders/validateOrder', '/shoplane/local/payments/processPayment']);
    expect(machine?.definition.States['Charge']).toMatchObject({ Parameters: { FunctionName: 'unpublished-shoplane-local-payments-processPayment' } });
  });

  it('refuses an intrinsic it cannot resolve locally, naming it', () => {
    // Prepare
    const withImport: TemplateJson = {
      Resources: {
        Machine: { Type: 'AWS::StepFunctions::StateMachine', Properties: { StateMachineName: 'm', DefinitionString: { 'Fn::ImportValue': 'shared-thing' } } },
      },
    };

    // Act / Assess
    expect(() => stateMachinesOf(withImport, { parameter: () => undefined })).toThrow('Fn::ImportValue');
  });
});
