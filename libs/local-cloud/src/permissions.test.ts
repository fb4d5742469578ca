import { describe, expect, it } from 'vitest';
import type { LocalFunction } from './functions.js';
import { accessDeniedMessage, isAllowed } from './permissions.js';

function localFunction(name: string, permissions: Partial<LocalFunction['permissions']>, internalOperations: string[] = [], secrets: string[] = []): LocalFunction {
  return {
    name: `shoplane-local-${name}`,
    service: name.split('-')[0] ?? name,
    handler: name,
    run: () => undefined,
    environment: {},
    permissions: { tableAccess: 'none', capabilities: [], invokes: [], ...permissions },
    internalOperations,
    secrets,
  };
}

const priceOf = localFunction('catalogue-price-of', {}, ['catalogue.priceOf']);

describe('isAllowed', () => {
  it('lets a function invoke a function serving an internal operation it declared, and no other', () => {
    // Prepare
    const basket = localFunction('shop-basket', { invokes: ['catalogue.priceOf'] });
    const other = localFunction('catalogue-other', {}, ['catalogue.other']);

    // Act
    const decisions = [priceOf, other, undefined].map((target) => isAllowed(basket, { action: 'lambda:InvokeFunction', target }));

    // Assess
    expect(decisions).toEqual([true, false, false]);
  });

  it('lets only a function that declared publishEvents put events', () => {
    // Act
    const publisher = isAllowed(localFunction('shop-publish-events', { capabilities: ['publishEvents'] }), { action: 'events:PutEvents' });
    const writer = isAllowed(localFunction('shop-register', {}), { action: 'events:PutEvents' });

    // Assess
    expect([publisher, writer]).toEqual([true, false]);
  });

  it('lets a verifying function read the public keys parameter and nothing else in SSM', () => {
    // Prepare
    const verifier = localFunction('shop-basket', { capabilities: ['verifyTokens'] });

    // Act
    const decisions = [
      isAllowed(verifier, { action: 'ssm:GetParameter', parameter: '/shoplane/local/platform/jwt-public-keys' }),
      isAllowed(verifier, { action: 'ssm:GetParameter', parameter: '/shoplane/local/catalogue/priceOf' }),
      isAllowed(verifier, { action: 'ssm:GetParameters', parameter: '/shoplane/local/platform/jwt-public-keys' }),
    ];

    // Assess
    expect(decisions).toEqual([true, false, false]);
  });

  it('lets only a signing function read the signing key', () => {
    // Act
    const signer = isAllowed(localFunction('shop-login', { capabilities: ['signTokens'] }), { action: 'secretsmanager:GetSecretValue', secret: 'shoplane/local/jwt-signing-key' });
    const verifier = isAllowed(localFunction('shop-me', { capabilities: ['verifyTokens'] }), { action: 'secretsmanager:GetSecretValue', secret: 'shoplane/local/jwt-signing-key' });

    // Assess
    expect([signer, verifier]).toEqual([true, false]);
  });

  it('lets a function read exactly the service secrets its declarations name, and not the signing key', () => {
    // Prepare
    const webhook = localFunction('shop-webhook', {}, [], ['shoplane/local/shop/webhook-secret']);

    // Act
    const decisions = [
      isAllowed(webhook, { action: 'secretsmanager:GetSecretValue', secret: 'shoplane/local/shop/webhook-secret' }),
      isAllowed(webhook, { action: 'secretsmanager:GetSecretValue', secret: 'shoplane/local/shop/api-key' }),
      isAllowed(webhook, { action: 'secretsmanager:GetSecretValue', secret: 'shoplane/local/jwt-signing-key' }),
      isAllowed(webhook, { action: 'secretsmanager:GetSecretValue', secret: undefined }),
    ];

    // Assess
    expect(decisions).toEqual([true, false, false, false]);
  });
});

describe('accessDeniedMessage', () => {
  it('words the refusal as IAM does and says where to declare the missing permission', () => {
    // Act
    const message = accessDeniedMessage(localFunction('shop-basket', {}), 'lambda:InvokeFunction', 'arn:aws:lambda:us-east-1:000000000000:function:f');

    // Assess
    expect(message).toBe(
      'User: arn:aws:sts::000000000000:assumed-role/shoplane-local-shop-basket/shoplane-local-shop-basket is not authorized to perform: lambda:InvokeFunction ' +
        'on resource: arn:aws:lambda:us-east-1:000000000000:function:f because no identity-based policy allows the lambda:InvokeFunction action. ' +
        'Declare it on what runs shop-basket in apps/shop/src/service.ts (capabilities, invokes, secrets or sendsTo).',
    );
  });
});
