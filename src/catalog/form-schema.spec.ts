import { describe, expect, it } from 'vitest';
import { seedServiceItems } from './seed/index.js';
import { checkFormSchema } from './form-schema.js';

describe('checkFormSchema', () => {
  it('accepts every seeded form schema', () => {
    for (const item of seedServiceItems) expect(checkFormSchema(item.formSchema), item.code).toEqual([]);
  });

  it('names a property without examples and an example its schema refuses', () => {
    const errors = checkFormSchema({
      type: 'object',
      properties: {
        seats: { type: 'integer', minimum: 1, examples: [0] },
        name: { type: 'string' },
      },
    });
    expect(errors.map((e) => e.path)).toEqual(['formSchema.properties.seats.examples[0]', 'formSchema.properties.name.examples']);
  });

  it('refuses something that is not a JSON Schema', () => {
    expect(checkFormSchema({ type: 'object', properties: { a: { type: 'banana', examples: [1] } } })[0]?.path).toBe('formSchema');
    expect(checkFormSchema('nope')).toEqual([{ path: 'formSchema', message: 'must be a JSON Schema object' }]);
  });
});
