import { Injectable, type PipeTransform } from '@nestjs/common';
import { notFound } from '../http/problem.js';

/** Grant ids are bigints: anything else names no grant (and must not reach SQL as one). */
@Injectable()
export class GrantIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!/^[1-9]\d{0,18}$/.test(value)) throw notFound('benefit_grant.not_found', `No benefit grant with id ${value}.`);
    return value;
  }
}
