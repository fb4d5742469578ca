import { SendEmailCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import type { EmailChannel } from '../domain/ports.js';
import { deliveryFailure } from './provider-errors.js';

/** SES refuses this message as it is; sending it again cannot help. */
const permanentSesErrors = new Set(['MessageRejected', 'BadRequestException']);

export interface SesSettings {
  /** `FromEmailAddress`; must be an address of the verified SES identity. */
  senderAddress: string;
  configurationSetName?: string;
}

const utf8 = (data: string) => ({ Data: data, Charset: 'UTF-8' });

/** E-mail through SES v2 SendEmail: a simple message with text and HTML bodies, tagged with its template. */
export function sesEmailChannel(client: SESv2Client, settings: SesSettings): EmailChannel {
  return {
    async send(email) {
      try {
        const { MessageId } = await client.send(
          new SendEmailCommand({
            FromEmailAddress: settings.senderAddress,
            Destination: { ToAddresses: [email.to] },
            Content: { Simple: { Subject: utf8(email.subject), Body: { Text: utf8(email.text), Html: utf8(email.html) } } },
            EmailTags: [{ Name: 'template', Value: email.template }],
            ConfigurationSetName: settings.configurationSetName,
          }),
        );
        return { providerMessageId: MessageId ?? '' };
      } catch (error) {
        throw deliveryFailure('SES', error, permanentSesErrors);
      }
    },
  };
}
