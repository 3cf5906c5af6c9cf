import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { TransactionHost, Transactional } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { maskName } from '@app/gov-ids';
import type { Caller } from '../auth/auth.decorators.js';
import { conflict, notFound } from '../http/problem.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { ClockService } from '../time/clock.service.js';
import { CertificateEvent } from './certificate-event.entity.js';
import { Certificate } from './certificate.entity.js';
import type { CertificateVerification } from './certificate.dto.js';

/** Crockford's base32: no I, L, O or U, so a code read aloud or typed from paper is not misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 80 random bits as XXXX-XXXX-XXXX-XXXX: unguessable, and short enough to print on a licence. */
export function verificationCode(bytes: Buffer = randomBytes(10)): string {
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let text = '';
  for (let i = 0; i < 16; i++) {
    text = ALPHABET[Number(bits & 31n)] + text;
    bits >>= 5n;
  }
  return text.match(/.{4}/g)!.join('-');
}


/** What a licence takes from the case it is issued for. */
export interface CertifiedCase {
  id: string;
  serviceItemCode: string | null;
  applicantId: string;
  applicant: { name: string; identifierMasked: string | null; isEnterprise: boolean };
}

@Injectable()
export class CertificatesService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly notifications: NotificationsService,
    private readonly clock: ClockService,
  ) {}

  /** Issues the licence of a case's certificate step, in the case's transaction. */
  async issue(record: CertifiedCase, options: { name: string; validYears?: number; at: Date }): Promise<Certificate> {
    const validUntil = options.validYears ? new Date(options.at.getTime()) : null;
    validUntil?.setUTCFullYear(validUntil.getUTCFullYear() + options.validYears!);
    const certificate = this.txHost.tx.getRepository(Certificate).create({
      code: verificationCode(),
      caseId: record.id,
      serviceItemCode: record.serviceItemCode ?? '',
      name: options.name,
      // When the applicant acted for an enterprise (or is one), the enterprise holds the licence.
      holderName: record.applicant.name,
      holderKind: record.applicant.isEnterprise ? 'enterprise' : 'person',
      holderIdentifier: record.applicant.identifierMasked,
      issuedAt: options.at,
      validUntil,
      holderId: record.applicantId,
    });
    await this.txHost.tx.getRepository(Certificate).insert(certificate);
    return certificate;
  }

  forCase(caseId: string): Promise<Certificate[]> {
    return this.txHost.tx.getRepository(Certificate).find({ where: { caseId }, order: { issuedAt: 'ASC' } });
  }

  forCases(caseIds: string[]): Promise<Certificate[]> {
    if (caseIds.length === 0) return Promise.resolve([]);
    return this.txHost.tx.getRepository(Certificate).find({ where: caseIds.map((caseId) => ({ caseId })), order: { issuedAt: 'ASC' } });
  }

  /**
   * For one statement of the cases module that reads a whole case (GET /api/cases/:id): SQL for a json
   * array of the certificates of the cases `caseIds` (an SQL expression of type uuid[]), issued first,
   * each `{ code, serviceItemCode, name, issuedAt }` (issuedAt as text). This module owns the table, so
   * it writes the SQL; the caller only embeds it.
   */
  ofCasesJsonSql(caseIds: string): string {
    return `COALESCE((SELECT json_agg(json_build_object('code', z.code, 'serviceItemCode', z.service_item_code, 'name', z.name, 'issuedAt', z.issued_at) ORDER BY z.issued_at, z.code) FROM certificate z WHERE z.case_id = ANY(${caseIds})), '[]'::json)`;
  }

  /** Public: anyone holding the code may check a licence; personal data comes back masked. */
  async verify(code: string): Promise<CertificateVerification> {
    const certificate = await this.find(code);
    const expired = certificate.validUntil !== null && certificate.validUntil.getTime() < this.clock.now().getTime();
    return {
      valid: certificate.revokedAt === null && !expired,
      code: certificate.code,
      name: certificate.name,
      serviceItemCode: certificate.serviceItemCode,
      holderName: certificate.holderKind === 'enterprise' ? certificate.holderName : maskName(certificate.holderName),
      holderKind: certificate.holderKind,
      holderIdentifier: certificate.holderIdentifier,
      issuedAt: certificate.issuedAt,
      validUntil: certificate.validUntil,
      revokedAt: certificate.revokedAt,
      reason: certificate.revokedReason,
    };
  }

  /** 撤销: once; the event row and the holder's notice commit with it. */
  @Transactional()
  async revoke(code: string, caller: Caller, reason: string): Promise<CertificateVerification> {
    const certificate = await this.find(code);
    const at = this.clock.now();
    const updated = await this.txHost.tx
      .createQueryBuilder()
      .update(Certificate)
      .set({ revokedAt: at, revokedReason: reason, revokedBy: caller.id })
      .where('code = :code AND revoked_at IS NULL', { code: certificate.code })
      .execute();
    if (updated.affected !== 1) throw conflict('certificate.already_revoked', 'This licence has been revoked already.');
    await this.txHost.tx.getRepository(CertificateEvent).insert({ code: certificate.code, action: 'revoked', actorId: caller.id, actorName: caller.displayName, reason, at });
    if (certificate.holderId) {
      await this.notifications.notify({ recipientId: certificate.holderId, template: 'certificate.revoked', data: { itemName: certificate.name, code: certificate.code, reason } });
    }
    return this.verify(certificate.code);
  }

  /** A licence's history after issue, oldest first. */
  events(code: string): Promise<CertificateEvent[]> {
    return this.txHost.tx.getRepository(CertificateEvent).find({ where: { code }, order: { at: 'ASC' } });
  }

  private async find(code: string): Promise<Certificate> {
    const certificate = await this.txHost.tx.getRepository(Certificate).findOneBy({ code: code.trim().toUpperCase() });
    if (!certificate) throw notFound('certificate.not_found', 'No licence has this verification code.');
    return certificate;
  }
}
