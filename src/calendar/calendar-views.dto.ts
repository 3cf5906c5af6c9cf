import { ApiProperty } from '@nestjs/swagger';
import { CHANGE_KINDS, type ChangeKind, type StoredDays } from './calendar-change.entity.js';

export class WorkingDayView {
  @ApiProperty({ example: '2026-02-24' }) date: string;
  @ApiProperty({ description: "The count crossed days of a year whose official notice is not loaded yet" }) provisional: boolean;
}

export class CalendarDayView {
  @ApiProperty({ example: '2026-02-14' }) date: string;
  @ApiProperty() isWorkday: boolean;
  @ApiProperty({ type: String, nullable: true, example: '调休上班' }) note: string | null;
  @ApiProperty({ description: 'Derived from the statutory rules: the notice for this year is not loaded yet' }) provisional: boolean;
  @ApiProperty({ description: 'An admin changed this day locally; the change wins over the notice' }) overridden: boolean;
}

export class CalendarDaysView {
  @ApiProperty({ type: [CalendarDayView] }) items: CalendarDayView[];
}

export class DayChangeView extends CalendarDayView {
  @ApiProperty({ description: 'Open cases whose deadlines were recomputed' }) recomputedCases: number;
  @ApiProperty({ description: 'The calendar version this change created' }) version: number;
}

export class LoadYearView {
  @ApiProperty({ example: 2027 }) year: number;
  @ApiProperty({ description: 'Open cases whose deadlines were recomputed' }) recomputedCases: number;
  @ApiProperty({ description: 'The calendar version this change created' }) version: number;
}

export class OfficialYearView {
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({ example: '国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号）' }) source: string;
  @ApiProperty() loadedAt: Date;
}

export class CalendarYearsView {
  @ApiProperty({ type: [OfficialYearView] }) items: OfficialYearView[];
  @ApiProperty({ type: [Number], example: [2027, 2028], description: 'Years answered from the statutory rules alone, marked provisional' })
  provisionalYears: number[];
  @ApiProperty({ description: 'The current calendar version' }) version: number;
}

export class CalendarChangeView {
  @ApiProperty() version: number;
  @ApiProperty({ enum: CHANGE_KINDS }) kind: ChangeKind;
  @ApiProperty() year: number;
  @ApiProperty({ type: String, nullable: true }) date: string | null;
  @ApiProperty({ type: Object, nullable: true, description: 'The stored rows before: a notice { source, days } or an override { isWorkday, note }' })
  before: StoredDays | null;
  @ApiProperty({ type: Object, nullable: true, description: 'The stored rows after; null when an override was removed' })
  after: StoredDays | null;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The admin; null for a notice loaded at start-up' }) actorId: string | null;
  @ApiProperty() changedAt: Date;
}

export class CalendarChangePage {
  @ApiProperty({ type: [CalendarChangeView] }) items: CalendarChangeView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
