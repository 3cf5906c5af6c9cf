import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { badRequest, type FieldError } from './problem.js';

/** Enough for a person to find them; a body full of NULs should not make a response as large. */
const MAX_REPORTED = 20;
const MESSAGE = 'must not contain a NUL character (U+0000)';

const join = (parent: string, key: string | number) =>
  typeof key === 'number' ? `${parent}[${key}]` : parent ? `${parent}.${key}` : key;

function collect(value: unknown, path: string, found: FieldError[]): void {
  if (found.length >= MAX_REPORTED) return;
  if (typeof value === 'string') {
    if (value.includes('\u0000')) found.push({ path, message: MESSAGE });
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => collect(item, join(path, index), found));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, member] of Object.entries(value)) {
      if (key.includes('\u0000')) found.push({ path, message: 'must not have a member name with a NUL character (U+0000)' });
      collect(member, join(path, key), found);
    }
  }
}

/** Where a value holds U+0000: in a string, or in the name of an object member (reported at the object). */
export function nulFields(value: unknown, path = ''): FieldError[] {
  const found: FieldError[] = [];
  collect(value, path, found);
  return found.slice(0, MAX_REPORTED);
}

/**
 * PostgreSQL stores no U+0000 in text or jsonb and fails the whole statement on one, which used to surface
 * as a 500 wherever a client's string reached a query. This global pipe, first of all, looks at every path
 * parameter, query parameter and body the handlers take, and answers 400 `request.nul_byte` naming each
 * field. It runs once for all routes, so no DTO has to remember it.
 */
@Injectable()
export class NulBytePipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'param' && metadata.type !== 'query' && metadata.type !== 'body') return value;
    // A whole body that is one string (a YAML definition) has no field name of its own.
    const found = nulFields(value, metadata.data ?? (typeof value === 'string' ? metadata.type : ''));
    if (found.length > 0) throw badRequest('request.nul_byte', 'The request contains a NUL character (U+0000), which cannot be stored.', found);
    return value;
  }
}
