import { describe, expect, it } from 'vitest';
import { CsvParser, isCsvFault } from './import/csv-parser.js';
import { validateEnterprise, validatePerson } from './registry-records.js';
import { registryCsv, syntheticEnterprises, syntheticPersons } from './synthetic-registry.js';

const TODAY = '2026-05-01';

describe('synthetic registry', () => {
  it('makes persons whose ID numbers pass every check and agree with gender and birth date, all distinct', () => {
    const persons = [...syntheticPersons(5_000, 7, TODAY)];
    for (const person of persons) expect(validatePerson({ ...person, phone: person.phone ?? undefined }, false, TODAY)).toMatchObject({ ok: true });
    expect(new Set(persons.map((p) => p.idNumber)).size).toBe(persons.length);
    const over80 = persons.filter((p) => p.birthDate <= '1946-05-01').length / persons.length;
    expect(over80).toBeGreaterThan(0.03);
    expect(over80).toBeLessThan(0.1);
  });

  it('makes enterprises with valid, distinct credit codes', () => {
    const enterprises = [...syntheticEnterprises(3_000, 7, TODAY)];
    for (const enterprise of enterprises) expect(validateEnterprise({ ...enterprise }, false, TODAY)).toMatchObject({ ok: true });
    expect(new Set(enterprises.map((e) => e.uscc)).size).toBe(enterprises.length);
  });

  it('gives the same registry for the same seed and another for another seed', () => {
    expect([...syntheticPersons(50, 1, TODAY)]).toEqual([...syntheticPersons(50, 1, TODAY)]);
    expect([...syntheticPersons(50, 2, TODAY)]).not.toEqual([...syntheticPersons(50, 1, TODAY)]);
  });

  it('writes CSV that reads back to the same records', () => {
    const persons = [...syntheticPersons(300, 3, TODAY)];
    const parser = new CsvParser();
    const items = [...registryCsv(persons, 'person', 1_000)].flatMap((chunk) => parser.push(chunk)).concat(parser.end());
    const [header, ...rows] = items.map((item) => (isCsvFault(item) ? [] : item.fields));
    const read = rows.map((fields) => Object.fromEntries(header.map((column, i) => [column, fields[i]]).filter(([, v]) => v !== '')));
    expect(read.map((values) => validatePerson(values, true, TODAY))).toEqual(persons.map((record) => ({ ok: true, value: { record, formerIdNumber: null } })));
  });
});
