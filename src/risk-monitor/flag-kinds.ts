import { formatChinaMinute } from '@app/business-calendar';

/**
 * The kinds of risk flag (红黄牌). Codes are stored and appear in the API: never rename one.
 *
 * - `clears`: the flag states a condition (a case is late, a task waits) and resolves itself when a scan
 *   or check no longer finds it. The others are facts for a person to review (a sample, a failed job):
 *   only a supervisor resolves them.
 * - `perCase`: re-evaluated for one case right after it changes (the `risk.check-case` job). The rest
 *   look across cases (an item's percentile, failed jobs, benefit runs): the scheduled scan finds them.
 */
export const FLAG_KINDS = {
  case_deadline_approaching: { severity: 'yellow', clears: true, perCase: true },
  case_overdue: { severity: 'red', clears: true, perCase: true },
  task_deadline_approaching: { severity: 'yellow', clears: true, perCase: true },
  task_overdue: { severity: 'red', clears: true, perCase: true },
  task_unclaimed: { severity: 'yellow', clears: true, perCase: true },
  case_stalled: { severity: 'yellow', clears: true, perCase: true },
  repeated_corrections: { severity: 'yellow', clears: true, perCase: true },
  tolerated_material_overdue: { severity: 'yellow', clears: true, perCase: true },
  decision_too_fast: { severity: 'yellow', clears: false, perCase: false },
  auto_approval_sample: { severity: 'yellow', clears: false, perCase: true },
  job_failed: { severity: 'red', clears: false, perCase: false },
  benefit_run_jump: { severity: 'yellow', clears: false, perCase: false },
  rating_ticket_due_soon: { severity: 'yellow', clears: true, perCase: false },
  rating_ticket_overdue: { severity: 'red', clears: true, perCase: false },
  commitment_check_overdue: { severity: 'red', clears: true, perCase: false },
} as const satisfies Record<string, { severity: Severity; clears: boolean; perCase: boolean }>;

export type FlagKind = keyof typeof FLAG_KINDS;
export const FLAG_KIND_CODES = Object.keys(FLAG_KINDS) as FlagKind[];
export const SEVERITIES = ['yellow', 'red'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const FLAG_STATUSES = ['open', 'acknowledged', 'resolved'] as const;
export type FlagStatus = (typeof FLAG_STATUSES)[number];

const TICKET_STATUS_NAMES: Record<string, string> = { open: '待回访', visited: '已回访', rectified: '已整改', appealed: '申诉中' };

const DEADLINE_NAMES: Record<string, string> = { statutory: '法定时限', promised: '承诺时限' };


/** The sentence a supervisor reads, from the facts the detector stored with the flag. */
export function describe(kind: FlagKind, facts: Record<string, unknown>): string {
  const f = facts as Record<string, string | number | null | undefined>;
  const caseNo = `办件 ${f.caseNo ?? ''}`;
  const step = f.stepName ?? f.stepId;
  const deadline = DEADLINE_NAMES[String(f.deadline)] ?? String(f.deadline);
  switch (kind) {
    case 'case_deadline_approaching':
      return `${caseNo} 的${deadline}将于 ${formatChinaMinute(f.dueAt)} 届满`;
    case 'case_overdue':
      return `${caseNo} 已超过${deadline}（${formatChinaMinute(f.dueAt)} 届满）`;
    case 'task_deadline_approaching':
      return `${caseNo} 的「${step}」环节将于 ${formatChinaMinute(f.dueAt)} 到期`;
    case 'task_overdue':
      return `${caseNo} 的「${step}」环节已超期（应于 ${formatChinaMinute(f.dueAt)} 前办结）`;
    case 'task_unclaimed':
      return `${caseNo} 的「${step}」环节自 ${formatChinaMinute(f.openedAt)} 起无人认领`;
    case 'case_stalled':
      return `${caseNo} 自 ${formatChinaMinute(f.lastEventAt)} 起无任何进展`;
    case 'repeated_corrections':
      return `${caseNo} 已要求补正 ${f.rounds} 次`;
    case 'tolerated_material_overdue':
      return `${caseNo} 容缺受理的「${f.materialName}」应于 ${formatChinaMinute(f.dueAt)} 前补交，至今未交`;
    case 'decision_too_fast':
      return `${caseNo} 从受理到办结仅用 ${f.workedHours} 个工作小时，低于该事项第 5 百分位（${f.p5Hours} 小时，样本 ${f.sample} 件）`;
    case 'auto_approval_sample':
      return `秒批办件 ${f.caseNo ?? ''} 被抽中事后核查（规则：${f.rule ?? ''}）`;
    case 'job_failed':
      return `队列任务 ${f.jobName}（${f.queue}）重试 ${f.attempts} 次后失败：${f.error}`;
    case 'rating_ticket_due_soon':
      return `办件 ${f.caseNo ?? ''} 的差评整改工单将于 ${f.dueDate} 到期（${TICKET_STATUS_NAMES[String(f.status)] ?? f.status}）`;
    case 'rating_ticket_overdue':
      return `办件 ${f.caseNo ?? ''} 的差评整改工单已超期（应于 ${f.dueDate} 前办结）`;
    case 'commitment_check_overdue':
      return `办件 ${f.caseNo ?? ''} 的告知承诺核查已超期（应于 ${f.dueDate} 前完成）`;
    case 'benefit_run_jump':
      return `政策 ${f.policyCode} 本次运行符合条件 ${f.eligible} 个，上次 ${f.previous} 个，变化 ${f.changePercent}%`;
  }
}
