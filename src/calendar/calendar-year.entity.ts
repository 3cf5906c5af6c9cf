import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A year whose State Council notice is loaded: its days are official, no longer provisional. */
@Entity({ name: 'calendar_year' })
export class CalendarYear {
  @PrimaryColumn({ type: 'integer' })
  year: number;

  /** The notice, e.g. '国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号）'. */
  @Column({ type: 'text' })
  source: string;

  @Column({ type: 'timestamptz' })
  loadedAt: Date;

  /** The admin who loaded it; null when the application loaded a notice it bundles. */
  @Column({ type: 'uuid', nullable: true })
  loadedBy: string | null;
}
