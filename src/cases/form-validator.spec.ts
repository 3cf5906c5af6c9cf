import { describe, expect, it } from 'vitest';
import { formErrors } from './form-validator.js';

const schema = {
  type: 'object',
  required: ['name', 'seats'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 2 },
    seats: { type: 'integer', minimum: 1 },
    phone: { type: 'string', pattern: '^1[3-9]\\d{9}$' },
  },
};

describe('formErrors', () => {
  it('answers every violation with its path', () => {
    const errors = formErrors(schema, { name: 'x', phone: '123', extra: true }, 'spec-1');
    expect(errors.map((e) => e.path).sort()).toEqual(['form.extra', 'form.name', 'form.phone', 'form.seats']);
  });

  it('accepts a valid form', () => {
    expect(formErrors(schema, { name: '张三', seats: 20 }, 'spec-1')).toEqual([]);
  });
});
