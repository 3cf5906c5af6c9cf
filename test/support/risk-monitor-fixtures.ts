import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

/** A case row written straight to the database, for states that take weeks to reach through the API. */
export interface CaseRow {
  id?: string;
  serviceItemCode?: string;
  departmentCode?: string;
  status?: string;
  engineState?: Record<string, unknown> | null;
  materialsOwed?: Array<{ key: string; name: string; dueAt: string; deliveredAt: string | null }>;
  statutoryDeadline?: Date | null;
  promisedDeadline?: Date | null;
  clockPaused?: boolean;
  submittedAt?: Date;
  acceptedAt?: Date | null;
  finishedAt?: Date | null;
  lastEventAt?: Date;
  /** The staff member the engine would name as the last to decide. */
  decidedBy?: string | null;
}

export async function insertCase(db: DataSource, row: CaseRow = {}): Promise<{ id: string; caseNo: string }> {
  const id = row.id ?? randomUUID();
  const caseNo = `RM-${id}`;
  const submittedAt = row.submittedAt ?? new Date();
  await db.query(
    `INSERT INTO case_record (id, case_no, applicant_id, service_item_code, department_code, status, engine_state, form, materials, material_list,
                              materials_owed, applicant, statutory_deadline, promised_deadline, clock_paused, submitted_at, accepted_at, finished_at,
                              last_event_at, decided_by, history_head, version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, '{}', '[]', '[]', $8, '{"name":"测试"}', $9, $10, $11, $12, $13, $14, $15, $16, 'genesis', 1)`,
    [
      id,
      caseNo,
      randomUUID(),
      row.serviceItemCode ?? '2201-SC-0001',
      row.departmentCode ?? 'market-regulation',
      row.status ?? (row.finishedAt ? 'approved' : 'in_review'),
      row.engineState === undefined ? engineState(id, row) : row.engineState,
      JSON.stringify(row.materialsOwed ?? []),
      row.statutoryDeadline ?? null,
      row.promisedDeadline ?? null,
      row.clockPaused ?? false,
      submittedAt,
      row.acceptedAt === undefined ? submittedAt : row.acceptedAt,
      row.finishedAt ?? null,
      row.lastEventAt ?? row.finishedAt ?? submittedAt,
      row.decidedBy ?? null,
    ],
  );
  return { id, caseNo };
}

/** A plausible engine state, so that anything reading cases (lists, views) sees a well-formed one. */
export function engineState(id: string, row: CaseRow, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const finished = row.finishedAt ?? null;
  const department = row.departmentCode ?? 'market-regulation';
  return {
    caseId: id,
    status: row.status ?? (finished ? 'approved' : 'in_review'),
    submittedAt: (row.submittedAt ?? new Date()).toISOString(),
    acceptedAt: row.acceptedAt === null ? null : (row.acceptedAt ?? row.submittedAt ?? new Date()).toISOString(),
    finishedAt: finished?.toISOString() ?? null,
    progressedSinceAcceptance: true,
    clock: finished ? 'stopped' : row.clockPaused ? 'paused' : 'running',
    correctionRounds: 0,
    activity: finished ? null : { kind: 'review', stepId: 'review', task: { id: `${id}:task:1`, stepId: 'review', department, role: 'reviewer' } },
    sequence: 1,
    ...overrides,
  };
}

export interface HistoryRow {
  action: string;
  at: Date;
  actorId?: string | null;
  data?: Record<string, unknown>;
}

/** History rows in order (the hash chain is not the point here). */
export async function insertHistory(db: DataSource, caseId: string, rows: HistoryRow[]): Promise<void> {
  let seq = 0;
  for (const row of rows) {
    seq += 1;
    await db.query(
      `INSERT INTO case_history (case_id, seq, at, actor_id, actor, action, data, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, 'x', 'x')`,
      [caseId, seq, row.at, row.actorId ?? null, row.actorId ? 'clerk' : 'system', row.action, JSON.stringify(row.data ?? {})],
    );
  }
}

export async function insertTask(
  db: DataSource,
  caseId: string,
  task: { status?: string; dueAt?: Date | null; claimedBy?: string | null; createdAt?: Date; departmentCode?: string } = {},
): Promise<string> {
  const id = `${caseId}:task:${randomUUID().slice(0, 8)}`;
  await db.query(
    `INSERT INTO case_task (id, case_id, step_id, department_code, role, status, allowed_actions, due_at, claimed_by, created_at)
     VALUES ($1, $2, 'review', $3, 'reviewer', $4, '{approve,reject}', $5, $6, $7)`,
    [id, caseId, task.departmentCode ?? 'market-regulation', task.status ?? 'open', task.dueAt ?? null, task.claimedBy ?? null, task.createdAt ?? new Date()],
  );
  return id;
}
