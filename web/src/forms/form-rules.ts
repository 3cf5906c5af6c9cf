import type { Dict } from '../i18n/zh';
import type { FormProperty, FormSchema } from '../lib/types';

/**
 * The checks the API makes on a form (JSON Schema 2020-12 through Ajv, src/cases/form-validator.ts),
 * for the keywords service items use, producing Ajv's own messages. The page shows them through
 * `localizeMessage`, the same function that shows the API's answers, so a mistake reads the same
 * whether the page or the server caught it. The page cannot run Ajv itself: it compiles schemas to
 * code with `new Function`, which the pages' Content-Security-Policy rightly forbids.
 */

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Ajv-formats' `date` (full mode): YYYY-MM-DD that exists in the calendar. */
function isDate(value: string): boolean {
  const match = /^(\d\d\d\d)-(\d\d)-(\d\d)$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
  return month >= 1 && month <= 12 && day >= 1 && days !== undefined && day <= days;
}

const isAbsent = (value: unknown) => value === undefined || value === null || value === '';

/** Ajv counts characters by code point, so 𠮷 is one. */
const length = (text: string) => [...text].length;

/** The first problem with one field's value, as Ajv words it; null when it is fine. */
export function fieldProblem(name: string, property: FormProperty, value: unknown, required: boolean): string | null {
  if (isAbsent(value)) return required ? `must have required property '${name}'` : null;
  switch (property.type) {
    case 'string':
      if (typeof value !== 'string') return 'must be string';
      break;
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) return 'must be integer';
      break;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be number';
      break;
    case 'boolean':
      if (typeof value !== 'boolean') return 'must be boolean';
      break;
  }
  if (property.enum && !property.enum.includes(value as string | number)) return 'must be equal to one of the allowed values';
  if (typeof value === 'number') {
    if (property.maximum !== undefined && value > property.maximum) return `must be <= ${property.maximum}`;
    if (property.minimum !== undefined && value < property.minimum) return `must be >= ${property.minimum}`;
    if (property.exclusiveMaximum !== undefined && value >= property.exclusiveMaximum) return `must be < ${property.exclusiveMaximum}`;
    if (property.exclusiveMinimum !== undefined && value <= property.exclusiveMinimum) return `must be > ${property.exclusiveMinimum}`;
  }
  if (typeof value === 'string') {
    if (property.maxLength !== undefined && length(value) > property.maxLength) return `must NOT have more than ${property.maxLength} characters`;
    if (property.minLength !== undefined && length(value) < property.minLength) return `must NOT have fewer than ${property.minLength} characters`;
    if (property.pattern !== undefined && !new RegExp(property.pattern, 'u').test(value)) return `must match pattern "${property.pattern}"`;
    if (property.format === 'date' && !isDate(value)) return 'must match format "date"';
  }
  return null;
}

const exampleOf = (property: FormProperty | undefined): string | undefined => {
  const example = property?.examples?.[0];
  return example === undefined || typeof example === 'boolean' ? undefined : String(example);
};

/** Ajv's English message (from the page or the API) in the page's language; anything else as it came. */
export function localizeMessage(message: string, t: Dict, property?: FormProperty): string {
  const v = t.validation;
  const rules: [RegExp, (match: RegExpExecArray) => string][] = [
    [/^must have required property '.+'$/, () => v.required],
    [/^must be (string|integer|number|boolean)$/, (m) => v.type[m[1] ?? ''] ?? message],
    [/^must be equal to one of the allowed values$/, () => v.enum],
    [/^must match pattern ".*"$/, () => {
      const example = exampleOf(property);
      return example ? `${v.pattern}（${v.example(example)}）` : v.pattern;
    }],
    [/^must match format "date"$/, () => v.date],
    [/^must be >= (.+)$/, (m) => v.minimum(m[1] ?? '')],
    [/^must be <= (.+)$/, (m) => v.maximum(m[1] ?? '')],
    [/^must be > (.+)$/, (m) => v.exclusiveMinimum(m[1] ?? '')],
    [/^must be < (.+)$/, (m) => v.exclusiveMaximum(m[1] ?? '')],
    [/^must NOT have fewer than (\d+) characters$/, (m) => v.minLength(m[1] ?? '')],
    [/^must NOT have more than (\d+) characters$/, (m) => v.maxLength(m[1] ?? '')],
    [/^must NOT have additional properties$/, () => v.additional],
  ];
  for (const [pattern, render] of rules) {
    const match = pattern.exec(message);
    if (match) return render(match);
  }
  return message;
}

/** The form as the API wants it: fields left empty are left out (an empty string is not "no answer"). */
export function formPayload(schema: FormSchema, values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(schema.properties).filter((name) => !isAbsent(values[name])).map((name) => [name, values[name]]));
}

/**
 * The order to show a form's fields in. Stored as jsonb, a schema's properties come back in jsonb's key
 * order, not the author's; `required` is a list and keeps its order, so the required fields lead in the
 * order written, then the rest.
 */
export function fieldOrder(schema: FormSchema): string[] {
  const required = (schema.required ?? []).filter((name) => name in schema.properties);
  return [...required, ...Object.keys(schema.properties).filter((name) => !required.includes(name))];
}
