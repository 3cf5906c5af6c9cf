import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ValidateBy } from 'class-validator';
import { IsLocalDate } from './local-date.validator.js';

/**
 * A whole number in [min, max] from a query string or path: only plain decimal digits count, so '',
 * '1.5', '1e3' and 'two' are refused (a bare Number() would read '' as 0), with one message.
 */
const WholeNumber = (min: number, max: number) => (target: object, property: string) => {
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' && /^-?\d{1,15}$/.test(value) ? Number(value) : value))(target, property);
  ValidateBy({
    name: 'wholeNumber',
    validator: {
      validate: (value: unknown) => Number.isInteger(value) && (value as number) >= min && (value as number) <= max,
      defaultMessage: () => `${property} must be a whole number from ${min} to ${max}`,
    },
  })(target, property);
};

export class AddWorkingDaysQuery {
  @ApiProperty({ example: '2026-02-13', description: 'China date; the count starts the day after it' })
  @IsLocalDate()
  from: string;

  @ApiProperty({ minimum: 0, example: 1, description: 'Working days to add; 0 answers `from`' })
  @WholeNumber(0, 100_000)
  days: number;
}

export class DaysQuery {
  @ApiProperty({ example: '2026-02-09' })
  @IsLocalDate()
  from: string;

  @ApiProperty({ example: '2026-03-01', description: 'Included; at most three years after `from`' })
  @IsLocalDate()
  to: string;
}

export class YearParam {
  @ApiProperty({ example: 2027 })
  @WholeNumber(1000, 9999)
  year: number;
}

export class DateParam {
  @ApiProperty({ example: '2026-12-24' })
  @IsLocalDate()
  date: string;
}
