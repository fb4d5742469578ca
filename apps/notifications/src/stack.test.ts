import {
  actionsOf,
  appWithFeatureFlags,
  createStubBundles,
  resourcesOfStatement,
  roleOfFunction,
  statementsOfRole,
  tableWriteActions,
  type PolicyStatementJson,
  type StackGrants,
} from '@shoplane/cdk-kit';
import { serviceStackSuite } from '@shoplane/cdk-kit/stack-suite';
import { functionName, handlerNames } from '@shoplane/manifest';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { sendingHandlers, service } from './service.js';
import { messagingVariables } from './settings.js';
import { createNotificationsStack } from './stack.js';

type Statement = PolicyStatementJson & { NotResource?: unknown };

/** What stack.ts adds to the sending functions: SES and SNS, and where the mail comes from. */
const stackGrants: StackGrants = {
  actions: Object.fromEntries(sendingHandlers.map((handler) => [handler, ['ses:SendEmail', 'sns:Publish']])),
  variables: Object.fromEntries(sendingHandlers.map((handler) => [handler, Object.values(messagingVariables)])),
};

const synthesized = serviceStackSuite(
  service,
  (app, options) => createNotificationsStack(app, { ...options, messaging: { senderAddress: 'Shoplane <orders@shop.example.org>' } }),
  { stackGrants },
);

describe('notifications stack', () => {
  const statementsWith = (handler: string, action: string): Statement[] =>
    synthesized()
      .statementsOf(handler)
      .filter((statement) => actionsOf(statement).includes(action));

  it.each(['ses:SendEmail', 'sns:Publish'])('lets only the sending functions %s', (action) => {
    const senders = handlerNames(service).filter((handler) => synthesized().permittedActionsOf(handler).includes(action));

    expect(senders.sort()).toEqual([...sendingHandlers].sort());
  });

  it.each(sendingHandlers)('lets %s send e-mail as the sender\'s SES identity only', (handler) => {
    const [statement, ...others] = statementsWith(handler, 'ses:SendEmail');

    expect(others).toEqual([]);
    expect(statement && actionsOf(statement)).toEqual(['ses:SendEmail']);
    const resources = JSON.stringify(statement && resourcesOfStatement(statement));
    expect(resources).toContain(':identity/shop.example.org');
    expect(resources).not.toContain('*');
  });

  it.each(sendingHandlers)('lets %s publish SMS to phone numbers and never to a topic', (handler) => {
    const [statement, ...others] = statementsWith(handler, 'sns:Publish');

    expect(others).toEqual([]);
    expect(statement?.Resource).toBeUndefined();
    expect(JSON.stringify(statement?.NotResource)).toMatch(/:sns:\*:\*:\*/);
  });

  it.each(sendingHandlers)('tells %s the sender address', (handler) => {
    synthesized().template.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: functionName('dev', 'notifications', handler),
      Environment: { Variables: Match.objectLike({ NOTIFICATIONS_SENDER_ADDRESS: 'Shoplane <orders@shop.example.org>' }) },
    });
  });

  it('grants list-notifications read-only table actions', () => {
    const actions = synthesized().tableActionsOf('list-notifications');

    expect(actions).toEqual(expect.arrayContaining(['dynamodb:Query']));
    expect(actions.filter((action) => tableWriteActions.includes(action))).toEqual([]);
  });

  it('publishes no events and reads no secret', () => {
    for (const handler of handlerNames(service)) {
      const actions = synthesized().permittedActionsOf(handler);
      expect(actions).not.toContain('events:PutEvents');
      expect(actions).not.toContain('secretsmanager:GetSecretValue');
    }
  });

  it('takes the sender, SES identity and configuration set from the deployment context', () => {
    const app = appWithFeatureFlags({ context: { senderAddress: 'orders@mail.example.org', sesIdentity: 'example.org', sesConfigurationSet: 'shop' } });
    const configured = Template.fromStack(createNotificationsStack(app, { assetsRoot: createStubBundles('notifications', handlerNames(service)) }));

    const role = roleOfFunction(configured, functionName('dev', 'notifications', 'on-order-outcome'));
    const ses = JSON.stringify(statementsOfRole(configured, role).filter((statement) => actionsOf(statement).includes('ses:SendEmail')));
    expect(ses).toContain(':identity/example.org');
    expect(ses).toContain(':configuration-set/shop');
    configured.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: functionName('dev', 'notifications', 'on-order-outcome'),
      Environment: { Variables: Match.objectLike({ NOTIFICATIONS_SENDER_ADDRESS: 'orders@mail.example.org', NOTIFICATIONS_SES_CONFIGURATION_SET: 'shop' }) },
    });
  });
});
