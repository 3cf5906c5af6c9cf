import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { FlagKind, FlagStatus, Severity } from './flag-kinds.js';

/**
 * A red or yellow card (红黄牌) on a case, a task or the system. `targetKey` names what the flag is about
 * and, where the condition can recur, which episode: a case's promised deadline *as it then stood*, a
 * stall *since* a given event. At most one unresolved flag exists per kind and target (the unique
 * partial index), so scans and checks insert with ON CONFLICT DO NOTHING and never duplicate.
 */
@Entity({ name: 'risk_flag' })
@Index('risk_flag_open_target_idx', ['kind', 'targetKey'], { unique: true, where: "status <> 'resolved'" })
@Index('risk_flag_target_idx', ['kind', 'targetKey'])
@Index('risk_flag_status_idx', ['status', 'detectedAt'])
@Index('risk_flag_case_idx', ['caseId'], { where: 'case_id IS NOT NULL' })
export class RiskFlag {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  kind: FlagKind;

  @Column({ type: 'text' })
  severity: Severity;

  @Column({ type: 'text' })
  targetKey: string;

  @Column({ type: 'uuid', nullable: true })
  caseId: string | null;

  @Column({ type: 'text', nullable: true })
  taskId: string | null;

  /** Whose department the flag escalates to first. */
  @Column({ type: 'text', nullable: true })
  departmentCode: string | null;

  /** What the detector saw (deadline, times, counts); the readable detail is rendered from it. */
  @Column({ type: 'jsonb' })
  facts: Record<string, unknown>;

  @Column({ type: 'text', default: 'open' })
  status: FlagStatus;

  @Column({ type: 'timestamptz' })
  detectedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  acknowledgedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  acknowledgedBy: string | null;

  @Column({ type: 'text', nullable: true })
  acknowledgeComment: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  /** null when the condition cleared by itself. */
  @Column({ type: 'uuid', nullable: true })
  resolvedBy: string | null;

  /** `cleared`: the monitor no longer found the condition; `manual`: a supervisor resolved it, and it stays so for this target. */
  @Column({ type: 'text', nullable: true })
  resolution: 'cleared' | 'manual' | null;

  @Column({ type: 'text', nullable: true })
  resolutionComment: string | null;

  /** 0 none, 1 the department was told, 2 the supervisors were. */
  @Column({ type: 'smallint', default: 0 })
  escalationLevel: number;

  @Column({ type: 'timestamptz', nullable: true })
  escalatedAt: Date | null;
}
