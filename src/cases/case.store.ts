import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { IsNull } from 'typeorm';
import { CaseRecord } from './case.entity.js';

/**
 * The reads of `case_record` that other modules need (the work queue, the joint-approval worker, the
 * risk monitor), in the caller's transaction. Writes go through the CaseEngine only.
 */
@Injectable()
export class CaseStore {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  private get cases() {
    return this.txHost.tx.getRepository(CaseRecord);
  }

  get(id: string): Promise<CaseRecord | null> {
    return this.cases.findOneBy({ id });
  }

  getOrFail(id: string): Promise<CaseRecord> {
    return this.cases.findOneByOrFail({ id });
  }

  /** The case, its row held until the transaction ends (a bundle's parent while its children report). */
  locked(id: string): Promise<CaseRecord | null> {
    return this.cases.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  exists(id: string): Promise<boolean> {
    return this.cases.existsBy({ id });
  }

  /** The ids of the unfinished cases running on one definition version, in case-number order (moving cases to another version). */
  async openOnWorkflow(workflowKey: string, workflowVersion: number): Promise<string[]> {
    const rows = await this.cases.find({ where: { workflowKey, workflowVersion, finishedAt: IsNull() }, select: { id: true }, order: { caseNo: 'ASC' } });
    return rows.map((row) => row.id);
  }

  /** A bundle's items, in case-number order. */
  children(parentId: string): Promise<CaseRecord[]> {
    return this.cases.find({ where: { parentId }, order: { caseNo: 'ASC' } });
  }
}
