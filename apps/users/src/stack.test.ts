import { tableWriteActions } from '@shoplane/cdk-kit';
import { serviceStackSuite } from '@shoplane/cdk-kit/stack-suite';
import { functionName, handlerNames } from '@shoplane/manifest';
import { describe, expect, it } from 'vitest';
import { service } from './service.js';
import { createUsersStack } from './stack.js';

const synthesized = serviceStackSuite(service, createUsersStack);

describe('users stack', () => {
  it('lets only login read the private signing key', () => {
    const { permittedActionsOf } = synthesized();

    const readers = handlerNames(service).filter((handler) => permittedActionsOf(handler).includes('secretsmanager:GetSecretValue'));

    expect(readers).toEqual(['login']);
  });

  it('lets only the outbox publisher put events on the bus: register writes its event through the outbox', () => {
    const { permittedActionsOf } = synthesized();

    const publishers = handlerNames(service).filter((handler) => permittedActionsOf(handler).includes('events:PutEvents'));

    expect(publishers).toEqual(['publish-events']);
  });

  it('grants get-me read-only table actions', () => {
    const actions = synthesized().tableActionsOf('get-me');

    expect(actions).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query']));
    expect(actions.filter((action) => tableWriteActions.includes(action))).toEqual([]);
  });

  it('lets login write, and delete, the attempts its throttles count', () => {
    const actions = synthesized().tableActionsOf('login');

    expect(actions).toEqual(expect.arrayContaining(['dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:DeleteItem']));
  });

  it('lets the outbox publisher read the stream but no table item', () => {
    const actions = synthesized().tableActionsOf('publish-events');

    expect(actions).toEqual(expect.arrayContaining(['dynamodb:GetRecords']));
    expect(actions).not.toContain('dynamodb:GetItem');
  });

  it.each(['register', 'login'])('gives %s 1024 MB, and with it the CPU bcrypt needs', (handler) => {
    synthesized().template.hasResourceProperties('AWS::Lambda::Function', { FunctionName: functionName('dev', 'users', handler), MemorySize: 1024 });
  });
});
