import { localAccountId } from './aws-identity.js';
import { localPlatform } from './environment.js';
import type { LocalFunction } from './functions.js';

/**
 * What a function may ask of the local AWS endpoint: exactly the statements its
 * stack grants it in AWS, read from the same declarations (`permissionsOf`).
 * A request from outside any function (a seed, a test, a tool) is the
 * operator's and is not restricted.
 */
export type LocalAccess =
  | { action: 'lambda:InvokeFunction'; target: LocalFunction | undefined }
  | { action: 'events:PutEvents' }
  | { action: 'ssm:GetParameter' | 'ssm:GetParameters'; parameter: string }
  | { action: 'secretsmanager:GetSecretValue'; secret: string | undefined }
  | { action: 'sqs:SendMessage'; queue: string };

export function isAllowed(caller: LocalFunction, access: LocalAccess): boolean {
  const { capabilities, invokes } = caller.permissions;
  switch (access.action) {
    case 'lambda:InvokeFunction':
      return access.target?.internalOperations.some((operation) => invokes.includes(operation)) ?? false;
    case 'events:PutEvents':
      return capabilities.includes('publishEvents');
    case 'ssm:GetParameter':
      return capabilities.includes('verifyTokens') && access.parameter === localPlatform.publicKeysParameter;
    case 'ssm:GetParameters':
      // The stack grants ssm:GetParameter on the public keys, never the batch read.
      return false;
    case 'secretsmanager:GetSecretValue':
      if (access.secret === undefined) return false;
      return (capabilities.includes('signTokens') && access.secret === localPlatform.signingKeySecret) || caller.secrets.includes(access.secret);
    case 'sqs:SendMessage':
      return caller.permissions.sendsTo?.includes(access.queue) ?? false;
  }
}

/** IAM's refusal, word for word as AWS words it, and where to declare what is missing. */
export function accessDeniedMessage(caller: LocalFunction, action: LocalAccess['action'], resourceArn: string): string {
  return (
    `User: arn:aws:sts::${localAccountId}:assumed-role/${caller.name}/${caller.name} is not authorized to perform: ${action} ` +
    `on resource: ${resourceArn} because no identity-based policy allows the ${action} action. ` +
    `Declare it on what runs ${caller.handler} in apps/${caller.service}/src/service.ts (capabilities, invokes, secrets or sendsTo).`
  );
}
