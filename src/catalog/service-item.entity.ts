import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
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

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
