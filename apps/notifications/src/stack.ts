import { createServiceStack, type CreateServiceStackOptions, type ServiceStack } from '@shoplane/cdk-kit';
import { Annotations, Arn, ArnFormat, type App } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { messagingVariables } from './settings.js';
import { sendingHandlers, service } from './service.js';

/** Where the shop's mail comes from in a stage: `-c senderAddress=... -c sesIdentity=...` (see README). */
export interface MessagingSettings {
  /** `FromEmailAddress`, e.g. `Shoplane <orders@shop.example.org>`. */
  senderAddress: string;
  /** The verified SES identity the sender belongs to (a domain or an address); defaults to the sender's domain. */
  sesIdentity?: string;
  configurationSet?: string;
  smsSenderId?: string;
}

export interface CreateNotificationsStackOptions extends CreateServiceStackOptions {
  messaging?: MessagingSettings;
}

const defaultSender = 'Shoplane <no-reply@shoplane.example>';

function context(app: App, key: string): string | undefined {
  const value: unknown = app.node.tryGetContext(key);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function messagingSettingsOf(app: App): MessagingSettings {
  const optional = Object.entries({ sesIdentity: context(app, 'sesIdentity'), configurationSet: context(app, 'sesConfigurationSet'), smsSenderId: context(app, 'smsSenderId') });
  return { senderAddress: context(app, 'senderAddress') ?? defaultSender, ...Object.fromEntries(optional.filter(([, value]) => value !== undefined)) };
}

/** `orders@shop.example.org` → `shop.example.org`, also inside `Name <address>`. */
function domainOf(senderAddress: string): string {
  const address = /<([^<>]+)>\s*$/.exec(senderAddress)?.[1] ?? senderAddress;
  return address.slice(address.lastIndexOf('@') + 1).trim();
}

/**
 * The notifications stack (`shoplane-<stage>-notifications`): the manifest's
 * table, functions, route, subscriptions and internal operation, plus what only
 * the sending functions may do: `ses:SendEmail` as the configured identity and
 * `sns:Publish` to phone numbers (never to a topic).
 */
export function createNotificationsStack(app: App, options: CreateNotificationsStackOptions = {}): ServiceStack {
  const { messaging = messagingSettingsOf(app), ...stackOptions } = options;
  const stack = createServiceStack(app, service, stackOptions);
  if (messaging.senderAddress === defaultSender) {
    Annotations.of(stack).addWarningV2(
      'shoplane:notifications-sender',
      `No senderAddress in the context: mail would come from ${defaultSender}, which SES refuses. Deploy with -c senderAddress=... (see the README).`,
    );
  }
  const identity = messaging.sesIdentity ?? domainOf(messaging.senderAddress);
  const identityArn = stack.formatArn({ service: 'ses', resource: 'identity', resourceName: identity, arnFormat: ArnFormat.SLASH_RESOURCE_NAME });
  const configurationSetArn = messaging.configurationSet
    ? [stack.formatArn({ service: 'ses', resource: 'configuration-set', resourceName: messaging.configurationSet, arnFormat: ArnFormat.SLASH_RESOURCE_NAME })]
    : [];

  for (const handler of sendingHandlers) {
    const fn = stack.functionFor(handler);
    fn.addEnvironment(messagingVariables.senderAddress, messaging.senderAddress);
    if (messaging.configurationSet) fn.addEnvironment(messagingVariables.configurationSet, messaging.configurationSet);
    if (messaging.smsSenderId) fn.addEnvironment(messagingVariables.smsSenderId, messaging.smsSenderId);
    fn.addToRolePolicy(new PolicyStatement({ actions: ['ses:SendEmail'], resources: [identityArn, ...configurationSetArn] }));
    // SMS to a phone number has no resource ARN to grant; NotResource on every topic ARN keeps topics out of reach.
    fn.addToRolePolicy(new PolicyStatement({ actions: ['sns:Publish'], notResources: [Arn.format({ service: 'sns', region: '*', account: '*', resource: '*' }, stack)] }));
  }
  return stack;
}
