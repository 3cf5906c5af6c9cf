import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { badRequest } from './problem.js';

/**
 * Path parameters that name themselves when they do not parse. Nest's ParseUUIDPipe and ParseIntPipe
 * answer "Validation failed (uuid is expected)" without saying which parameter, so a client cannot
 * point at the field at fault; these answer `400 request.bad_parameter` with `errors[].path`.
 */
const refuse = ({ data }: ArgumentMetadata, message: string) => {
  const path = data ?? 'path';
  return badRequest('request.bad_parameter', `The path parameter ${path} ${message}.`, [{ path, message }]);
};

@Injectable()
export class UuidParamPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (typeof value !== 'string' || !isUUID(value)) throw refuse(metadata, 'must be a UUID');
    return value;
  }
}

@Injectable()
export class IntParamPipe implements PipeTransform<string, number> {
  transform(value: string, metadata: ArgumentMetadata): number {
    const number = /^-?\d{1,15}$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(number)) throw refuse(metadata, 'must be a whole number');
    return number;
  }
}
