import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { Fee, ItemType, OnlineDepth, SubjectType } from '@app/service-guide';
import { Department } from './department.entity.js';

/** A material an applicant uploads; `tolerant` ones may be missing at acceptance (容缺受理). */
export interface Material {
  key: string;
  name: string;
  required: boolean;
  tolerant: boolean;
}

/** One government service (事项): who owns it, its time limits, what it asks for, and its workflow. */
@Entity({ name: 'service_item' })
export class ServiceItem {
  @PrimaryColumn({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Index('service_item_department_idx')
  @Column({ type: 'text' })
  departmentCode: string;

  @ManyToOne(() => Department, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_code' })
  department?: Department;

  /** 法定时限, in working days. */
  @Column({ type: 'integer' })
  statutoryDays: number;

  /** 承诺时限, in working days; never longer than the statutory limit. */
  @Column({ type: 'integer' })
  promisedDays: number;

  @Column({ type: 'jsonb' })
  materials: Material[];

  /** JSON Schema 2020-12 of the application form; every property carries `examples`. */
  @Column({ type: 'jsonb' })
  formSchema: Record<string, unknown>;

  @Column({ type: 'text' })
  workflowKey: string;

  /** 告知承诺: a case a rule approves on the applicant's commitment is checked by the department within this many working days; null for items without commitment. */
  @Column({ type: 'integer', nullable: true })
  commitmentCheckDays: number | null;

  // The 实施清单 fields of the service guide (办事指南). Null only on items written before they existed
  // (the seed fills its own); every write sets them all.

  /** 事项类型: 即办件 `instant` or 承诺件 `promised`. */
  @Column({ type: 'text', nullable: true })
  itemType: ItemType | null;

  /** 服务对象 */
  @Column({ type: 'text', array: true, nullable: true })
  subjectTypes: SubjectType[] | null;

  /** 设定依据: laws and regulations with their articles. */
  @Column({ type: 'jsonb', nullable: true })
  legalBasis: string[] | null;

  /** 收费 */
  @Column({ type: 'jsonb', nullable: true })
  fee: Fee | null;

  /** 办理地点 */
  @Column({ type: 'text', nullable: true })
  location: string | null;

  /** 办公时间 */
  @Column({ type: 'text', nullable: true })
  officeHours: string | null;

  /** 咨询电话 */
  @Column({ type: 'text', nullable: true })
  consultPhone: string | null;

  /** 监督投诉电话 */
  @Column({ type: 'text', nullable: true })
  complaintPhone: string | null;

  /** 网办深度 */
  @Column({ type: 'text', nullable: true })
  onlineDepth: OnlineDepth | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
