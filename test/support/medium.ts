import { randomUUID } from 'node:crypto';
import { TransactionHost } from '@nestjs-cls/transactional';
import { ClsService } from 'nestjs-cls';
import { DataSource } from 'typeorm';
import type { Caller } from '../../src/auth/auth.decorators.js';
import { CaseSubmissionService } from '../../src/cases/case-submission.service.js';
import { CatalogService } from '../../src/catalog/catalog.service.js';
import { WorkflowsService } from '../../src/workflows/workflows.service.js';
import { startTestSystem, type TestSystem } from './system.js';
import { GUIDE } from './guide.js';

/**
 * Medium tests (as immich's): the real program's providers on the run's real PostgreSQL database, called
 * directly, without HTTP. ROLE=api starts no workers, so jobs wait in the queue and a test runs each job
 * handler itself, when it chooses, as often as it chooses.
 */
export interface Medium {
  system: TestSystem;
  get<T>(type: new (...args: never[]) => T): T;
  db: DataSource;
  /** Runs `work` in one transaction with a CLS context, as a request or a job would. */
  inTx<T>(work: () => Promise<T>): Promise<T>;
  /** The caller a seeded account signs in as. */
  caller(username: string): Promise<Caller>;
}

export async function startMedium(): Promise<Medium> {
  const system = await startTestSystem('single-server', { ROLE: 'api' });
  const get = <T>(type: new (...args: never[]) => T): T => system.app.get(type as never) as T;
  const db = get(DataSource);
  return {
    system,
    get,
    db,
    inTx: (work) => get(ClsService).run(() => get(TransactionHost).withTransaction(work)),
    async caller(username) {
      const [row] = await db.query(`SELECT id, username, roles, department_code AS "departmentCode", display_name AS "displayName" FROM app_user WHERE username = $1`, [username]);
      if (!row) throw new Error(`no seeded account ${username}`);
      return row as Caller;
    },
  };
}

/** A service item of the test's own (no material to upload) with a published workflow of `steps`; answers its code. */
export async function mediumItem(medium: Medium, label: string, steps: unknown[]): Promise<string> {
  const code = `M-${randomUUID().slice(0, 8)}`;
  const key = `${label}-${randomUUID().slice(0, 8)}`;
  const admin = await medium.caller('admin');
  await medium.inTx(() =>
    medium.get(CatalogService).createItem({
      code,
      name: `${label} ${code}`,
      departmentCode: 'market-regulation',
      statutoryDays: 20,
      promisedDays: 10,
      materials: [],
      formSchema: { type: 'object', required: ['shopName'], properties: { shopName: { type: 'string', minLength: 2, examples: ['福顺家常菜'] } } },
      workflowKey: key,
      ...GUIDE,
      subjectTypes: [...GUIDE.subjectTypes],
      legalBasis: [...GUIDE.legalBasis],
    }),
  );
  const workflows = medium.get(WorkflowsService);
  const draft = await medium.inTx(() =>
    workflows.createDraft({ key, name: `${label} workflow`, serviceItem: code, limits: { statutoryDays: 20, promisedDays: 10 }, steps }, admin.id),
  );
  await medium.inTx(() => workflows.publish(key, draft.version, admin.id));
  return code;
}

export const JOINT_PARTICIPANTS = ['fire-rescue', 'health', 'urban-management'];

/** accept in market-regulation → joint step of JOINT_PARTICIPANTS (all must approve) → a licence. */
export const JOINT_STEPS = [
  { id: 'accept', type: 'review', queue: { department: 'market-regulation', role: 'clerk' }, outcomes: { accept: 'joint', refuse: 'end:refused' } },
  { id: 'joint', type: 'joint', participants: JOINT_PARTICIPANTS, join: 'all', sla: { workingDays: 5 }, outcomes: { approve: 'issue', reject: 'end:rejected' } },
  { id: 'issue', type: 'certificate', certificate: { name: '联办许可证' }, outcomes: { done: 'end:approved' } },
];

/** A citizen's application for `code`, through the submission service; answers the case id. */
export async function submitCase(medium: Medium, username: string, code: string): Promise<string> {
  const caller = await medium.caller(username);
  const result = await medium.get(ClsService).run(() => medium.get(CaseSubmissionService).submit(caller, { serviceItemCode: code, form: { shopName: '福顺家常菜' }, materials: [] }, undefined));
  return result.view.id;
}
