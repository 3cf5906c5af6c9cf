import { Injectable } from '@nestjs/common';
import { TransactionHost, Transactional } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Brackets, In, MoreThan } from 'typeorm';
import type { Caller } from '../auth/auth.decorators.js';
import { badRequest, conflict, forbidden } from '../http/problem.js';
import { ClockService } from '../time/clock.service.js';
import { UsersService } from '../users/users.service.js';
import type { MySubstitutesView, SetSubstituteDto, SubstitutionView } from './substitution.dto.js';
import { Substitution } from './substitution.entity.js';

/**
 * 代岗: who covers for an absent clerk, and when. The work queue asks `covers` before it lets a clerk
 * work a task someone else holds; everything else about tasks stays in src/tasks and src/cases.
 */
@Injectable()
export class SubstitutesService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly users: UsersService,
    private readonly clock: ClockService,
  ) {}

  private get rows() {
    return this.txHost.tx.getRepository(Substitution);
  }

  async mine(caller: Caller): Promise<MySubstitutesView> {
    const now = this.clock.now();
    const [mine, covering, clerks] = await Promise.all([
      this.rows.findOneBy({ absentId: caller.id, endsAt: MoreThan(now) }),
      this.rows.find({ where: { substituteId: caller.id, endsAt: MoreThan(now) }, order: { startsAt: 'ASC' } }),
      caller.departmentCode ? this.users.clerksOf(caller.departmentCode) : Promise.resolve([]),
    ]);
    const all = [...(mine ? [mine] : []), ...covering];
    const names = await this.users.displayNames(all.flatMap((row) => [row.absentId, row.substituteId]));
    const view = (row: Substitution): SubstitutionView => ({
      absentId: row.absentId,
      absentName: names.get(row.absentId) ?? '',
      userId: row.substituteId,
      userName: names.get(row.substituteId) ?? '',
      from: row.startsAt,
      to: row.endsAt,
      active: row.startsAt.getTime() <= now.getTime(),
    });
    const colleagues = clerks.filter((clerk) => clerk.id !== caller.id).map((clerk) => ({ id: clerk.id, displayName: clerk.displayName }));
    return { mine: mine ? view(mine) : null, covering: covering.map(view), colleagues };
  }

  /** Names (or replaces) the caller's substitute for a window. */
  @Transactional()
  async set(caller: Caller, dto: SetSubstituteDto): Promise<MySubstitutesView> {
    const department = departmentOf(caller);
    const from = new Date(dto.from);
    const to = new Date(dto.to);
    if (to.getTime() <= from.getTime()) throw badRequest('substitute.window', 'The absence must end after it starts.', [{ path: 'to', message: 'must be after from' }]);
    if (dto.userId === caller.id) throw badRequest('substitute.self', 'Name a colleague, not yourself.', [{ path: 'userId', message: 'is yourself' }]);
    const substitute = await this.users.account(dto.userId);
    if (!substitute || substitute.disabled || !substitute.roles.includes('clerk')) {
      throw badRequest('substitute.not_a_clerk', 'The substitute must be an active clerk.', [{ path: 'userId', message: 'not an active clerk' }]);
    }
    if (substitute.departmentCode !== department) {
      throw badRequest('substitute.other_department', 'The substitute must be a clerk of your own department.', [{ path: 'userId', message: 'another department' }]);
    }
    // Serialise substitutions within the department, so that two clerks naming each other at once cannot both pass.
    await this.txHost.tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`substitution:${department}`]);
    // Nobody covers while away, and nobody goes away while covering: no chains of absences.
    const clash = await this.rows
      .createQueryBuilder('s')
      .where('s.startsAt < :to AND :from < s.endsAt', { from, to })
      .andWhere(
        new Brackets((q) =>
          q.where('s.absentId = :substitute', { substitute: substitute.id }).orWhere('s.substituteId = :caller AND s.absentId <> :caller', { caller: caller.id }),
        ),
      )
      .getOne();
    if (clash) {
      const detail =
        clash.absentId === substitute.id
          ? 'The substitute is away themselves during that time.'
          : 'You stand in for a colleague during that time; end that first.';
      throw conflict('substitute.overlapping', detail);
    }
    await this.rows.delete({ absentId: caller.id });
    await this.rows.insert({ absentId: caller.id, substituteId: substitute.id, departmentCode: department, startsAt: from, endsAt: to });
    return this.mine(caller);
  }

  @Transactional()
  async clear(caller: Caller): Promise<void> {
    await this.rows.delete({ absentId: caller.id });
  }

  /** Of `holders`, those whose tasks `substituteId` may work at `at` (their substitution window holds). */
  async coveredBy(substituteId: string, at: Date, holders?: readonly string[]): Promise<string[]> {
    const qb = this.rows
      .createQueryBuilder('s')
      .select('s.absentId', 'absentId')
      .where('s.substituteId = :substituteId AND s.startsAt <= :at AND s.endsAt > :at', { substituteId, at });
    if (holders) qb.andWhere('s.absentId IN (:...holders)', { holders: holders.length ? [...holders] : [null] });
    return (await qb.getRawMany<{ absentId: string }>()).map((row) => row.absentId);
  }

  /** Whether `substituteId` covers `holderId` at `at`. */
  async covers(substituteId: string, holderId: string, at: Date): Promise<boolean> {
    return (await this.coveredBy(substituteId, at, [holderId])).length > 0;
  }

  /** Of `ids`, the clerks away at `at`. */
  async absent(ids: readonly string[], at: Date): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.rows.find({ where: { absentId: In([...ids]) }, select: { absentId: true, startsAt: true, endsAt: true } });
    return new Set(rows.filter((row) => row.startsAt.getTime() <= at.getTime() && at.getTime() < row.endsAt.getTime()).map((row) => row.absentId));
  }
}

function departmentOf(caller: Caller): string {
  if (!caller.departmentCode) throw forbidden('substitute.no_department', 'Only clerks of a department name substitutes.');
  return caller.departmentCode;
}
