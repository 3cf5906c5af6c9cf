import { at, type DefinitionError, type DefinitionErrorCode } from './definition-error.js';

export type Fields = Readonly<Record<string, unknown>>;

/** Structural checks that collect every problem instead of stopping at the first. */
export class ShapeChecker {
  readonly errors: DefinitionError[] = [];

  report(path: string, code: DefinitionErrorCode, message: string): void {
    this.errors.push({ path, code, message });
  }

  object(value: unknown, path: string): Fields | undefined {
    if (isFields(value)) return value;
    this.report(path, 'definition.invalid_type', 'must be an object');
    return undefined;
  }

  /** Unknown fields are refused so that a misspelt option (say `pausesclock`) is not silently ignored. */
  onlyFields(fields: Fields, path: string, allowed: readonly string[]): void {
    for (const name of Object.keys(fields)) {
      if (!allowed.includes(name)) {
        this.report(at(path, name), 'definition.unknown_field', `unknown field; allowed here: ${allowed.join(', ')}`);
      }
    }
  }

  string(fields: Fields, name: string, path: string, required: boolean, format?: Format): string | undefined {
    const value = fields[name];
    const here = at(path, name);
    if (value === undefined) {
      if (required) this.report(here, 'definition.required', 'is required');
      return undefined;
    }
    if (typeof value !== 'string' || value.trim() === '') {
      this.report(here, 'definition.invalid_type', 'must be a non-empty string');
      return undefined;
    }
    if (format && !format.pattern.test(value)) {
      this.report(here, 'definition.invalid_value', format.description);
      return undefined;
    }
    return value;
  }

  positiveInteger(fields: Fields, name: string, path: string, required: boolean): number | undefined {
    const value = fields[name];
    const here = at(path, name);
    if (value === undefined) {
      if (required) this.report(here, 'definition.required', 'is required');
      return undefined;
    }
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
      this.report(here, 'definition.invalid_value', 'must be a whole number of at least 1');
      return undefined;
    }
    return value;
  }

  boolean(fields: Fields, name: string, path: string): void {
    const value = fields[name];
    if (value !== undefined && typeof value !== 'boolean') {
      this.report(at(path, name), 'definition.invalid_type', 'must be true or false');
    }
  }
}

export interface Format {
  readonly pattern: RegExp;
  readonly description: string;
}

export function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
