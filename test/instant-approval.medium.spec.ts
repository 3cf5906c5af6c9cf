import { ClsService } from 'nestjs-cls';
import type { BeforeQueryEvent, EntitySubscriberInterface, TransactionCommitEvent } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseNumberScope, nextCaseNo } from '../src/cases/case-number.js';
import { CaseStore } from '../src/cases/case.store.js';
import { TransactionHost } from '@nestjs-cls/transactional';
import { mediumItem, startMedium, submitCase, type Medium } from './support/medium.js';

/**
 * 秒批 at the cost of one transaction: the auto rule, the licence and the approval happen in the
 * submission's transaction, and case numbers are taken without waiting for other submissions.
 */
let medium: Medium;
let instant: string;

const COMMITS = Symbol('COMMITS');

/** Counts the commits of the transactions run inside a CLS context that asks for it (the test's own calls), and keeps their statements. */
class CommitCounter implements EntitySubscriberInterface {
  constructor(private readonly cls: ClsService) {}

  beforeQuery(event: BeforeQueryEvent): void {
    if (!this.cls.isActive()) return;
    this.cls.get<{ statements: string[] } | undefined>(COMMITS)?.statements.push(event.query);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    if (event.queryRunner.isTransactionActive || !this.cls.isActive()) return;
    const counter = this.cls.get<{ commits: number } | undefined>(COMMITS);
    if (counter) counter.commits++;
  }
}

beforeAll(async () => {
  medium = await startMedium();
  medium.db.subscribers.push(new CommitCounter(medium.get(ClsService)));
  instant = await mediumItem(medium, 'instant', [
    { id: 'check', type: 'auto', rule: "size(form.shopName) >= 2 && applicant.creditLevel != 'D'", outcomes: { true: 'issue', false: 'review' } },
    { id: 'review', type: 'review', queue: { department: 'market-regulation', role: 'clerk' }, outcomes: { approve: 'issue', reject: 'end:rejected' } },
    { id: 'issue', type: 'certificate', certificate: { name: '秒批许可证' }, outcomes: { done: 'end:approved' } },
  ]);
});

afterAll(async () => {
  await medium?.system.stopAll();
});

/** A submission through the service, counting the transactions it committed. */
async function countedSubmission(code: string): Promise<{ caseId: string; commits: number; statements: string[] }> {
  const counter = { commits: 0, statements: [] as string[] };
  const cls = medium.get(ClsService);
  const caller = await medium.caller('citizen1');
  const { CaseSubmissionService } = await import('../src/cases/case-submission.service.js');
  const result = await cls.run(() => {
    cls.set(COMMITS, counter);
    return medium.get(CaseSubmissionService).submit(caller, { serviceItemCode: code, form: { shopName: '福顺家常菜' }, materials: [] }, undefined);
  });
  return { caseId: result.view.id, commits: counter.commits, statements: counter.statements };
}

describe('秒批 (medium)', () => {
  it('decides the rule, issues the licence and approves the case in the submission’s one transaction', async () => {
    const { caseId, commits } = await countedSubmission(instant);
    expect(commits).toBe(1);

    const record = await medium.inTx(() => medium.get(CaseStore).getOrFail(caseId));
    expect(record).toMatchObject({ status: 'approved', pendingEvaluation: null });
    expect(record.finishedAt).not.toBeNull();
    const history: { seq: number; action: string; prev_hash: string; hash: string }[] = await medium.db.query(
      `SELECT seq, action, prev_hash, hash FROM case_history WHERE case_id = $1 ORDER BY seq`,
      [caseId],
    );
    expect(history.map((h) => h.action)).toEqual(['submit', 'rule_evaluated']);
    expect(history[1]!.prev_hash).toBe(history[0]!.hash);
    expect(record.historyHead).toBe(history[1]!.hash);
    expect(record.historySeq).toBe(2);
    expect(await medium.db.query(`SELECT name FROM certificate WHERE case_id = $1`, [caseId])).toEqual([{ name: '秒批许可证' }]);

    // The inbox messages are delivered by that commit; the one job left is the case's risk check.
    const notices: { channel: string; status: string }[] = await medium.db.query(`SELECT channel, status FROM notification WHERE case_id = $1`, [caseId]);
    expect(notices.length).toBeGreaterThan(0);
    expect(notices.filter((n) => n.channel === 'in-app').every((n) => n.status === 'delivered')).toBe(true);
    const jobs: { job_name: string }[] = await medium.db.query(`SELECT job_name FROM outbox_message WHERE payload->>'caseId' = $1 ORDER BY id`, [caseId]);
    expect(jobs.map((j) => j.job_name)).toEqual(['risk.check-case']);
  });

  it('reads neither the webhook subscribers nor the case its notices name again', async () => {
    await countedSubmission(instant);
    const { statements } = await countedSubmission(instant);
    expect(statements.filter((sql) => /FROM\s+"?webhook_subscription/i.test(sql))).toEqual([]);
    expect(statements.filter((sql) => /FROM case_record c LEFT JOIN service_item/i.test(sql))).toEqual([]);
    expect(statements.filter((sql) => /INSERT INTO "notification"/i.test(sql)).length).toBeGreaterThan(0);
  });

  it('sends a case the rule does not approve to people, in the same transaction', async () => {
    const refusing = await mediumItem(medium, 'instant-refusing', [
      { id: 'check', type: 'auto', rule: 'size(form.shopName) > 100', outcomes: { true: 'issue', false: 'review' } },
      { id: 'review', type: 'review', queue: { department: 'market-regulation', role: 'clerk' }, outcomes: { approve: 'issue', reject: 'end:rejected' } },
      { id: 'issue', type: 'certificate', outcomes: { done: 'end:approved' } },
    ]);
    const { caseId, commits } = await countedSubmission(refusing);
    expect(commits).toBe(1);
    const tasks: { step_id: string; status: string }[] = await medium.db.query(`SELECT step_id, status FROM case_task WHERE case_id = $1`, [caseId]);
    expect(tasks).toEqual([{ step_id: 'review', status: 'open' }]);
    const history: { action: string }[] = await medium.db.query(`SELECT action FROM case_history WHERE case_id = $1 ORDER BY seq`, [caseId]);
    expect(history.map((h) => h.action)).toEqual(['submit', 'rule_evaluated']);
  });

  it('numbers concurrent submissions of one item uniquely and in order, none waiting for another’s commit', async () => {
    // A submission that took a number and has not committed yet…
    const year = new Date().getUTCFullYear();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let heldNumber = '';
    const taken = new Promise<void>((resolve) => {
      void medium.inTx(async () => {
        heldNumber = await nextCaseNo(medium.get(TransactionHost).tx, year, caseNumberScope(instant, null));
        resolve();
        await held;
      });
    });
    await taken;
    try {
      // …holds up no other: eight more finish while it is open.
      const ids = await Promise.race([
        Promise.all(Array.from({ length: 8 }, () => submitCase(medium, 'citizen1', instant))),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the submissions waited for an open transaction')), 15_000)),
      ]);
      const numbers: string[] = (await medium.db.query(`SELECT case_no FROM case_record WHERE id = ANY($1::uuid[])`, [ids])).map((r: { case_no: string }) => r.case_no);
      const sequence = (caseNo: string) => Number(caseNo.split('-').at(-1));
      expect(new Set(numbers).size).toBe(8);
      expect(numbers.every((n) => n.startsWith(`NG${year}-${caseNumberScope(instant, null)}-`))).toBe(true);
      expect(Math.min(...numbers.map(sequence))).toBeGreaterThan(sequence(heldNumber));
    } finally {
      release();
    }
  });
});
