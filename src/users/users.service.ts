import { Injectable } from '@nestjs/common';
import { TransactionHost, Transactional } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { hashPassword } from '../auth/password.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { Keyset, PageQuery, type Page } from '../http/pagination.js';
import { badRequest, conflict, notFound } from '../http/problem.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import type { CreateUserDto, ProfileView, StaffView, UpdateUserDto } from './user.dto.js';
import { ACCOUNT_CHANGED, UserSessions } from './user-sessions.service.js';
import { User, type ApplicantFacts, type Role } from './user.entity.js';
import { randomBytes } from 'node:crypto';
import { In, type EntityManager } from 'typeorm';
import { IdNumberCipher } from '../keys/id-number-cipher.js';
import { ClockService } from '../time/clock.service.js';

/** A person's account as identity, agents and the counter need it. */
export type PersonAccount = Pick<User, 'id' | 'username' | 'displayName' | 'roles' | 'disabled' | 'reservedAt' | 'realNameVerified' | 'facts' | 'sessionVersion'>;

/** A new citizen, enterprise or reserved account: who it is, and how (if at all) it signs in with a password. */
export interface NewAccount {
  username?: string;
  /** null: no password sign-in (reserved, provider-only, or an enterprise that people act for). */
  password: string | null;
  displayName: string;
  idNumber: string | null;
  facts: ApplicantFacts;
  realNameVerified: boolean;
  reserved?: boolean;
}

/** A username for an account whose person did not choose one: a prefix and ten random letters and digits. */
export const generatedUsername = (prefix: string) => `${prefix}-${randomBytes(8).toString('base64url').toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 10).padEnd(10, '0')}`;

const view = (user: User): StaffView => ({
  id: user.id,
  username: user.username,
  roles: user.roles,
  departmentCode: user.departmentCode,
  displayName: user.displayName,
  disabled: user.disabled,
  createdAt: user.createdAt,
});

/** By username. */
const USER_PAGES = new Keyset('ASC', { username: { sql: 'u.username', type: 'text' } });

