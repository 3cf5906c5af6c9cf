import { timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { DataSource } from 'typeorm';
import { badRequest, tooManyRequests } from '../http/problem.js';
import { IdNumberCipher } from '../keys/id-number-cipher.js';
import { checkCode, newSmsCode, sendRefusal, SMS_CODE_POLICY } from './sms-code-policy.js';
import { SmsCode } from './sms-code.entity.js';
import { SMS_SENDER, type SmsSender } from './sms-sender.js';
import { ClockService } from '../time/clock.service.js';

/**
 * Registration codes: sent by SMS, kept only as keyed hashes (the phone, the address and the code), used
 * once, five wrong tries at most, five minutes at most. The keyed hash is DATA_KEY's look-up key, with a
 * prefix per kind of value so a phone's hash never equals an ID number's.
 */
@Injectable()
export class SmsCodesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly keys: IdNumberCipher,
    @Inject(SMS_SENDER) private readonly sms: SmsSender,
    private readonly clock: ClockService,
  ) {}

  private phoneHash = (phone: string) => this.keys.lookupHash(`sms-phone:${phone}`);
  private addressHash = (address: string) => this.keys.lookupHash(`sms-address:${address}`);
  private codeHash = (id: string, code: string) => this.keys.lookupHash(`sms-code:${id}:${code}`);

  async send(phone: string, address: string): Promise<void> {
    const phoneHash = this.phoneHash(phone);
    const addressHash = this.addressHash(address);
    const code = newSmsCode();
    const id = await this.dataSource.transaction(async (manager) => {
      // One sender at a time per phone, so the limits hold under concurrent requests.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`sms:${phoneHash.toString('hex')}`]);
      const ago = async (column: string, hash: Buffer) =>
        ((await manager.query(
          `SELECT extract(epoch FROM now() - created_at)::float8 AS ago FROM sms_code WHERE ${column} = $1 AND created_at > now() - interval '1 hour' ORDER BY created_at DESC`,
          [hash],
        )) as { ago: number }[]).map((row) => row.ago);
      const refusal = sendRefusal(await ago('phone_hash', phoneHash), await ago('address_hash', addressHash));
      if (refusal) throw tooManyRequests(refusal.code, 'Too many codes asked for; wait before asking again.', refusal.retryAfterSeconds);
      const row = manager.getRepository(SmsCode).create({ phoneHash, addressHash, codeHash: Buffer.alloc(0), attempts: 0, usedAt: null });
      row.expiresAt = new Date(this.clock.now().getTime() + SMS_CODE_POLICY.ttlSeconds * 1000);
      const saved = await manager.getRepository(SmsCode).save(row);
      await manager.getRepository(SmsCode).update({ id: saved.id }, { codeHash: this.codeHash(saved.id, code) });
      return saved.id;
    });
    // Sent after the commit, so the channel may use the database itself (the embedded one serialises
    // transactions); a send that fails takes its row back, which then counts against no limit.
    try {
      await this.sms.send({ phone, template: 'auth.registration_code', params: { code }, text: `【一网通办】您的注册验证码是${code}，5分钟内有效。请勿告诉他人。` });
    } catch (error) {
      await this.dataSource.getRepository(SmsCode).delete({ id });
      throw error;
    }
  }

  /**
   * Checks `code` against the latest code sent to `phone`; a wrong one counts a try (committed even though
   * the request fails). Returns the code's id for `consume`, or throws a 400 naming `code`.
   */
  async verify(phone: string, code: string): Promise<string> {
    const phoneHash = this.phoneHash(phone);
    const outcome = await this.dataSource.transaction(async (manager) => {
      const latest = await manager.getRepository(SmsCode).findOne({
        where: { phoneHash },
        order: { createdAt: 'DESC' },
        lock: { mode: 'pessimistic_write' },
      });
      const usable = latest && latest.usedAt === null ? latest : null;
      const matches = usable ? equal(usable.codeHash, this.codeHash(usable.id, code)) : false;
      const check = checkCode(usable && { matches, attempts: usable.attempts, expiresAt: usable.expiresAt }, this.clock.now());
      if (check === 'wrong') await manager.getRepository(SmsCode).increment({ id: usable!.id }, 'attempts', 1);
      return { check, id: usable?.id ?? null, left: usable ? SMS_CODE_POLICY.maxAttempts - usable.attempts - 1 : 0 };
    });
    switch (outcome.check) {
      case 'ok':
        return outcome.id!;
      case 'wrong':
        throw badRequest('auth.sms_code_wrong', `The code is wrong; ${outcome.left} tries left.`, [{ path: 'code', message: 'wrong code' }]);
      case 'spent':
        throw badRequest('auth.sms_code_spent', 'Too many wrong tries: ask for a new code.', [{ path: 'code', message: 'too many wrong tries; ask for a new code' }]);
      case 'expired':
        throw badRequest('auth.sms_code_expired', 'The code has expired (codes live 5 minutes): ask for a new one.', [{ path: 'code', message: 'expired' }]);
      case 'none':
        throw badRequest('auth.sms_code_expired', 'No code is waiting for this phone: ask for one first.', [{ path: 'code', message: 'no code was sent to this phone' }]);
    }
  }

  /** Marks the verified code used, in the caller's (CLS) transaction; false when someone used it meanwhile. */
  async consume(id: string): Promise<boolean> {
    const result = await this.txHost.tx
      .createQueryBuilder()
      .update(SmsCode)
      .set({ usedAt: () => 'now()' })
      .where('id = :id AND used_at IS NULL', { id })
      .execute();
    return result.affected === 1;
  }
}

const equal = (a: Buffer, b: Buffer) => a.length === b.length && timingSafeEqual(a, b);
