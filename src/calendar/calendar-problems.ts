import { HttpStatus } from '@nestjs/common';
import type { BeyondHorizon, CalendarResult } from '@app/business-calendar';
import { ProblemException } from '../http/problem.js';

/** 422 naming the year the calendar has no data for; `year` is also a field of the problem body. */
export function beyondHorizon({ code, message, year }: BeyondHorizon): ProblemException {
  return new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, code, message, undefined, { year });
}

/** The answer, or the 422 for a date beyond the horizon: the calendar never guesses. */
export function orBeyondHorizon<T>(result: CalendarResult<T>): T {
  if (!result.ok) throw beyondHorizon(result);
  return result;
}
