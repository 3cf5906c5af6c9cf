import type { FieldMapping } from '@app/service-guide';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export const FAILURE_POLICIES = ['fail-bundle', 'finish-rest'] as const;
export type FailurePolicy = (typeof FAILURE_POLICIES)[number];

/** 一件事一次办: several service items applied for together, materials shared. */
@Entity({ name: 'bundle' })
export class Bundle {
  @PrimaryColumn({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', array: true })
  serviceItemCodes: string[];

  /** What happens to the other items when one is refused or rejected. */
  @Column({ type: 'text' })
  failurePolicy: FailurePolicy;

  /** 一表申请: per item code, item field → bundle field, where two items name one thing differently (or one name means two things). */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  fieldMapping: FieldMapping;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
