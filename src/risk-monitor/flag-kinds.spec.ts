import { formatChinaMinute } from '@app/business-calendar';
import { describe, expect, it } from 'vitest';
import { FLAG_KIND_CODES, FLAG_KINDS, describe as describeFlag } from './flag-kinds.js';

describe('flag kinds', () => {
  it('describes every kind in a sentence, with China times', () => {
    expect(describeFlag('case_overdue', { caseNo: 'NG2026-SC0001-000001', deadline: 'promised', dueAt: '2026-03-16T09:00:00.000Z' })).toBe(
      '办件 NG2026-SC0001-000001 已超过承诺时限（2026-03-16 17:00 届满）',
    );
    expect(describeFlag('case_deadline_approaching', { caseNo: 'X', deadline: 'statutory', dueAt: '2026-03-16T09:00:00.000Z' })).toContain('法定时限');
    for (const kind of FLAG_KIND_CODES) expect(describeFlag(kind, {})).toMatch(/\S/);
    expect(describeFlag('commitment_check_overdue', { caseNo: 'X', dueDate: '2026-12-25' })).toBe('办件 X 的告知承诺核查已超期（应于 2026-12-25 前完成）');
    expect(describeFlag('rating_ticket_due_soon', { caseNo: 'X', dueDate: '2026-12-25', status: 'visited' })).toBe('办件 X 的差评整改工单将于 2026-12-25 到期（已回访）');
  });

  it("names a task's step by its name from the definition, by its id only when it has none", () => {
    const facts = { caseNo: 'NG2026-SC0001-000001', stepId: 'accept', dueAt: '2026-03-16T09:00:00.000Z' };
    expect(describeFlag('task_overdue', { ...facts, stepName: '受理' })).toBe('办件 NG2026-SC0001-000001 的「受理」环节已超期（应于 2026-03-16 17:00 前办结）');
    expect(describeFlag('task_unclaimed', { ...facts, stepName: null, openedAt: facts.dueAt })).toContain('「accept」');
  });

  it('keeps red for what is late or broken, and only conditions clear by themselves', () => {
    expect(FLAG_KIND_CODES.filter((kind) => FLAG_KINDS[kind].severity === 'red').sort()).toEqual(['case_overdue', 'commitment_check_overdue', 'job_failed', 'rating_ticket_overdue', 'task_overdue']);
    expect(FLAG_KIND_CODES.filter((kind) => !FLAG_KINDS[kind].clears).sort()).toEqual(['auto_approval_sample', 'benefit_run_jump', 'decision_too_fast', 'job_failed']);
    expect(formatChinaMinute('not a time')).toBe('not a time');
  });
});
