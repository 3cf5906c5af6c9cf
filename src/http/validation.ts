import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { badRequest, type FieldError } from './problem.js';

/** Flattens class-validator's tree into `{ path, message }` with paths like `materials[0].fileId`. */
export function fieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const path = /^\d+$/.test(error.property) ? `${parent}[${error.property}]` : parent ? `${parent}.${error.property}` : error.property;
    for (const message of Object.values(error.constraints ?? {})) out.push({ path, message });
    if (error.children?.length) out.push(...fieldErrors(error.children, path));
  }
  return out;
}

/** Whitelist, refuse unknown fields, transform to DTO classes; every violation answered at once. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const fields = fieldErrors(errors);
      return badRequest('validation.failed', `The request has ${fields.length} invalid field(s).`, fields);
    },
  });
}
