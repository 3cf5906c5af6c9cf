import { Check, Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export const DAY_SOURCES = ['official', 'override'] as const;
export type DaySource = (typeof DAY_SOURCES)[number];

/**
 * A day that departs from the Monday–Friday week. Two layers share the table: `official` rows come
 * from a State Council notice and are replaced wholesale when that year's notice is (re)loaded;
 * `override` rows are an admin's local changes and win over the official layer. Keeping both layers
 * (rather than overwriting) lets an override be removed again and the notice shine through.
 */
@Entity({ name: 'calendar_day' })
@Check('calendar_day_source_check', `source IN ('official', 'override')`)
export class CalendarDayRecord {
  /** 'YYYY-MM-DD', a China date. */
  @PrimaryColumn({ type: 'date' })
  date: string;

  @PrimaryColumn({ type: 'text' })
  source: DaySource;

  @Column({ type: 'boolean' })
  isWorkday: boolean;

  /** '春节', '调休上班', or the admin's reason for a local change. */
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
