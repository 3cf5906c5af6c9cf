import { Inject, Injectable, Logger } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { NotificationsService, type NotifyRequest } from '../notifications/notifications.service.js';
import { TasksService } from '../tasks/tasks.service.js';
import type { DetectionWindow } from './detection-window.js';

/** Flag ids named in one notification; the count says how many there are in all. */
const IDS_PER_NOTICE = 20;

interface Escalated {
  id: string;
  task_id: string | null;
  severity: string;
  department_code: string | null;
  previous: number;
  level: number;
}

/**
 * 督办: a flag nobody acknowledged within `escalationHours` working hours goes to its department's clerks
 * (there is no department-head role: the department's whole staff hears of it), and after twice as long
 * to the supervisors. Each recipient gets one notification per scan, listing the flags, not one per flag.
 */
@Injectable()
export class RiskEscalation {
  private readonly logger = new Logger(RiskEscalation.name);

  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly notifications: NotificationsService,
    private readonly tasks: TasksService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Inside the scan's transaction; answers how many flags went up a level. */
  async escalate(window: DetectionWindow): Promise<number> {
    const hours = this.config.risk.escalationHours;
    const first = window.working.minusHours(window.asOf, hours);
    const second = window.working.minusHours(window.asOf, 2 * hours);
    const [rows] = await this.txHost.tx.query<[Escalated[], number]>(
      `WITH due AS (
         SELECT id, escalation_level AS previous, CASE WHEN detected_at <= $2 THEN 2 ELSE 1 END AS level
           FROM risk_flag
          WHERE status = 'open' AND ((escalation_level < 1 AND detected_at <= $1) OR (escalation_level < 2 AND detected_at <= $2))
          FOR UPDATE)
       UPDATE risk_flag f SET escalation_level = due.level, escalated_at = $3
         FROM due WHERE f.id = due.id
       RETURNING f.id, f.task_id, f.severity, f.department_code, due.previous, due.level`,
      [first, second, window.asOf],
    );
    if (rows.length === 0) return 0;
    if (this.config.risk.autoReassign) await this.reassign(rows);
    await this.notifications.notify(...(await this.notices(rows)));
    return rows.length;
  }

  /**
   * RISK_AUTO_REASSIGN: each task whose flag escalated goes to the least-loaded clerk of its department
   * (TasksService decides whom, and records it in the case history). Each in a savepoint of its own: a
   * task that cannot move now (its case changed meanwhile) stays where it is and the scan goes on.
   */
  private async reassign(rows: Escalated[]): Promise<void> {
    const taskIds = [...new Set(rows.flatMap((row) => (row.task_id ? [row.task_id] : [])))];
    for (const taskId of taskIds) {
      await this.txHost.tx.query('SAVEPOINT auto_reassign');
      try {
        await this.tasks.reassignToLeastLoaded(taskId, '督办：预警升级，自动改派给任务最少的工作人员');
        await this.txHost.tx.query('RELEASE SAVEPOINT auto_reassign');
      } catch (error) {
        await this.txHost.tx.query('ROLLBACK TO SAVEPOINT auto_reassign');
        this.logger.warn({ err: error, taskId }, 'escalated task not reassigned');
      }
    }
  }

  private async notices(rows: Escalated[]): Promise<NotifyRequest[]> {
    // Flags without a department have nobody to go to first: they go to the supervisors at once.
    const toDepartment = rows.filter((row) => row.previous < 1 && row.department_code !== null);
    const toSupervisors = rows.filter((row) => row.level === 2 || row.department_code === null);
    const departments = [...new Set(toDepartment.map((row) => row.department_code!))];
    const staff = await this.txHost.tx.query<Array<{ id: string; department_code: string | null; supervisor: boolean }>>(
      `SELECT id, department_code, 'supervisor' = ANY(roles) AS supervisor FROM app_user
        WHERE NOT disabled AND ('supervisor' = ANY(roles) OR ('clerk' = ANY(roles) AND department_code = ANY($1)))`,
      [departments],
    );
    const requests: NotifyRequest[] = [];
    for (const department of departments) {
      const flags = toDepartment.filter((row) => row.department_code === department);
      for (const clerk of staff.filter((user) => !user.supervisor && user.department_code === department)) {
        requests.push({ recipientId: clerk.id, template: 'risk.flags_escalated', data: notice(1, flags, department) });
      }
    }
    if (toSupervisors.length > 0) {
      for (const supervisor of staff.filter((user) => user.supervisor)) {
        requests.push({ recipientId: supervisor.id, template: 'risk.flags_escalated', data: notice(2, toSupervisors, null) });
      }
    }
    return requests;
  }
}

function notice(level: number, flags: Escalated[], departmentCode: string | null): Record<string, unknown> {
  return {
    level,
    departmentCode,
    count: flags.length,
    red: flags.filter((flag) => flag.severity === 'red').length,
    flagIds: flags.slice(0, IDS_PER_NOTICE).map((flag) => flag.id),
  };
}
