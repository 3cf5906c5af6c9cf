import { Injectable } from '@nestjs/common';
import { TransactionHost, Transactional } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { CaseRecord } from '../cases/case.entity.js';
import { JobHandler } from '../queue/job-handler.decorator.js';
import { JobName, type JobPayloads } from '../queue/queue-names.js';
import { upsertFlagsStatement } from './flag-upsert.js';
import { FLAG_KIND_CODES, FLAG_KINDS } from './flag-kinds.js';
import { RiskDetection } from './risk-detection.service.js';
import { SCAN_LOCK } from './risk-scan.service.js';

const PER_CASE_KINDS = FLAG_KIND_CODES.filter((kind) => FLAG_KINDS[kind].perCase);

/**
 * The event-driven half of detection: after a case changes, its own flags (and its tasks') are brought up
 * to date at once — a decided case's deadline flags resolve now, not at the next scan. Reloads the case,
 * so a repeated or late job just finds the same answer.
 */
@Injectable()
export class RiskCheck {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly detection: RiskDetection,
  ) {}

  @JobHandler(JobName.RiskCheckCase)
  @Transactional()
  async checkCase({ caseId }: JobPayloads[JobName.RiskCheckCase]): Promise<{ flagged: number; resolved: number } | 'skipped'> {
    await this.txHost.tx.query('SELECT pg_advisory_xact_lock_shared(hashtext($1))', [SCAN_LOCK]);
    // Two checks of one case in parallel could each resolve what the other just found.
    await this.txHost.tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`ywtb.risk-case:${caseId}`]);
    if (!(await this.txHost.tx.getRepository(CaseRecord).existsBy({ id: caseId }))) return 'skipped';
    const window = await this.detection.window();
    let flagged = 0;
    let resolved = 0;
    for (const kind of PER_CASE_KINDS) {
      const { sql, params } = upsertFlagsStatement(kind, window, caseId);
      const [row] = await this.txHost.tx.query<Array<{ flagged: number; resolved: number }>>(sql, params);
      flagged += row.flagged;
      resolved += row.resolved;
    }
    return { flagged, resolved };
  }
}
