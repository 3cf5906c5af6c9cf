import { Injectable } from '@nestjs/common';
import { TransactionHost, Transactional } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { CaseStore } from '../cases/case.store.js';
import { JobName, type JobPayloads } from '../queue/queue-names.js';
import { upsertFlagsStatement } from './flag-upsert.js';
import { FAMILIES } from './detectors.js';
import { FLAG_KINDS, type FlagKind } from './flag-kinds.js';
import { RiskDetection } from './risk-detection.service.js';
import { SCAN_LOCK } from './risk-scan.service.js';

/** What one case's change can affect: its own flags and its tasks', and whether it is a 秒批 approval to sample. */
const PER_CASE = FAMILIES.map((family) => ({ family, kinds: (Object.keys(family.parts) as FlagKind[]).filter((kind) => FLAG_KINDS[kind].perCase) })).filter(
  ({ kinds }) => kinds.length > 0,
);

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
    private readonly cases: CaseStore,
  ) {}

  @Transactional()
  async checkCase({ caseId }: JobPayloads[JobName.RiskCheckCase]): Promise<{ flagged: number; resolved: number } | 'skipped'> {
    await this.txHost.tx.query('SELECT pg_advisory_xact_lock_shared(hashtext($1))', [SCAN_LOCK]);
    // Two checks of one case in parallel could each resolve what the other just found.
    await this.txHost.tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`ywtb.risk-case:${caseId}`]);
    if (!(await this.cases.exists(caseId))) return 'skipped';
    const window = await this.detection.window();
    let flagged = 0;
    let resolved = 0;
    for (const { family, kinds } of PER_CASE) {
      const { sql, params } = upsertFlagsStatement(family, kinds, window, caseId);
      const [row] = await this.txHost.tx.query<Array<{ flagged: number; resolved: number }>>(sql, params);
      flagged += row.flagged;
      resolved += row.resolved;
    }
    return { flagged, resolved };
  }
}
