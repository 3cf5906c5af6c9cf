import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';

/** E-mail through SMTP (SMTP_URL, MAIL_FROM); one pooled transport per process. */
@Injectable()
export class MailSender implements OnApplicationShutdown {
  private transport: Transporter | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get configured(): boolean {
    return this.config.notifications.smtp !== null;
  }

  /** `messageId` is the notification's id, so a retried mail carries the same Message-ID. */
  async send(mail: { messageId: string; to: string; subject: string; text: string }): Promise<void> {
    const smtp = this.config.notifications.smtp;
    if (!smtp) throw new Error('no SMTP server configured (SMTP_URL)');
    if (!this.transport) {
      // Query parameters of the URL are transport options (nodemailer): a slow server must not hold a worker.
      const url = new URL(smtp.url);
      for (const option of ['connectionTimeout', 'greetingTimeout', 'socketTimeout']) {
        if (!url.searchParams.has(option)) url.searchParams.set(option, String(this.config.notifications.timeoutMs));
      }
      this.transport = nodemailer.createTransport(url.toString());
    }
    const domain = smtp.from.split('@')[1]?.replace(/[>\s].*$/, '') || 'ywtb.local';
    await this.transport.sendMail({
      from: smtp.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      messageId: `<${mail.messageId}@${domain}>`,
      headers: { 'X-Ywtb-Notification': mail.messageId },
    });
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
