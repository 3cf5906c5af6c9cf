import { describe, expect, it } from 'vitest';
import { checkRule } from './check.js';
import { declarationsFromJsonSchema, enterpriseDeclarations, personDeclarations } from './declarations.js';

describe('declarationsFromJsonSchema', () => {
  it('types each property of a form schema', () => {
    const form = declarationsFromJsonSchema({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      required: ['floorArea'],
      properties: {
        floorArea: { type: 'number', examples: [120.5] },
        seats: { type: 'integer' },
        name: { type: 'string' },
        openedOn: { type: 'string', format: 'date' },
        inspectedAt: { type: 'string', format: 'date-time' },
        email: { type: 'string', format: 'email' },
        outdoor: { type: 'boolean' },
        tags: { type: 'array', items: { type: 'string' } },
        address: { type: 'object', properties: { district: { type: 'string' } } },
        rooms: { type: 'array', items: { type: 'object', properties: { area: { type: 'number' } } } },
      },
    });
    expect(form).toEqual({
      object: {
        floorArea: 'double',
        seats: 'int',
        name: 'string',
        openedOn: 'timestamp',
        inspectedAt: 'timestamp',
        email: 'string',
        outdoor: 'bool',
        tags: { list: 'string' },
        address: { object: { district: 'string' } },
        rooms: { list: { object: { area: 'double' } } },
      },
    });
  });

  it('reads a nullable type as the type itself', () => {
    expect(declarationsFromJsonSchema({ type: 'object', properties: { note: { type: ['string', 'null'] } } })).toEqual({
      object: { note: 'string' },
    });
  });

  it('leaves out properties it cannot type, so rules using them fail the check', () => {
    const form = declarationsFromJsonSchema({
      type: 'object',
      properties: {
        kept: { type: 'integer' },
        either: { type: ['string', 'integer'] },
        referenced: { $ref: '#/$defs/address' },
        untypedList: { type: 'array' },
      },
    });
    expect(form).toEqual({ object: { kept: 'int' } });
    const result = checkRule('form.either == 1', { form });
    expect(result).toMatchObject({ ok: false, errors: [{ code: 'no_such_key' }] });
  });

  it('refuses a schema that does not describe an object', () => {
    expect(() => declarationsFromJsonSchema({ type: 'string' })).toThrow(/must describe an object/);
  });
});

describe('registry declarations', () => {
  it.each([
    ['person.age', 'int'],
    ['person.disabilityLevel', 'int'],
    ['person.householdSize', 'int'],
    ['person.monthlyIncome', 'double'],
    ['person.birthDate', 'timestamp'],
    ['person.idNumber', 'string'],
    ['person.gender', 'string'],
    ['person.phone', 'string'],
  ])('types %s as %s', (expression, type) => {
    expect(checkRule(expression, personDeclarations)).toEqual({ ok: true, type });
  });

  it.each([
    ['enterprise.employees', 'int'],
    ['enterprise.layoffsLastYear', 'int'],
    ['enterprise.yearsSinceRegistration', 'int'],
    ['enterprise.registeredAt', 'timestamp'],
    ['enterprise.socialInsuranceArrears', 'bool'],
    ['enterprise.uscc', 'string'],
    ['enterprise.industry', 'string'],
  ])('types %s as %s', (expression, type) => {
    expect(checkRule(expression, enterpriseDeclarations)).toEqual({ ok: true, type });
  });
});
