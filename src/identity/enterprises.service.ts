import { checkUscc } from '@app/gov-ids';
import { Injectable } from '@nestjs/common';
import { TransactionHost, Transactional } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { In } from 'typeorm';
import type { AuthoriseAgentDto, AuthorisationView } from '../agents/agent.dto.js';
import { AgentsService } from '../agents/agents.service.js';
import type { Caller } from '../auth/auth.decorators.js';
import { badRequest, conflict, forbidden, notFound, unprocessable } from '../http/problem.js';
import { RegistryLookups } from '../registry/registry-lookups.js';
import { UsersService } from '../users/users.service.js';
import type { EnterpriseView, RegisterEnterpriseDto } from './enterprise.dto.js';
import { EnterpriseAccount } from './enterprise-account.entity.js';

/** Of one's authorisations for one enterprise (newest first): an active one, else the latest. */
function ownAuthorisation(held: readonly AuthorisationView[]): EnterpriseView['authorisation'] | null {
  const chosen = held.find((a) => a.status === 'active') ?? held[0];
  return chosen ? { id: chosen.id, status: chosen.status, serviceItemCodes: chosen.serviceItemCodes, validUntil: chosen.validUntil } : null;
}

/** The legal representative acts for the enterprise for as long as it is registered here. */
const FOREVER = new Date('9999-12-31T15:59:59.999Z');

/**
 * Enterprise accounts (法人账户): bound to a 统一社会信用代码, nobody signs in as one. Its legal representative
 * registers it and acts for it; they authorise 经办人 who act for it too, for some items, until a date.
 * Acting is applying with `onBehalfOf: <enterprise id>`, checked like every agent's.
 */
@Injectable()
export class EnterprisesService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly users: UsersService,
    private readonly agents: AgentsService,
    private readonly registry: RegistryLookups,
  ) {}

  private get enterprises() {
    return this.txHost.tx.getRepository(EnterpriseAccount);
  }

  @Transactional()
  async register(caller: Caller, dto: RegisterEnterpriseDto): Promise<EnterpriseView> {
    const check = checkUscc(dto.uscc);
    if (!check.ok) throw badRequest('identity.invalid_uscc', `The credit code is not valid: ${check.message}.`, [{ path: 'uscc', message: `${check.code}: ${check.message}` }]);
    await this.txHost.tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`uscc:${dto.uscc}`]);
    if (await this.enterprises.existsBy({ uscc: dto.uscc })) {
      throw conflict('identity.enterprise_registered', 'This enterprise has an account already; its legal representative can authorise you.', [
        { path: 'uscc', message: 'registered already' },
      ]);
    }
    const name = dto.name.trim();
    const known = await this.registry.enterprise(dto.uscc);
    if (known && known.name !== name) {
      throw unprocessable('identity.registry_mismatch', 'The name does not match the legal-entity registry for this credit code.', [
        { path: 'name', message: 'does not match the legal-entity registry' },
      ]);
    }
    const account = await this.users.createAccount({
      username: `e-${dto.uscc.toLowerCase()}`,
      password: null,
      displayName: name,
      idNumber: null,
      realNameVerified: known !== null,
      facts: {
        kind: 'enterprise',
        uscc: dto.uscc,
        companyName: name,
        legalRepresentative: caller.displayName,
        ...(known ? { enterpriseType: known.type, industry: known.industry, employees: known.employees, registeredAt: known.registeredAt } : {}),
      },
    });
    await this.enterprises.insert({ userId: account.id, uscc: dto.uscc, name, legalRepresentativeId: caller.id, registryVerified: known !== null });
    const granted = await this.agents.grant({ principalId: account.id, agentId: caller.id, serviceItemCodes: null, validUntil: FOREVER, kind: 'legal_representative' });
    return {
      id: account.id,
      uscc: dto.uscc,
      name,
      registryVerified: known !== null,
      role: 'legal_representative',
      legalRepresentative: { id: caller.id, name: caller.displayName },
      authorisation: ownAuthorisation([granted])!,
    };
  }

  /** Those the caller represents, or handles with an authorisation (of any status), each with that authorisation. */
  async mine(caller: Caller): Promise<{ items: EnterpriseView[]; nextCursor: null }> {
    const held = (await this.agents.received(caller.id)).items;
    const principals = [...new Set(held.map((a) => a.principal.id))];
    const rows = principals.length ? await this.enterprises.find({ where: { userId: In(principals) }, order: { name: 'ASC' } }) : [];
    const representatives = await this.users.displayNames(rows.map((row) => row.legalRepresentativeId));
    return {
      items: rows.map((row) => ({
        id: row.userId,
        uscc: row.uscc,
        name: row.name,
        registryVerified: row.registryVerified,
        role: row.legalRepresentativeId === caller.id ? 'legal_representative' : 'handler',
        legalRepresentative: { id: row.legalRepresentativeId, name: representatives.get(row.legalRepresentativeId) ?? '' },
        authorisation: ownAuthorisation(held.filter((a) => a.principal.id === row.userId))!,
      })),
      nextCursor: null,
    };
  }

  async addHandler(caller: Caller, enterpriseId: string, dto: AuthoriseAgentDto): Promise<AuthorisationView> {
    await this.representedBy(caller, enterpriseId);
    return this.agents.authorise(enterpriseId, dto, 'handler');
  }

  async handlers(caller: Caller, enterpriseId: string): Promise<{ items: AuthorisationView[]; nextCursor: null }> {
    await this.representedBy(caller, enterpriseId);
    return this.agents.given(enterpriseId);
  }

  async revokeHandler(caller: Caller, enterpriseId: string, authorisationId: string): Promise<AuthorisationView> {
    await this.representedBy(caller, enterpriseId);
    const own = (await this.agents.received(caller.id)).items.find((a) => a.id === authorisationId && a.kind === 'legal_representative');
    if (own) throw conflict('identity.legal_representative_stays', 'The legal representative acts for the enterprise for as long as it is registered; only 经办人 are revoked.');
    return this.agents.revoke(enterpriseId, authorisationId);
  }

  private async representedBy(caller: Caller, enterpriseId: string): Promise<void> {
    const enterprise = await this.enterprises.findOneBy({ userId: enterpriseId });
    if (!enterprise) throw notFound('identity.enterprise_not_found', 'No such enterprise account.');
    if (enterprise.legalRepresentativeId !== caller.id) throw forbidden('identity.not_legal_representative', 'Only the legal representative manages who acts for the enterprise.');
  }
}