@Injectable()
export class UsersService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly notifications: NotificationsService,
    private readonly sessions: UserSessions,
    private readonly idNumbers: IdNumberCipher,
    private readonly catalog: CatalogService,
    private readonly clock: ClockService,
  ) {}

  private get users() {
    return this.txHost.tx.getRepository(User);
  }

  async get(id: string): Promise<StaffView> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw notFound('user.not_found', `No user with id ${id}.`);
    return view(user);
  }

  /** The whole account (facts, sealed ID number) for the modules acting for its holder; null when there is none. */
  account(id: string): Promise<User | null> {
    return this.users.findOneBy({ id });
  }

  /**
   * What a session needs to know of its account, read through the session's own transaction: the
   * embedded database serialises transactions, so a read on another connection would wait for it.
   */
  sessionHolder(id: string, manager: EntityManager): Promise<Pick<User, 'id' | 'disabled' | 'sessionVersion'> | null> {
    return manager.getRepository(User).findOne({ where: { id }, select: { id: true, disabled: true, sessionVersion: true } });
  }

  /** The account signing in as `username`, with its password hash; null when there is none. */
  findForSignIn(username: string): Promise<User | null> {
    return this.users.createQueryBuilder('user').addSelect('user.passwordHash').where('user.username = :username', { username }).getOne();
  }

  async list(page: PageQuery): Promise<Page<StaffView>> {
    const limit = page.limit ?? 50;
    const after = USER_PAGES.decode(page.cursor);
    const query = this.users.createQueryBuilder('u').orderBy(USER_PAGES.orderBy).take(limit + 1);
    if (after) query.where(...USER_PAGES.after(after));
    return USER_PAGES.page(await query.getMany(), limit, view, (user) => ({ username: user.username }));
  }

  @Transactional()
  async create(dto: CreateUserDto): Promise<StaffView> {
    await this.checkDepartment(dto.roles, dto.departmentCode ?? null);
    if (await this.users.existsBy({ username: dto.username })) {
      throw conflict('user.username_taken', `The username "${dto.username}" is taken.`, [{ path: 'username', message: 'is taken' }]);
    }
    const user = await this.users.save(
      this.users.create({
        username: dto.username,
        passwordHash: await hashPassword(dto.password),
        roles: dto.roles,
        departmentCode: dto.departmentCode ?? null,
        displayName: dto.displayName,
        facts: {},
      }),
    );
    await this.notifications.notify({ recipientId: user.id, template: 'account.created', data: { username: user.username } });
    return view(user);
  }

  async update(id: string, dto: UpdateUserDto): Promise<StaffView> {
    const updated = await this.applyUpdate(id, dto);
    // Committed by now: this process reads the new account at the next request, as every other does on ACCOUNT_CHANGED.
    this.sessions.forget(id);
    return updated;
  }

  @Transactional()
  private async applyUpdate(id: string, dto: UpdateUserDto): Promise<StaffView> {
    const user = await this.users.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!user) throw notFound('user.not_found', `No user with id ${id}.`);
    const roles = dto.roles ?? user.roles;
    const departmentCode = dto.departmentCode === undefined ? user.departmentCode : dto.departmentCode;
    await this.checkDepartment(roles, departmentCode);
    const endsSessions =
      dto.password !== undefined ||
      (dto.disabled !== undefined && dto.disabled !== user.disabled) ||
      departmentCode !== user.departmentCode ||
      [...roles].sort().join() !== [...user.roles].sort().join();
    if (endsSessions) user.sessionVersion += 1;
    Object.assign(user, {
      roles,
      departmentCode,
      displayName: dto.displayName ?? user.displayName,
      disabled: dto.disabled ?? user.disabled,
    });
    if (dto.password !== undefined) user.passwordHash = await hashPassword(dto.password);
    const saved = await this.users.save(user);
    await this.txHost.tx.query('SELECT pg_notify($1, $2)', [ACCOUNT_CHANGED, id]);
    return view(saved);
  }

  /** A clerk works a department's queue, so a clerk without a department could never see a task. */
  private async checkDepartment(roles: Role[], departmentCode: string | null): Promise<void> {
    if (roles.includes('clerk') && !departmentCode) {
      throw badRequest('user.department_required', 'A clerk needs a department.', [{ path: 'departmentCode', message: 'required for clerks' }]);
    }
    if (departmentCode && !(await this.catalog.departmentExists(departmentCode))) {
      throw badRequest('user.unknown_department', `There is no department "${departmentCode}".`, [
        { path: 'departmentCode', message: 'unknown department' },
      ]);
    }
  }

  /** Serialises everything that creates or claims the account of one ID number, until the transaction ends. */
  async lockIdNumber(idNumber: string): Promise<void> {
    await this.txHost.tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`id-number:${this.idNumbers.lookupHash(idNumber).toString('hex')}`]);
  }

  /**
   * The person's account holding this ID number (under any DATA_KEY still in use); null when there is none.
   * An enterprise account may carry its legal representative's number (the seeded enterprise1 does): it is
   * not that person's account.
   */
  findByIdNumber(idNumber: string): Promise<PersonAccount | null> {
    return this.users
      .createQueryBuilder('u')
      .where('u.idNumberHash IN (:...hashes)', { hashes: this.idNumbers.lookupHashes(idNumber) })
      .andWhere("coalesce(u.facts->>'kind', 'person') <> 'enterprise'")
      .orderBy('u.createdAt', 'ASC')
      .getOne();
  }

  findPerson(id: string): Promise<PersonAccount | null> {
    return this.users.findOneBy({ id });
  }

  findByUsername(username: string): Promise<PersonAccount | null> {
    return this.users.findOneBy({ username });
  }

  /**
   * What the account holder's own forms are pre-filled with: their name, ID number (whole: it is their
   * own, read by themselves) and phone, and for an enterprise account the enterprise's details.
   */
  async profile(id: string): Promise<ProfileView> {
    const user = await this.users.findOneByOrFail({ id });
    const facts = user.facts ?? {};
    const enterprise = facts.kind === 'enterprise';
    return {
      name: user.displayName,
      idNumber: enterprise || user.idNumberSealed === null ? null : this.idNumbers.open(user.idNumberSealed),
      phone: facts.phone ?? null,
      enterprise: enterprise
        ? { name: facts.companyName ?? user.displayName, uscc: facts.uscc ?? null, legalRepresentative: facts.legalRepresentative ?? null, district: facts.registeredDistrict ?? null }
        : null,
    };
  }

  /** The active clerks of a department, by name: those a supervisor may assign its tasks to. */
  clerksOf(departmentCode: string): Promise<Pick<User, 'id' | 'username' | 'displayName'>[]> {
    return this.users
      .createQueryBuilder('u')
      .select(['u.id', 'u.username', 'u.displayName'])
      .where('u.departmentCode = :departmentCode', { departmentCode })
      .andWhere("'clerk' = ANY(u.roles)")
      .andWhere('NOT u.disabled')
      .orderBy('u.username', 'ASC')
      .getMany();
  }

  /** Display names by account id, for the people named on a case. */
  async displayNames(ids: string[]): Promise<Map<string, string>> {
    return new Map([...(await this.people(ids)).values()].map((person) => [person.id, person.displayName]));
  }

  /** Those of `ids` that are enterprise accounts: their names are public, unlike a person's. */
  async enterpriseIds(ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: { id: string }[] = await this.users
      .createQueryBuilder('u')
      .select('u.id', 'id')
      .where('u.id IN (:...ids)', { ids: [...new Set(ids)] })
      .andWhere("u.facts->>'kind' = 'enterprise'")
      .getRawMany();
    return new Set(rows.map((row) => row.id));
  }

  /**
   * For one statement of another module that names people (GET /api/cases/:id): SQL for a json object
   * from account id to `{ name, enterprise }` of the accounts `ids` (an SQL expression of type uuid[]);
   * what displayNames and enterpriseIds answer, without a round trip of its own.
   */
  partiesJsonSql(ids: string): string {
    return `COALESCE((SELECT json_object_agg(p.id, json_build_object('name', p.display_name, 'enterprise', COALESCE(p.facts->>'kind' = 'enterprise', false))) FROM app_user p WHERE p.id = ANY(${ids})), '{}'::json)`;
  }

  /** Usernames and names by account id, in one query. */
  async people(ids: string[]): Promise<Map<string, Pick<User, 'id' | 'username' | 'displayName'>>> {
    if (ids.length === 0) return new Map();
    const rows = await this.users.find({ where: { id: In([...new Set(ids)]) }, select: { id: true, username: true, displayName: true } });
    return new Map(rows.map((row) => [row.id, row]));
  }

  /** A citizen account (role `citizen`); the caller checked the ID number and holds lockIdNumber. */
  async createAccount(account: NewAccount): Promise<PersonAccount> {
    const username = account.username ?? generatedUsername(account.reserved ? 'r' : 'p');
    if (await this.users.existsBy({ username })) {
      throw conflict('user.username_taken', `The username "${username}" is taken.`, [{ path: 'username', message: 'is taken' }]);
    }
    const sealed = account.idNumber === null ? null : this.idNumbers.protect(account.idNumber);
    return this.users.save(
      this.users.create({
        username,
        passwordHash: account.password === null ? unusablePasswordHash() : await hashPassword(account.password),
        roles: ['citizen'],
        departmentCode: null,
        displayName: account.displayName,
        idNumberSealed: sealed?.sealed ?? null,
        idNumberHash: sealed?.hash ?? null,
        facts: account.facts,
        realNameVerified: account.realNameVerified,
        reservedAt: account.reserved ? this.clock.now() : null,
      }),
    );
  }

  /**
   * The person a counter clerk reserved an account for takes it over: their username, password and
   * facts, and from then on it signs in like any other. The cases entered for them stay theirs.
   */
  async claimReserved(id: string, claim: { username?: string; password: string | null; facts: ApplicantFacts; realNameVerified: boolean }): Promise<PersonAccount> {
    const user = await this.users.findOneOrFail({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (claim.username !== undefined && claim.username !== user.username) {
      if (await this.users.existsBy({ username: claim.username })) {
        throw conflict('user.username_taken', `The username "${claim.username}" is taken.`, [{ path: 'username', message: 'is taken' }]);
      }
      user.username = claim.username;
    }
    if (claim.password !== null) user.passwordHash = await hashPassword(claim.password);
    user.facts = { ...user.facts, ...claim.facts };
    user.realNameVerified = user.realNameVerified || claim.realNameVerified;
    user.reservedAt = null;
    user.sessionVersion += 1;
    const saved = await this.users.save(user);
    await this.txHost.tx.query('SELECT pg_notify($1, $2)', [ACCOUNT_CHANGED, id]);
    return saved;
  }
}

/** A stored hash no password verifies against (the format check of verifyPassword fails). */
const unusablePasswordHash = () => `none$${randomBytes(16).toString('base64url')}`;
