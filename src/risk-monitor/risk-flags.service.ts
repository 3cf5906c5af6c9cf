import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { Caller } from '../auth/auth.decorators.js';
import { Keyset, type Page } from '../http/pagination.js';
import { conflict, notFound } from '../http/problem.js';
import { ClockService } from '../time/clock.service.js';
import { describe } from './flag-kinds.js';
import type { AcknowledgeFlagDto, FlagQuery, FlagView, ResolveFlagDto } from './risk-monitor.dto.js';
import { RiskFlag } from './risk-flag.entity.js';

const flagView = (flag: RiskFlag): FlagView => ({
  id: flag.id,
  kind: flag.kind,
  severity: flag.severity,
  caseId: flag.caseId,
  taskId: flag.taskId,
  departmentCode: flag.departmentCode,
  targetKey: flag.targetKey,
  detectedAt: flag.detectedAt,
  status: flag.status,
  detail: describe(flag.kind, flag.facts),
  facts: flag.facts,
  escalationLevel: flag.escalationLevel,
  acknowledgedAt: flag.acknowledgedAt,
  acknowledgedBy: flag.acknowledgedBy,
  acknowledgeComment: flag.acknowledgeComment,
  resolvedAt: flag.resolvedAt,
  resolvedBy: flag.resolvedBy,
  resolution: flag.resolution,
  resolutionComment: flag.resolutionComment,
});

/** Newest first. */
const FLAG_PAGES = new Keyset('DESC', { detectedAt: { sql: 'f.detectedAt', type: 'timestamp' }, id: { sql: 'f.id', type: 'uuid' } });

/** The supervisors' side of flags: the list, acknowledging (which stops escalation) and resolving with a comment. */
@Injectable()
export class RiskFlagsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly clock: ClockService,
  ) {}

  private get flags() {
    return this.txHost.tx.getRepository(RiskFlag);
  }

  /** Newest first. */
  async list(query: FlagQuery): Promise<Page<FlagView>> {
    const limit = query.limit ?? 50;
    const after = FLAG_PAGES.decode(query.cursor);
    const qb = this.flags.createQueryBuilder('f').orderBy(FLAG_PAGES.orderBy).limit(limit + 1);
    if (query.status) qb.andWhere('f.status = :status', { status: query.status });
    if (query.severity) qb.andWhere('f.severity = :severity', { severity: query.severity });
    if (query.kind) qb.andWhere('f.kind = :kind', { kind: query.kind });
    if (query.caseId) qb.andWhere('f.caseId = :caseId', { caseId: query.caseId });
    if (query.departmentCode) qb.andWhere('f.departmentCode = :departmentCode', { departmentCode: query.departmentCode });
    if (after) qb.andWhere(...FLAG_PAGES.after(after));
    return FLAG_PAGES.page(await qb.getMany(), limit, flagView, (flag) => ({ detectedAt: flag.detectedAt.toISOString(), id: flag.id }));
  }

  /** Someone is on it: escalation stops. Acknowledging twice is harmless; a resolved flag stays resolved. */
  async acknowledge(id: string, caller: Caller, dto: AcknowledgeFlagDto): Promise<FlagView> {
    await this.flags
      .createQueryBuilder()
      .update()
      .set({ status: 'acknowledged', acknowledgedAt: this.clock.now(), acknowledgedBy: caller.id, acknowledgeComment: dto.comment ?? null })
      .where(`id = :id AND status = 'open'`, { id })
      .execute();
    const flag = await this.find(id);
    if (flag.status === 'resolved') throw conflict('risk_flag.resolved', 'This flag is resolved already.');
    return flagView(flag);
  }

  /** Resolved by a person, with the reason; the monitor will not raise the same flag for this target again. */
  async resolve(id: string, caller: Caller, dto: ResolveFlagDto): Promise<FlagView> {
    const result = await this.flags
      .createQueryBuilder()
      .update()
      .set({ status: 'resolved', resolution: 'manual', resolvedAt: this.clock.now(), resolvedBy: caller.id, resolutionComment: dto.comment.trim() })
      .where(`id = :id AND status <> 'resolved'`, { id })
      .execute();
    const flag = await this.find(id);
    if (result.affected !== 1) throw conflict('risk_flag.resolved', 'This flag is resolved already.');
    return flagView(flag);
  }

  private async find(id: string): Promise<RiskFlag> {
    const flag = await this.flags.findOneBy({ id });
    if (!flag) throw notFound('risk_flag.not_found', `No risk flag with id ${id}.`);
    return flag;
  }
}
