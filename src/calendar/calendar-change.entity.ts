import { Check, Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export const CHANGE_KINDS = ['official-year', 'override-set', 'override-removed'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** What a change did to the stored days: the official rows of a year, or one override row. */
export type StoredDays =
  | { source: string; days: { date: string; isWorkday: boolean; note: string | null }[] }
  | { isWorkday: boolean; note: string | null };

/**
 * The append-only history of the calendar. Each write to calendar_day or calendar_year adds one row
 * in the same transaction, and its `version` is the calendar's version from then on: version N is
 * the calendar as changes 1..N left it. Writers take a lock first, so versions commit in order and
 * `max(version)` is a cheap, exact "has anything changed?" for every process's cache.
 */
@Entity({ name: 'calendar_change' })
@Check('calendar_change_kind_check', `kind IN ('official-year', 'override-set', 'override-removed')`)
export class CalendarChange {
  @PrimaryColumn({ type: 'integer' })
  version: number;

  @Column({ type: 'text' })
  kind: ChangeKind;

  @Column({ type: 'integer' })
  year: number;

  /** The overridden date; null for a year's notice. */
  @Column({ type: 'date', nullable: true })
  date: string | null;

  /** The stored rows before the change; null when there were none. */
  @Column({ type: 'jsonb', nullable: true })
  before: StoredDays | null;

  /** The stored rows after the change; null when an override was removed. */
  @Column({ type: 'jsonb', nullable: true })
  after: StoredDays | null;

  /** Why: the notice's title and number, or the admin's note; null when an override was simply removed. */
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  /** Who: the admin; null for a notice the application loaded by itself at start-up. */
  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  changedAt: Date;
}
