/** The calendar has no data for `year` and will not guess it. The HTTP layer answers 422. */
export interface BeyondHorizon {
  ok: false;
  code: 'calendar.beyond_horizon';
  year: number;
  message: string;
}

export type CalendarResult<T> = ({ ok: true } & T) | BeyondHorizon;

export interface Coverage {
  firstYear: number;
  lastOfficialYear: number;
  lastYear: number;
}

export function beyondHorizon(year: number, { firstYear, lastOfficialYear, lastYear }: Coverage): BeyondHorizon {
  return {
    ok: false,
    code: 'calendar.beyond_horizon',
    year,
    message:
      `No working-day calendar for ${year}: official notices are loaded for ${firstYear}–${lastOfficialYear} ` +
      `and the statutory rules stand in for them up to ${lastYear}`,
  };
}
