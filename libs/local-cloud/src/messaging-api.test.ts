import { SendEmailCommand, SESv2Client, type SendEmailCommandInput } from '@aws-sdk/client-sesv2';
import { CreateTopicCommand, PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { send } from './__fixtures__/index.js';
import { startControlPlane, type ControlPlane } from './control-plane.js';
import { localCredentials, localRegion } from './dynamodb-local.js';
import { applyEnvironment, localEnvironment } from './environment.js';
import { LocalEventBus } from './event-bus.js';
import { FunctionRegistry } from './functions.js';
import { silentLog } from './log.js';
import { LocalOutbox } from './outbox.js';

let controlPlane: ControlPlane;
let outbox: LocalOutbox;
let restoreEnvironment: () => void;

beforeAll(async () => {
  outbox = new LocalOutbox();
  const bus = new LocalEventBus({ busName: 'shoplane-local', subscriptions: [], invoke: async () => undefined, log: silentLog });
  controlPlane = await startControlPlane({ parameters: new Map(), secrets: new Map(), bus, functions: new FunctionRegistry(), log: silentLog, outbox });
  const variables = localEnvironment([], { dynamodb: 'http://127.0.0.1:9', controlPlane: controlPlane.endpoint });
  // Nothing listens on port 9: only the service-specific variables can lead the SDK to the control plane.
  restoreEnvironment = applyEnvironment({ ...variables, AWS_ENDPOINT_URL: 'http://127.0.0.1:9' });
});
afterAll(async () => {
  restoreEnvironment();
  await controlPlane.close();
});
afterEach(() => outbox.clearFaults());

const ses = () => new SESv2Client({ maxAttempts: 1 });
const sns = () => new SNSClient({ maxAttempts: 1 });

const email = (overrides: Partial<SendEmailCommandInput> = {}): SendEmailCommandInput => ({
  FromEmailAddress: 'Shoplane <no-reply@shoplane.local>',
  Destination: { ToAddresses: ['ada@example.com'] },
  Content: {
    Simple: {
      Subject: { Data: 'Your order', Charset: 'UTF-8' },
      Body: { Text: { Data: 'Thanks!', Charset: 'UTF-8' }, Html: { Data: '<p>Thanks!</p>', Charset: 'UTF-8' } },
    },
  },
  EmailTags: [{ Name: 'template', Value: 'order-confirmation' }],
  ...overrides,
});

describe('SES v2 SendEmail through AWS_ENDPOINT_URL_SESV2', () => {
  it('puts the e-mail in the outbox, text and HTML, and answers its message id', async () => {
    // Act
    const { MessageId } = await ses().send(new SendEmailCommand(email()));

    // Assess
    const sent = outbox.emails.find((candidate) => candidate.messageId === MessageId);
    expect(sent).toMatchObject({
      from: 'Shoplane <no-reply@shoplane.local>',
      to: ['ada@example.com'],
      subject: 'Your order',
      text: 'Thanks!',
      html: '<p>Thanks!</p>',
      tags: { template: 'order-confirmation' },
    });
  });

  it('refuses a message without a recipient as BadRequestException, and keeps nothing', async () => {
    // Prepare
    const before = outbox.emails.length;

    // Act
    const sending = ses().send(new SendEmailCommand(email({ Destination: { ToAddresses: [] } })));

    // Assess
    await expect(sending).rejects.toMatchObject({ name: 'BadRequestException', $metadata: { httpStatusCode: 400 } });
    expect(outbox.emails).toHaveLength(before);
  });

  it('refuses an address without a domain', async () => {
    // Act
    const sending = ses().send(new SendEmailCommand(email({ Destination: { ToAddresses: ['ada'] } })));

    // Assess
    await expect(sending).rejects.toMatchObject({ name: 'BadRequestException' });
  });

  it('answers an injected fault as SES would, for exactly as many calls as armed', async () => {
    // Prepare
    outbox.failNext('email', 1, { status: 429, code: 'TooManyRequestsException', message: 'Maximum sending rate exceeded.' });

    // Act
    const throttled = ses().send(new SendEmailCommand(email()));

    // Assess
    await expect(throttled).rejects.toMatchObject({ name: 'TooManyRequestsException', message: 'Maximum sending rate exceeded.', $metadata: { httpStatusCode: 429 } });
    await expect(ses().send(new SendEmailCommand(email()))).resolves.toMatchObject({ MessageId: expect.any(String) });
  });

  it('answers MessageRejected as the rejection it is', async () => {
    // Prepare
    outbox.failNext('email', 1, { status: 400, code: 'MessageRejected', message: 'Email address is not verified.' });

    // Act
    const rejected = ses().send(new SendEmailCommand(email()));

    // Assess
    await expect(rejected).rejects.toMatchObject({ name: 'MessageRejected', $fault: 'client' });
  });
});

describe('SNS Publish (SMS) through AWS_ENDPOINT_URL_SNS', () => {
  it('puts the SMS in the outbox with its type and answers its message id', async () => {
    // Act
    const { MessageId } = await sns().send(
      new PublishCommand({
        PhoneNumber: '+14155550100',
        Message: 'Order ord_1 confirmed & paid',
        MessageAttributes: { 'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' } },
      }),
    );

    // Assess
    expect(outbox.sms.find((candidate) => candidate.messageId === MessageId)).toMatchObject({
      phoneNumber: '+14155550100',
      message: 'Order ord_1 confirmed & paid',
      smsType: 'Transactional',
    });
  });

  it('refuses a phone number that is not E.164 with InvalidParameterException', async () => {
    // Act
    const sending = sns().send(new PublishCommand({ PhoneNumber: '0415 555 0100', Message: 'hi' }));

    // Assess
    await expect(sending).rejects.toMatchObject({ name: 'InvalidParameterException', $metadata: { httpStatusCode: 400 } });
  });

  it('answers an injected provider failure with the exception SNS would raise', async () => {
    // Prepare
    outbox.failNext('sms', 1, { status: 500, code: 'InternalError', message: 'Internal error' });

    // Act
    const sending = sns().send(new PublishCommand({ PhoneNumber: '+14155550100', Message: 'hi' }));

    // Assess
    await expect(sending).rejects.toMatchObject({ name: 'InternalErrorException', $fault: 'server', $metadata: { httpStatusCode: 500 } });
  });

  it('names the SNS actions it does not emulate', async () => {
    // Act
    const creating = sns().send(new CreateTopicCommand({ Name: 'orders' }));

    // Assess
    await expect(creating).rejects.toMatchObject({ message: expect.stringContaining('does not emulate CreateTopic') });
  });
});

describe('the outbox', () => {
  it('shows the newest messages first', async () => {
    // Prepare
    const client = new SESv2Client({ endpoint: controlPlane.endpoint, region: localRegion, credentials: localCredentials, maxAttempts: 1 });
    await client.send(new SendEmailCommand(email({ Content: { Simple: { Subject: { Data: 'first' }, Body: { Text: { Data: '1' } } } } })));
    await client.send(new SendEmailCommand(email({ Content: { Simple: { Subject: { Data: 'second' }, Body: { Text: { Data: '2' } } } } })));

    // Act
    const view = outbox.view();

    // Assess
    expect(view.emails.slice(0, 2).map((message) => message.subject)).toEqual(['second', 'first']);
  });

  it('leaves other requests to the rest of the control plane', async () => {
    // Act
    const reply = await send(`${controlPlane.endpoint}/v2/email/contact-lists`, { method: 'POST', body: '{}' });

    // Assess
    expect(reply.status).toBe(400);
    expect(reply.json).toMatchObject({ __type: 'UnknownOperationException' });
  });
});
