import { isLocalDate } from '@app/business-calendar';
import { ValidateBy, buildMessage, type ValidationOptions } from 'class-validator';

/** A 'YYYY-MM-DD' calendar date that exists (not 2026-02-30); `each: true` for arrays. */
export const IsLocalDate = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isLocalDate',
      validator: {
        validate: isLocalDate,
        defaultMessage: buildMessage((each) => `${each}$property must be a calendar date YYYY-MM-DD`, options),
      },
    },
    options,
  );
