import { Injectable } from '@nestjs/common';
import { TransactionHost, Transactional } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { hashPassword } from '../auth/password.js';
import { Department } from '../catalog/department.entity.js';
import { Keyset, PageQuery, type Page } from '../http/pagination.js';
import { badRequest, conflict, notFound } from '../http/problem.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import type { CreateUserDto, StaffView, UpdateUserDto } from './user.dto.js';
import { ACCOUNT_CHANGED, UserSessions } from './user-sessions.service.js';
import { User, type Role } from './user.entity.js';

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
  ) {}

  private get users() {
    return this.txHost.tx.getRepository(User);
  }

  async get(id: string): Promise<StaffView> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw notFound('user.not_found', `No user with id ${id}.`);
    return view(user);
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
    if (departmentCode && !(await this.txHost.tx.getRepository(Department).existsBy({ code: departmentCode }))) {
      throw badRequest('user.unknown_department', `There is no department "${departmentCode}".`, [
        { path: 'departmentCode', message: 'unknown department' },
      ]);
    }
  }
}
