import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { FieldError } from '../http/problem.js';

// ajv-formats is CommonJS; its default export arrives wrapped under Node's ESM loader.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: Ajv2020) => void;

/** One validator instance for form schemas: compiling is the expensive part, so compiled schemas are cached by the caller. */
export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
  addFormats(ajv);
  return ajv;
}

const ajv = createAjv();

/**
 * Checks a service item's form schema: valid JSON Schema 2020-12, an object of named properties, and
 * (API.md) every property carrying `examples` that its own schema accepts, so the portal can show them
 * and tests can build a valid application from them.
 */
export function checkFormSchema(schema: unknown, path = 'formSchema'): FieldError[] {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return [{ path, message: 'must be a JSON Schema object' }];
  const errors: FieldError[] = [];
  try {
    ajv.compile(schema);
  } catch (error) {
    return [{ path, message: `is not a valid JSON Schema 2020-12: ${(error as Error).message}` }];
  }
  const document = schema as { type?: unknown; properties?: Record<string, unknown> };
  if (document.type !== 'object') errors.push({ path: `${path}.type`, message: 'the form must be an object ("type": "object")' });
  const properties = document.properties ?? {};
  if (Object.keys(properties).length === 0) errors.push({ path: `${path}.properties`, message: 'the form needs at least one property' });
  for (const [name, property] of Object.entries(properties)) {
    const propertyPath = `${path}.properties.${name}`;
    const examples = (property as { examples?: unknown }).examples;
    if (!Array.isArray(examples) || examples.length === 0) {
      errors.push({ path: `${propertyPath}.examples`, message: 'every property needs at least one example' });
      continue;
    }
    const { examples: _examples, ...rest } = property as Record<string, unknown>;
    const validate = ajv.compile(rest);
    examples.forEach((example, index) => {
      if (!validate(example)) errors.push({ path: `${propertyPath}.examples[${index}]`, message: `is not valid for the property: ${ajv.errorsText(validate.errors)}` });
    });
  }
  return errors;
}
