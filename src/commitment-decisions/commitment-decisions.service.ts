import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import type { Caller } from '../auth/auth.decorators.js';
import { CaseEngine } from '../cases/case-engine.service.js';
import { CaseStore } from '../cases/case.store.js';
import { CertificatesService } from '../certificates/certificates.service.js';
import { forbidden } from '../http/problem.js';
import type { CommitmentCheckDecisionDto, CommitmentCheckView } from '../commitment-checks/commitment-check.dto.js';
import { alreadyDecided, CommitmentChecksService } from '../commitment-checks/commitment-checks.service.js';

/**
 * A clerk of the item's department records the 告知承诺 check: confirmed closes it; a false commitment
 * revokes the case's licences through the revocation path (reason recorded, holder notified, verification
 * answers valid: false). Either way the case's history gets a chained row, in the same transaction.
 */
@Injectable()
export class CommitmentDecisionsService {
  constructor(
    private readonly checks: CommitmentChecksService,
    private readonly cases: CaseStore,
    private readonly engine: CaseEngine,
    private readonly certificates: CertificatesService,
  ) {}

  @Transactional()
  async decide(id: string, caller: Caller, dto: CommitmentCheckDecisionDto): Promise<CommitmentCheckView> {
    const check = await this.checks.visible(id, caller);
    if (!caller.roles.includes('clerk') || caller.departmentCode !== check.departmentCode) {
      throw forbidden('commitment_check.department_only', 'Only a clerk of the item’s department records its 告知承诺 check.');
    }
    if (check.status !== 'open') throw alreadyDecided();
    const note = dto.note?.trim() || null;
    const revoked: string[] = [];
    if (dto.outcome === 'false_commitment') {
      const reason = `告知承诺不实：${note}`;
      for (const certificate of await this.certificates.forCase(check.caseId)) {
        if (certificate.revokedAt !== null) continue;
        await this.certificates.revoke(certificate.code, caller, reason);
        revoked.push(certificate.code);
      }
    }
    const view = await this.checks.decide(check, caller, { status: dto.outcome, note, revokedCertificates: revoked });
    const record = await this.cases.getOrFail(check.caseId);
    const confirmed = dto.outcome === 'confirmed';
    await this.engine.applyOutsideWorkflow(record, { id: caller.id, name: caller.displayName }, confirmed ? 'commitment_confirmed' : 'commitment_false', {
      comment: confirmed ? `告知承诺核查属实${note ? `：${note}` : ''}` : `告知承诺不实，撤销证照：${note}`,
      data: { checkId: check.id, revokedCertificates: revoked },
    });
    return view;
  }
}
