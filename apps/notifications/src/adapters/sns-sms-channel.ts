import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { SmsChannel } from '../domain/ports.js';
import { deliveryFailure } from './provider-errors.js';

/** SNS refuses this message as it is (e.g. a phone number that is not E.164); sending it again cannot help. */
const permanentSnsErrors = new Set(['InvalidParameterException', 'InvalidParameterValueException']);

export interface SnsSettings {
  /** Shown as the sender where the destination country supports sender ids. */
  senderId?: string;
}

const text = (value: string) => ({ DataType: 'String', StringValue: value });

/** SMS through SNS Publish to a phone number, as a transactional message (delivery over cost). */
export function snsSmsChannel(client: SNSClient, settings: SnsSettings = {}): SmsChannel {
  return {
    async send(sms) {
      try {
        const { MessageId } = await client.send(
          new PublishCommand({
            PhoneNumber: sms.to,
            Message: sms.text,
            MessageAttributes: {
              'AWS.SNS.SMS.SMSType': text('Transactional'),
              ...(settings.senderId ? { 'AWS.SNS.SMS.SenderID': text(settings.senderId) } : {}),
            },
          }),
        );
        return { providerMessageId: MessageId ?? '' };
      } catch (error) {
        throw deliveryFailure('SNS', error, permanentSnsErrors);
      }
    },
  };
}
