import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { signedPost, type PostResult } from '../signed-post.js';

/** The JSON the gateway receives (API.md "Notifications that reach people"). */
export interface SmsMessage {
  /** The notification's id: the same on every retry, so the gateway can drop duplicates. */
  id: string;
  phone: string;
  template: string;
  params: Record<string, unknown>;
  text: string;
}

/** A generic, signed HTTP SMS gateway (SMS_WEBHOOK_URL, SMS_WEBHOOK_SECRET); the operator's own, so trusted. */
@Injectable()
export class SmsGateway {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get configured(): boolean {
    return this.config.notifications.sms !== null;
  }

  send(message: SmsMessage): Promise<PostResult> {
    const sms = this.config.notifications.sms;
    if (!sms) return Promise.resolve({ statusCode: null, error: 'no SMS gateway configured (SMS_WEBHOOK_URL)', durationMs: 0 });
    return signedPost({ url: sms.url, secret: sms.secret, body: message, timeoutMs: this.config.notifications.timeoutMs, publicOnly: false });
  }
}
