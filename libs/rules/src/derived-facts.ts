/**
 * Whole years from `from` to `to`, by calendar date in UTC: a person's `age` at the run's as-of date, an
 * enterprise's `yearsSinceRegistration`. It agrees with PostgreSQL's `date_part('year', age(to, from))`
 * on dates, so the JS explanation and the SQL grant run see the same age: someone born on 29 February
 * turns a year older on 1 March in common years.
 */
export function completedYears(from: Date, to: Date): number {
  if (to < from) return -completedYears(to, from);
  const years = to.getUTCFullYear() - from.getUTCFullYear();
  const [toMonth, fromMonth] = [to.getUTCMonth(), from.getUTCMonth()];
  const beforeAnniversary = toMonth < fromMonth || (toMonth === fromMonth && to.getUTCDate() < from.getUTCDate());
  return beforeAnniversary ? years - 1 : years;
}
