import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable, Logger } from '@nestjs/common';
import { delivered } from '../signed-post.js';
import { RetryPlanner } from '../retry-policy.js';
import { SmsGateway } from './sms-gateway.js';

/** A text for a phone number that need not belong to an account yet. */
export interface ImmediateSms {
  phone: string;
  template: string;
  params: Record<string, string>;
  text: string;
}

/** Every attempt failed: the message did not go out. */
export class SmsUndeliverable extends Error {}

/**
 * SMS that someone waits for on screen and that carries a secret (a registration code): sent through the
 * gateway while the request waits, retried a few times at once under one id, and never stored — unlike
 * the notifications of the outbox, whose rows keep their data until an admin has seen a failure.
 */
@Injectable()
export class ImmediateSmsService {
  private readonly logger = new Logger(ImmediateSmsService.name);

  constructor(
    private readonly gateway: SmsGateway,
    private readonly retries: RetryPlanner,
  ) {}

  /** Whether SMS_WEBHOOK_URL is set; without it, nothing can be sent. */
  get configured(): boolean {
    return this.gateway.configured;
  }

  /** Resolves once the gateway accepted the message; rejects with SmsUndeliverable when it never did. */
  async send(message: ImmediateSms): Promise<void> {
    const id = randomUUID();
    for (let attempts = 1; ; attempts++) {
      const result = await this.gateway.send({ id, ...message });
      if (delivered(result)) return;
      const delayMs = this.retries.whileWaiting(attempts);
      // The id finds the attempt in the gateway's log; the number and the text never reach ours.
      this.logger.warn(`sms ${id} (${message.template}) attempt ${attempts} failed: ${result.error}${delayMs === null ? '; giving up' : `; again in ${delayMs} ms`}`);
      if (delayMs === null) throw new SmsUndeliverable(`sms ${id} was not accepted after ${attempts} attempts: ${result.error}`);
      await sleep(delayMs);
    }
  }
}
