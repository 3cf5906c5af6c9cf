export const BENEFIT_PERIODS = ['monthly', 'quarterly', 'yearly', 'once'] as const;
export type BenefitPeriod = (typeof BENEFIT_PERIODS)[number];

/**
 * The period a grant is for, from the China date it is made on: '2026-11' (monthly), '2026-Q4'
 * (quarterly), '2026' (yearly) or 'once'. A grant is unique per policy, subject and period key, so a
 * second run in the same month grants a monthly benefit to nobody twice.
 */
export function periodKey(period: BenefitPeriod, asOf: string): string {
  const [year, month] = asOf.split('-');
  switch (period) {
    case 'monthly':
      return `${year}-${month}`;
    case 'quarterly':
      return `${year}-Q${Math.ceil(Number(month) / 3)}`;
    case 'yearly':
      return year;
    case 'once':
      return 'once';
  }
}
