import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A department of the district government (e.g. 南关区市场监督管理局); owns service items and work queues. */
@Entity({ name: 'department' })
export class Department {
  @PrimaryColumn({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;
}
