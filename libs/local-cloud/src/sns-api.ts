import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readRequestBody } from './aws-wire.js';
import type { LocalOutbox } from './outbox.js';

/**
 * SNS `Publish` to a phone number, over the AWS query protocol SNSClient speaks:
 * a form-encoded POST to `/` answered with XML. Topics are not emulated.
 */
const namespace = 'https://sns.amazonaws.com/doc/2010-03-31/';
const e164 = /^\+[1-9]\d{6,14}$/;

export function isQueryRequest(request: IncomingMessage): boolean {
  return String(request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
}

function escapeXml(value: string): string {
  return value.replace(/[<>&'"]/g, (character) => `&#${character.charCodeAt(0)};`);
}

function sendXml(response: ServerResponse, status: number, body: string): void {
  const document = `<?xml version="1.0"?>\n${body}`;
  response.writeHead(status, { 'content-type': 'text/xml', 'x-amzn-requestid': randomUUID(), 'content-length': Buffer.byteLength(document) });
  response.end(document);
}

/** A query-protocol error; the SDK maps `Code` to its exception (InvalidParameter → InvalidParameterException). */
export function sendQueryError(response: ServerResponse, status: number, code: string, message: string): void {
  const type = status >= 500 ? 'Receiver' : 'Sender';
  sendXml(
    response,
    status,
    `<ErrorResponse xmlns="${namespace}"><Error><Type>${type}</Type><Code>${escapeXml(code)}</Code><Message>${escapeXml(message)}</Message></Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`,
  );
}

/** `MessageAttributes.entry.N.Name` / `.Value.StringValue` pairs, by name. */
function messageAttributes(form: URLSearchParams): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const [key, name] of form) {
    const entry = /^MessageAttributes\.entry\.(\d+)\.Name$/.exec(key)?.[1];
    if (entry === undefined) continue;
    attributes[name] = form.get(`MessageAttributes.entry.${entry}.Value.StringValue`) ?? '';
  }
  return attributes;
}

function publish(form: URLSearchParams, outbox: LocalOutbox, response: ServerResponse): void {
  const fault = outbox.takeFault('sms');
  if (fault) return sendQueryError(response, fault.status, fault.code, fault.message);
  if (form.has('TopicArn') || form.has('TargetArn')) {
    return sendQueryError(response, 404, 'NotFound', 'The local runtime emulates SMS to a PhoneNumber only; topics and endpoints do not exist here.');
  }
  const phoneNumber = form.get('PhoneNumber') ?? '';
  const message = form.get('Message') ?? '';
  if (!e164.test(phoneNumber)) {
    return sendQueryError(response, 400, 'InvalidParameter', 'Invalid parameter: PhoneNumber Reason: it must be in E.164 format, e.g. +14155550100');
  }
  if (message.trim() === '') return sendQueryError(response, 400, 'InvalidParameter', 'Invalid parameter: Empty message');
  const attributes = messageAttributes(form);
  const sms = outbox.acceptSms({
    phoneNumber,
    message,
    ...(attributes['AWS.SNS.SMS.SMSType'] ? { smsType: attributes['AWS.SNS.SMS.SMSType'] } : {}),
    ...(attributes['AWS.SNS.SMS.SenderID'] ? { senderId: attributes['AWS.SNS.SMS.SenderID'] } : {}),
  });
  sendXml(
    response,
    200,
    `<PublishResponse xmlns="${namespace}"><PublishResult><MessageId>${sms.messageId}</MessageId></PublishResult><ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></PublishResponse>`,
  );
}

/** Serves a query-protocol request: SNS Publish, or an error naming what is not emulated. */
export async function handleQueryRequest(request: IncomingMessage, response: ServerResponse, outbox: LocalOutbox): Promise<void> {
  const form = new URLSearchParams((await readRequestBody(request)).toString('utf8'));
  const action = form.get('Action') ?? '';
  if (action === 'Publish') return publish(form, outbox, response);
  sendQueryError(response, 400, 'InvalidAction', `The local runtime does not emulate ${action || 'this query-protocol request'}.`);
}
