import type { ValidateFunction } from 'ajv';
import { createAjv } from '../catalog/form-schema.js';
import type { FieldError } from '../http/problem.js';

const ajv = createAjv();
const compiled = new Map<string, ValidateFunction>();

/** `/floorArea` -> `form.floorArea`; a missing required property is reported at its own path. */
function pathOf(error: NonNullable<ValidateFunction['errors']>[number], prefix: string): string {
  const segments = error.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (error.keyword === 'required') segments.push(String((error.params as { missingProperty: string }).missingProperty));
  if (error.keyword === 'additionalProperties') segments.push(String((error.params as { additionalProperty: string }).additionalProperty));
  return segments.reduce((path, segment) => (/^\d+$/.test(segment) ? `${path}[${segment}]` : `${path}.${segment}`), prefix);
}

/**
 * Every violation of the item's form schema at once (API.md: the applicant fixes all of them in one go).
 * Schemas are compiled once per item version; `cacheKey` changes when an admin edits the item.
 */
export function formErrors(schema: Record<string, unknown>, form: unknown, cacheKey: string, prefix = 'form'): FieldError[] {
  let validate = compiled.get(cacheKey);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(cacheKey, validate);
  }
  if (validate(form)) return [];
  return (validate.errors ?? []).map((error) => ({ path: pathOf(error, prefix), message: error.message ?? 'is invalid' }));
}
