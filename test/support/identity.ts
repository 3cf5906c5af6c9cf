import { randomInt } from 'node:crypto';
import { DataSource } from 'typeorm';
import { SMS_SENDER, type SmsMessage, type SmsSender } from '../../src/identity/sms-sender.js';
import type { TestSystem } from './system.js';

/**
 * The SMS channel of a test system, read by the test: the logging sender stays in place (it is the
 * channel until a gateway is configured), and every message also lands in this inbox.
 */
export function smsInbox(system: TestSystem): { last(phone: string): string | undefined; messages: SmsMessage[] } {
  const sender = system.app.get<SmsSender>(SMS_SENDER, { strict: false });
  const messages: SmsMessage[] = [];
  const send = sender.send.bind(sender);
  sender.send = async (message) => {
    await send(message);
    messages.push(message);
  };
  return { messages, last: (phone) => messages.findLast((m) => m.phone === phone)?.params.code };
}

/** A mainland mobile number no other test uses. */
export const phoneNumber = () => `13${randomInt(0, 10)}${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;

export const database = (system: TestSystem) => system.app.get(DataSource, { strict: false });
