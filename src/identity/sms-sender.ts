import { Logger } from '@nestjs/common';

/** One text message; `params` fill the template, `text` is what a person reads. */
export interface SmsMessage {
  phone: string;
  template: string;
  params: Record<string, string>;
  text: string;
}

/**
 * The SMS channel as identity needs it. The notifications module's gateway (SMS_WEBHOOK_URL) implements
 * it; until one is provided this logs that a message went out, never its number in clear nor its text.
 */
export interface SmsSender {
  /** Called outside any transaction; a rejection tells the caller the message did not go out. */
  send(message: SmsMessage): Promise<void>;
}

export const SMS_SENDER = Symbol('SMS_SENDER');

export class LoggingSmsSender implements SmsSender {
  private readonly logger = new Logger('SmsSender');

  async send(message: SmsMessage): Promise<void> {
    // The number and the code (in `params` and `text`) are personal data and a secret: neither is logged.
    this.logger.log(`SMS ${message.template} (${message.text.length} characters) not delivered: no SMS gateway is configured`);
  }
}
