import { maskPhone } from '@app/gov-ids';
import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { ProblemException } from '../http/problem.js';
import { ImmediateSmsService, SmsUndeliverable } from '../notifications/sms/immediate-sms.service.js';

/** One text message; `params` fill the template, `text` is what a person reads. */
export interface SmsMessage {
  phone: string;
  template: string;
  params: Record<string, string>;
  text: string;
}

/** The SMS channel as identity needs it. */
export interface SmsSender {
  /** Called outside any transaction; a rejection tells the caller the message did not go out. */
  send(message: SmsMessage): Promise<void>;
}

export const SMS_SENDER = Symbol('SMS_SENDER');

/**
 * Codes go out through the notifications module's SMS gateway (SMS_WEBHOOK_URL: signed, retried under
 * one id). Without a gateway they are only logged, the number masked; the text (with the code) is logged
 * outside production only, so that a developer can register on a machine without a gateway.
 */
@Injectable()
export class GatewaySmsSender implements SmsSender {
  private readonly logger = new Logger('SmsSender');

  constructor(
    private readonly gateway: ImmediateSmsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async send(message: SmsMessage): Promise<void> {
    if (!this.gateway.configured) {
      this.logger.warn(loggedInstead(message, this.config.env === 'production'));
      return;
    }
    try {
      await this.gateway.send(message);
    } catch (error) {
      if (!(error instanceof SmsUndeliverable)) throw error;
      throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, 'auth.sms_unavailable', 'The text message could not be sent just now; ask for a code again in a minute.', undefined, {
        retryAfter: 60,
      });
    }
  }
}

/** The log line that stands in for a message when no gateway is configured. */
export function loggedInstead(message: SmsMessage, production: boolean): string {
  const head = `SMS ${message.template} to ${maskPhone(message.phone)} not delivered: no SMS gateway is configured (SMS_WEBHOOK_URL)`;
  return production ? head : `${head}; it reads: ${message.text}`;
}
