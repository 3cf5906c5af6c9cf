import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntitySubscriberInterface, type InsertEvent, type QueryRunner, type TransactionCommitEvent, type TransactionRollbackEvent } from 'typeorm';
import { CaseHistory } from '../cases/case-history.entity.js';

interface CaseEventLine {
  event: 'case';
  caseId: string;
  seq: number;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  /** Who caused it, by kind only: names and ids of people stay out of logs. */
  by: 'system' | 'person';
}

const PENDING = 'caseEventLines';

const pendingOf = (runner: QueryRunner | undefined): CaseEventLine[] | null => {
  if (!runner) return null;
  const data = runner.data as Record<string, CaseEventLine[] | undefined>;
  return (data[PENDING] ??= []);
};

/**
 * One JSON line per case event (a case history row), logged when its transaction commits (a rolled-back
 * event never happened, so it is never logged): case id, sequence number, action and statuses. Never
 * personal data: no names, comments or form data.
 */
@Injectable()
export class CaseEventLog implements EntitySubscriberInterface<CaseHistory>, OnModuleInit {
  private readonly logger = new Logger('CaseEvents');

  constructor(private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    if (!this.dataSource.subscribers.includes(this)) this.dataSource.subscribers.push(this);
  }

  listenTo(): typeof CaseHistory {
    return CaseHistory;
  }

  afterInsert(event: InsertEvent<CaseHistory>): void {
    const row = event.entity;
    const line: CaseEventLine = {
      event: 'case',
      caseId: row.caseId,
      seq: Number(row.seq),
      action: row.action,
      fromStatus: row.fromStatus ?? null,
      toStatus: row.toStatus ?? null,
      by: row.actorId ? 'person' : 'system',
    };
    if (event.queryRunner?.isTransactionActive) pendingOf(event.queryRunner)!.push(line);
    else this.logger.log(line);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    const lines = pendingOf(event.queryRunner);
    if (!lines?.length) return;
    for (const line of lines.splice(0)) this.logger.log(line);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    pendingOf(event.queryRunner)?.splice(0);
  }
}
