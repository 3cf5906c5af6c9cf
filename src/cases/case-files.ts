import { Injectable, type OnModuleInit } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AgentsService } from '../agents/agents.service.js';
import type { Caller } from '../auth/auth.decorators.js';
import type { FileReferences } from '../files/file-references.js';
import { FilesService } from '../files/files.service.js';
import { canSeeCase, taskDepartmentsSql } from './case-access.js';
import { CaseMaterialFile } from './case-material-file.entity.js';
import type { SubmittedMaterial } from './case.entity.js';

/**
 * Which cases hold which uploaded files, for the files module: a file is readable by whoever can see a
 * case that holds it (registered with FilesService at start-up, see FileReferences for why not the other
 * way round).
 */
@Injectable()
export class CaseFiles implements FileReferences, OnModuleInit {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly files: FilesService,
    private readonly agents: AgentsService,
  ) {}

  onModuleInit(): void {
    this.files.registerReferences(this);
  }

  /** Records the materials of a case; in the caller's transaction, with the change that attached them. */
  async attach(caseId: string, materials: readonly SubmittedMaterial[]): Promise<void> {
    if (materials.length === 0) return;
    const rows = [...new Set(materials.map((m) => m.fileId))].map((fileId) => ({ fileId, caseId }));
    await this.txHost.tx.createQueryBuilder().insert().into(CaseMaterialFile).values(rows).orIgnore().execute();
  }

  /** Whether the caller can see a case holding the file: the cases and their task departments in one query. */
  async visibleTo(fileId: string, caller: Caller): Promise<boolean> {
    const holders = await this.txHost.tx.query<Array<{ applicantId: string; agentId: string | null; enteredBy: string | null; departmentCode: string | null; taskDepartments: string[] }>>(
      `SELECT c.applicant_id AS "applicantId", c.agent_id AS "agentId", c.entered_by AS "enteredBy", c.department_code AS "departmentCode", ${taskDepartmentsSql('c.id')} AS "taskDepartments"
         FROM case_material_file f JOIN case_record c ON c.id = f.case_id
        WHERE f.file_id = $1`,
      [fileId],
    );
    if (holders.some((holder) => canSeeCase(caller, holder, holder.taskDepartments))) return true;
    if (holders.length === 0 || !caller.roles.includes('citizen')) return false;
    const represented = await this.agents.representedBy(caller.id);
    return holders.some((holder) => canSeeCase(caller, holder, holder.taskDepartments, represented));
  }
}
