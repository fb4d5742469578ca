import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readRequestBody, sendRestJsonError } from './aws-wire.js';
import type { LocalOutbox } from './outbox.js';

/** SES v2 `SendEmail` (restJson1): what `SESv2Client.send(new SendEmailCommand(...))` calls. */
export const sendEmailPath = '/v2/email/outbound-emails';

/** SES accepts at most 50 recipients per message, across To, Cc and Bcc. */
const maxRecipients = 50;

interface Text {
  Data?: unknown;
}

interface SendEmailRequest {
  FromEmailAddress?: unknown;
  Destination?: { ToAddresses?: unknown; CcAddresses?: unknown; BccAddresses?: unknown };
  ReplyToAddresses?: unknown;
  Content?: { Simple?: { Subject?: Text; Body?: { Text?: Text; Html?: Text } }; Raw?: unknown; Template?: unknown };
  ConfigurationSetName?: unknown;
  EmailTags?: unknown;
}

class BadRequest extends Error {}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);
const text = (value: Text | undefined): string | undefined => (typeof value?.Data === 'string' ? value.Data : undefined);

/** `Name <local@domain>` or a bare address; SES refuses anything without a local part and a domain. */
function checkedAddress(address: string, field: string): string {
  const bare = /<([^<>]+)>\s*$/.exec(address)?.[1] ?? address;
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(bare.trim())) throw new BadRequest(`Invalid ${field}: ${address} is not an e-mail address.`);
  return address;
}

function tagsOf(value: unknown): Record<string, string> {
  const entries = Array.isArray(value) ? (value as { Name?: unknown; Value?: unknown }[]) : [];
  return Object.fromEntries(entries.map((tag) => [String(tag.Name ?? ''), String(tag.Value ?? '')]));
}

function accept(outbox: LocalOutbox, request: SendEmailRequest): string {
  if (request.Content?.Raw !== undefined || request.Content?.Template !== undefined) {
    throw new BadRequest('The local runtime emulates Simple content only (no Raw or Template messages).');
  }
  const simple = request.Content?.Simple;
  const subject = text(simple?.Subject);
  const body = { text: text(simple?.Body?.Text), html: text(simple?.Body?.Html) };
  if (typeof request.FromEmailAddress !== 'string') throw new BadRequest('FromEmailAddress is required.');
  if (subject === undefined) throw new BadRequest('Content.Simple.Subject.Data is required.');
  if (body.text === undefined && body.html === undefined) throw new BadRequest('Content.Simple.Body needs Text or Html.');
  const to = strings(request.Destination?.ToAddresses).map((address) => checkedAddress(address, 'ToAddresses'));
  const cc = strings(request.Destination?.CcAddresses).map((address) => checkedAddress(address, 'CcAddresses'));
  const bcc = strings(request.Destination?.BccAddresses).map((address) => checkedAddress(address, 'BccAddresses'));
  const recipients = to.length + cc.length + bcc.length;
  if (recipients === 0) throw new BadRequest('Destination needs at least one address.');
  if (recipients > maxRecipients) throw new BadRequest(`A message has at most ${maxRecipients} recipients.`);
  const email = outbox.acceptEmail({
    from: checkedAddress(request.FromEmailAddress, 'FromEmailAddress'),
    to,
    cc,
    bcc,
    replyTo: strings(request.ReplyToAddresses),
    subject,
    ...(body.text === undefined ? {} : { text: body.text }),
    ...(body.html === undefined ? {} : { html: body.html }),
    ...(typeof request.ConfigurationSetName === 'string' ? { configurationSet: request.ConfigurationSetName } : {}),
    tags: tagsOf(request.EmailTags),
  });
  return email.messageId;
}

export async function handleSendEmail(request: IncomingMessage, response: ServerResponse, outbox: LocalOutbox): Promise<void> {
  const raw = (await readRequestBody(request)).toString('utf8');
  const fault = outbox.takeFault('email');
  if (fault) return sendRestJsonError(response, fault.status, fault.code, fault.message);
  let input: SendEmailRequest;
  try {
    input = JSON.parse(raw || '{}') as SendEmailRequest;
  } catch {
    return sendRestJsonError(response, 400, 'BadRequestException', 'The request body is not valid JSON.');
  }
  let messageId: string;
  try {
    messageId = accept(outbox, input);
  } catch (error) {
    if (!(error instanceof BadRequest)) throw error;
    return sendRestJsonError(response, 400, 'BadRequestException', error.message);
  }
  const body = JSON.stringify({ MessageId: messageId });
  response.writeHead(200, { 'content-type': 'application/json', 'x-amzn-requestid': randomUUID(), 'content-length': Buffer.byteLength(body) });
  response.end(body);
}
