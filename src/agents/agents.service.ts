import { chinaDate } from '@app/business-calendar';
import { Injectable } from '@nestjs/common';
import { TransactionHost, Transactional } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { IsNull } from 'typeorm';

import { CatalogService } from '../catalog/catalog.service.js';
import { badRequest, forbidden, notFound } from '../http/problem.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { ClockService } from '../time/clock.service.js';
import { UsersService } from '../users/users.service.js';
import { authorisationStatus, endOfChinaDay, refusal, type Refusal } from './agent-authorisation-rules.js';
import { AgentAuthorisation } from './agent-authorisation.entity.js';
import type { AuthorisationView, AuthoriseAgentDto } from './agent.dto.js';

export type AuthorisationKind = 'agent' | 'legal_representative' | 'handler';

const REFUSALS: Record<Refusal, string> = {
  'agent.not_authorised': 'You hold no authorisation to apply for this person (代办授权).',
  'agent.authorisation_expired': 'Your authorisation to apply for this person has expired.',
  'agent.authorisation_revoked': 'Your authorisation to apply for this person was revoked.',
  'agent.item_not_authorised': 'Your authorisation does not cover this service item.',
};

/** 帮办代办: who may apply for whom, for which items, until when. */
@Injectable()
export class AgentsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly users: UsersService,
    private readonly catalog: CatalogService,
    private readonly notifications: NotificationsService,
    private readonly clock: ClockService,
  ) {}

  private get rows() {
    return this.txHost.tx.getRepository(AgentAuthorisation);
  }

  /** The principal authorises the account named in `dto` (checked: a citizen who can sign in, not themself). */
  @Transactional()
  async authorise(principalId: string, dto: AuthoriseAgentDto, kind: AuthorisationKind = 'agent'): Promise<AuthorisationView> {
    const agent = await this.users.findByUsername(dto.agentUsername);
    if (!agent || agent.disabled || agent.reservedAt !== null || !agent.roles.includes('citizen') || agent.facts.kind === 'enterprise') {
      throw badRequest('agent.unknown_agent', `There is no citizen account "${dto.agentUsername}" that could act as an agent.`, [
        { path: 'agentUsername', message: 'no such citizen account' },
      ]);
    }
    if (agent.id === principalId) throw badRequest('agent.self', 'You cannot authorise yourself.', [{ path: 'agentUsername', message: 'is you' }]);
    const today = chinaDate(this.clock.now());
    if (Number.isNaN(endOfChinaDay(dto.validUntil).getTime()) || dto.validUntil < today) {
      throw badRequest('agent.valid_until_past', 'validUntil must be a real date, today or later.', [{ path: 'validUntil', message: `must be ${today} or later` }]);
    }
    if (dto.serviceItemCodes) {
      const known = new Set((await this.catalog.items()).items.map((item) => item.code));
      const errors = dto.serviceItemCodes.flatMap((code, i) => (known.has(code) ? [] : [{ path: `serviceItemCodes[${i}]`, message: 'unknown service item' }]));
      if (errors.length > 0) throw badRequest('agent.unknown_item', 'Some service items do not exist.', errors);
    }
    return this.grant({ principalId, agentId: agent.id, serviceItemCodes: dto.serviceItemCodes ?? null, validUntil: endOfChinaDay(dto.validUntil), kind });
  }

  /** Records an authorisation whose parties were checked by the caller, and tells the agent. */
  @Transactional()
  async grant(row: { principalId: string; agentId: string; serviceItemCodes: string[] | null; validUntil: Date; kind: AuthorisationKind }): Promise<AuthorisationView> {
    const saved = await this.rows.save(this.rows.create({ ...row, revokedAt: null }));
    const [view] = await this.views([saved]);
    await this.notifications.notify({
      recipientId: row.agentId,
      template: 'agent.authorised',
      data: { principal: view!.principal.name, validUntil: view!.validUntil, serviceItemCodes: row.serviceItemCodes },
    });
    return view!;
  }

  /** What the principal granted, newest first. */
  async given(principalId: string): Promise<{ items: AuthorisationView[]; nextCursor: null }> {
    return { items: await this.views(await this.rows.find({ where: { principalId }, order: { createdAt: 'DESC' } })), nextCursor: null };
  }

  /** What the agent holds, newest first. */
  async received(agentId: string): Promise<{ items: AuthorisationView[]; nextCursor: null }> {
    return { items: await this.views(await this.rows.find({ where: { agentId }, order: { createdAt: 'DESC' } })), nextCursor: null };
  }

  /** Stops new applications under it; cases already made go on. */
  @Transactional()
  async revoke(principalId: string, id: string): Promise<AuthorisationView> {
    const row = await this.rows.findOne({ where: { id, principalId }, lock: { mode: 'pessimistic_write' } });
    if (!row) throw notFound('agent.authorisation_not_found', 'No such authorisation of yours.');
    if (!row.revokedAt) {
      row.revokedAt = this.clock.now();
      await this.rows.save(row);
      await this.notifications.notify({ recipientId: row.agentId, template: 'agent.revoked', data: { authorisationId: row.id } });
    }
    const [view] = await this.views([row]);
    return view!;
  }

  /** A 403 unless `agentId` may apply for `principalId` now, for every item in `itemCodes`. */
  async requireAuthorised(agentId: string, principalId: string, itemCodes: readonly string[]): Promise<void> {
    const rows = await this.rows.find({ where: { agentId, principalId } });
    const reason = refusal(rows, itemCodes, this.clock.now());
    if (reason) throw forbidden(reason, REFUSALS[reason]);
  }

  /**
   * The enterprise accounts `userId` is the legal representative of: they see and carry on every case of
   * the enterprise, whichever 经办人 applied.
   */
  async representedBy(userId: string): Promise<string[]> {
    const rows = await this.rows.find({ where: { agentId: userId, kind: 'legal_representative', revokedAt: IsNull() }, select: { principalId: true } });
    return rows.map((row) => row.principalId);
  }

  private async views(rows: AgentAuthorisation[]): Promise<AuthorisationView[]> {
    const people = await this.users.people(rows.flatMap((row) => [row.principalId, row.agentId]));
    const party = (id: string) => ({ id, username: people.get(id)?.username ?? '', name: people.get(id)?.displayName ?? '' });
    const now = this.clock.now();
    return rows.map((row) => ({
      id: row.id,
      principal: party(row.principalId),
      agent: party(row.agentId),
      serviceItemCodes: row.serviceItemCodes,
      validUntil: chinaDate(row.validUntil),
      kind: row.kind,
      status: authorisationStatus(row, now),
      createdAt: row.createdAt,
      revokedAt: row.revokedAt,
    }));
  }
}

