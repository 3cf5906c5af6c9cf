import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { IsNull } from 'typeorm';
import { taskDepartmentsSql } from './case-access.js';
import { CaseRecord } from './case.entity.js';

/** What GET /api/cases/:id shows of a bundle's item. */
export type CaseChildRow = Pick<
  CaseRecord,
  'id' | 'caseNo' | 'status' | 'serviceItemCode' | 'bundleCode' | 'departmentCode' | 'statutoryDeadline' | 'promisedDeadline' | 'deadlinesProvisional' | 'submittedAt' | 'finishedAt'
>;

/** A case as GET /api/cases/:id reads it, in one statement: the row, what the access check needs, and everything shown beside it. */
export interface CaseReading {
  record: Pick<
    CaseRecord,
    | keyof CaseChildRow
    | 'applicantId'
    | 'agentId'
    | 'enteredBy'
    | 'channel'
    | 'workflowKey'
    | 'workflowVersion'
    | 'engineState'
    | 'form'
    | 'materials'
    | 'materialsOwed'
    | 'clock'
    | 'clockPaused'
  >;
  /** Departments holding a task of the case or of one of its items (canSeeCase). */
  taskDepartments: string[];
  /** A bundle's items, in case-number order. */
  children: CaseChildRow[];
  /** The history, oldest first; `department`: whose task the row decided, else the case's department. */
  timeline: { at: Date; actor: string; action: string; from: string | null; to: string | null; comment: string | null; department: string | null; onBehalfOf: string | null }[];
  rating: { score: number; comment: string | null; createdAt: Date } | null;
  certificates: { code: string; serviceItemCode: string; name: string; issuedAt: Date }[];
  /** The applicant and the agent by id. */
  parties: Record<string, { name: string; enterprise: boolean }>;
}

/** SQL of other modules, embedded in the one statement (each module writes the SQL for its own table). */
export interface CaseReadingParts {
  /** A json array of certificates of the cases in a uuid[] expression. */
  certificates: (caseIds: string) => string;
  /** A json object of accounts by id, of the ids in a uuid[] expression. */
  parties: (ids: string) => string;
}

const SUMMARY_COLUMNS = (alias: string) =>
  `'id', ${alias}.id, 'caseNo', ${alias}.case_no, 'status', ${alias}.status, 'serviceItemCode', ${alias}.service_item_code, 'bundleCode', ${alias}.bundle_code, ` +
  `'departmentCode', ${alias}.department_code, 'statutoryDeadline', ${alias}.statutory_deadline, 'promisedDeadline', ${alias}.promised_deadline, ` +
  `'deadlinesProvisional', ${alias}.deadlines_provisional, 'submittedAt', ${alias}.submitted_at, 'finishedAt', ${alias}.finished_at`;

/**
 * One round trip for the whole page of a case (the hot read: it was nine). Hand-written: TypeORM's
 * query building and hydration cost more than the statement itself here.
 */
const readingSql = (parts: CaseReadingParts) => `
SELECT c.id, c.case_no AS "caseNo", c.status, c.service_item_code AS "serviceItemCode", c.bundle_code AS "bundleCode",
  c.department_code AS "departmentCode", c.statutory_deadline AS "statutoryDeadline", c.promised_deadline AS "promisedDeadline",
  c.deadlines_provisional AS "deadlinesProvisional", c.submitted_at AS "submittedAt", c.finished_at AS "finishedAt",
  c.applicant_id AS "applicantId", c.agent_id AS "agentId", c.entered_by AS "enteredBy", c.channel, c.workflow_key AS "workflowKey",
  c.workflow_version AS "workflowVersion", c.engine_state AS "engineState", c.form, c.materials, c.materials_owed AS "materialsOwed",
  c.clock, c.clock_paused AS "clockPaused",
  ${taskDepartmentsSql('c.id')} AS "taskDepartments",
  COALESCE((SELECT json_agg(json_build_object(${SUMMARY_COLUMNS('k')}) ORDER BY k.case_no) FROM case_record k WHERE k.parent_id = c.id), '[]'::json) AS children,
  COALESCE((
    SELECT json_agg(json_build_object('at', h.at, 'actor', h.actor, 'action', h.action, 'from', h.from_status, 'to', h.to_status, 'comment', h.comment,
      'department', COALESCE(NULLIF((SELECT t.department_code FROM case_task t WHERE t.case_id = c.id AND t.id::text = h.data->>'taskId'), ''), c.department_code),
      'onBehalfOf', h.data->'onBehalfOf'->>'name') ORDER BY h.seq)
    FROM case_history h WHERE h.case_id = c.id), '[]'::json) AS timeline,
  (SELECT json_build_object('score', r.score, 'comment', r.comment, 'createdAt', r.created_at) FROM case_rating r WHERE r.case_id = c.id) AS rating,
  ${parts.certificates('ARRAY(SELECT c.id UNION ALL SELECT k.id FROM case_record k WHERE k.parent_id = c.id)')} AS certificates,
  ${parts.parties('ARRAY[c.applicant_id, c.agent_id]')} AS parties
FROM case_record c WHERE c.id = $1`;

const date = (value: string | null): Date | null => (value === null ? null : new Date(value));

/** Timestamps inside json come back as text. */
function childFrom(row: Record<string, unknown>): CaseChildRow {
  const child = row as unknown as CaseChildRow & Record<'statutoryDeadline' | 'promisedDeadline' | 'submittedAt' | 'finishedAt', string | null>;
  return {
    ...child,
    statutoryDeadline: date(child.statutoryDeadline),
    promisedDeadline: date(child.promisedDeadline),
    submittedAt: new Date(child.submittedAt as string),
    finishedAt: date(child.finishedAt),
  };
}

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

  /** GET /api/cases/:id in one statement, before any access check (the caller makes it); null for no such case. */
  async reading(id: string, parts: CaseReadingParts): Promise<CaseReading | null> {
    const [row] = (await this.txHost.tx.query(readingSql(parts), [id])) as Record<string, unknown>[];
    if (!row) return null;
    const { taskDepartments, children, timeline, rating, certificates, parties, ...record } = row as Record<string, never>;
    type Texts<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };
    return {
      record: record as unknown as CaseReading['record'],
      taskDepartments,
      children: (children as Record<string, unknown>[]).map(childFrom),
      timeline: (timeline as Texts<CaseReading['timeline'][number]>[]).map((entry) => ({ ...entry, at: new Date(entry.at) })),
      rating: rating === null ? null : { ...(rating as Texts<NonNullable<CaseReading['rating']>>), createdAt: new Date((rating as { createdAt: string }).createdAt) },
      certificates: (certificates as Texts<CaseReading['certificates'][number]>[]).map((c) => ({ ...c, issuedAt: new Date(c.issuedAt) })),
      parties,
    };
  }
}
