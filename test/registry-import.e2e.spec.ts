import { gzipSync } from 'node:zlib';
import { maskResidentId } from '@app/gov-ids';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csv, ENTERPRISE_COLUMNS, enterpriseLine, idNumberOf, jsonl, PERSON_COLUMNS, personLine as person, usccOf } from './support/registry-fixtures.js';
import { startTestSystem, testIdNumbers, type TestSystem } from './support/system.js';

/**
 * Registry imports over HTTP (single server): streamed CSV and JSON Lines, every bad line answered by
 * its line number while the good lines of the same file are stored, upserts that write only what
 * changed, and the change log.
 */
let system: TestSystem;
let adminToken: string;
let dataSource: DataSource;
const idNumbers = testIdNumbers();

beforeAll(async () => {
  system = await startTestSystem('single-server');
  adminToken = await system.login('admin');
  dataSource = system.app.get(DataSource);
});

afterAll(async () => {
  await system?.stopAll();
});

function upload(kind: 'persons' | 'enterprises', body: string | Buffer, contentType: string, token = adminToken) {
  return system.http().post(`/api/registry/${kind}/import`).set('Authorization', `Bearer ${token}`).set('Content-Type', contentType).send(body);
}

/** A person as stored, found as the program finds one: by the ID number's keyed hash. */
async function storedPerson(idNumber: string): Promise<Record<string, unknown> | undefined> {
  const [row] = await dataSource.query(
    `SELECT id::text, name, monthly_income::float8 AS income, birth_date::text AS birth_date, gender, last_import_id FROM registry_person WHERE id_number_hash = $1`,
    [idNumbers.lookupHash(idNumber)],
  );
  return row;
}

describe('registry import', () => {
  it('stores the good lines of a CSV file and rejects the bad ones by line number (the header is line 1)', async () => {
    const good = [person({ name: '王, 五' }), person(), person({ phone: '13904318826' }), person()];
    const badChecksum = person();
    badChecksum.idNumber = badChecksum.idNumber.slice(0, 17) + (badChecksum.idNumber[17] === '1' ? '2' : '1');
    const wrongGender = person();
    wrongGender.gender = wrongGender.gender === 'M' ? 'F' : 'M';
    const rows = [good[0], good[1], badChecksum, good[2], wrongGender, { ...person(), monthlyIncome: 'lots' }, good[3]];

    const response = await upload('persons', csv(rows, PERSON_COLUMNS, '\r\n'), 'text/csv').expect(200);
    expect(response.body).toMatchObject({ lines: 7, imported: 4, updated: 0, unchanged: 0, rejectedCount: 3 });
    expect(response.body.rejected.map((r: { line: number; code: string }) => [r.line, r.code])).toEqual([
      [4, 'id.checksum'],
      [6, 'person.gender_mismatch'],
      [7, 'registry.invalid_value'],
    ]);
    expect(response.body.rejected[2].errors).toEqual([{ field: 'monthlyIncome', code: 'registry.invalid_value', message: expect.stringContaining('monthlyIncome') }]);
    for (const row of good) expect(await storedPerson(row.idNumber)).toMatchObject({ name: row.name, birth_date: row.birthDate });
    expect(await storedPerson(badChecksum.idNumber)).toBeUndefined();
    expect(await storedPerson(wrongGender.idNumber)).toBeUndefined();
  });

  it('reads JSON Lines with their JSON types and refuses unreadable lines by number', async () => {
    const [a, b] = [person(), person()];
    const body = jsonl([a, '{"idNumber": broken', { ...b, disabilityLevel: '2' }, '', '[1, 2]', b]);
    const response = await upload('persons', body, 'application/x-ndjson').expect(200);
    expect(response.body).toMatchObject({ lines: 5, imported: 2, rejectedCount: 3 });
    expect(response.body.rejected.map((r: { line: number; code: string }) => [r.line, r.code])).toEqual([
      [2, 'json.malformed'],
      [3, 'registry.invalid_value'],
      [5, 'json.not_an_object'],
    ]);
    expect(await storedPerson(b.idNumber)).toBeDefined();
  });

  it('upserts by ID number: identical lines write nothing, a change is written and logged with its import', async () => {
    const rows = [person(), person(), person()];
    const first = await upload('persons', csv(rows), 'text/csv').expect(200);
    expect(first.body).toMatchObject({ imported: 3, updated: 0, unchanged: 0 });
    const before = await storedPerson(rows[1].idNumber);

    const again = await upload('persons', csv(rows), 'text/csv').expect(200);
    expect(again.body).toMatchObject({ imported: 0, updated: 0, unchanged: 3 });
    expect(await storedPerson(rows[1].idNumber)).toEqual(before);

    const changed = rows.map((row, i) => (i === 1 ? { ...row, monthlyIncome: 4100.5, householdSize: 3 } : row));
    const update = await upload('persons', csv(changed), 'text/csv').expect(200);
    expect(update.body).toMatchObject({ imported: 0, updated: 1, unchanged: 2 });
    expect(await storedPerson(rows[1].idNumber)).toMatchObject({ income: 4100.5, last_import_id: update.body.importId });

    const history = await system.http().get('/api/registry/changes').query({ idNumber: rows[1].idNumber }).set('Authorization', `Bearer ${adminToken}`).expect(200);
    expect(history.body.items).toEqual([
      expect.objectContaining({ importId: update.body.importId, kind: 'updated', changes: { monthlyIncome: { old: 3000, new: 4100.5 }, householdSize: { old: 2, new: 3 } } }),
      expect.objectContaining({ importId: first.body.importId, kind: 'created', changes: null }),
    ]);
  });

  it('never half-updates a record: a bad line leaves the stored one exactly as it was', async () => {
    const row = person();
    await upload('persons', csv([row]), 'text/csv').expect(200);
    const before = await storedPerson(row.idNumber);
    const response = await upload('persons', csv([{ ...row, monthlyIncome: 9999, householdSize: 0 }]), 'text/csv').expect(200);
    expect(response.body).toMatchObject({ updated: 0, rejectedCount: 1, rejected: [{ line: 2, code: 'registry.invalid_value' }] });
    expect(await storedPerson(row.idNumber)).toEqual(before);
  });

  it('applies the same person twice in one file in order, across batch boundaries', async () => {
    // 2,100 distinct people: two random ID numbers can coincide, and the second would count as an update.
    const byIdNumber = new Map<string, ReturnType<typeof person>>();
    while (byIdNumber.size < 2_100) {
      const generated = person();
      byIdNumber.set(generated.idNumber, generated);
    }
    const rows = [...byIdNumber.values()];
    const repeated = { ...rows[5], monthlyIncome: 1234 };
    const response = await upload('persons', csv([...rows, repeated]), 'text/csv').expect(200);
    expect(response.body).toMatchObject({ lines: 2_101, imported: 2_100, updated: 1, rejectedCount: 0 });
    expect(await storedPerson(rows[5].idNumber)).toMatchObject({ income: 1234 });
  });

  it('keeps ID numbers only sealed with DATA_KEY: no column, change log or look-up holds a whole number', async () => {
    const row = person();
    const response = await upload('persons', csv([row]), 'text/csv').expect(200);
    const [stored] = await dataSource.query(`SELECT p.id::text AS id, p.id_number_sealed AS sealed, p.id_number_hash AS hash, row_to_json(p)::text AS everything FROM registry_person p WHERE p.last_import_id = $1`, [response.body.importId]);
    expect(stored.everything).not.toContain(row.idNumber);
    expect(idNumbers.open(stored.sealed)).toBe(row.idNumber);
    expect(stored.hash).toEqual(idNumbers.lookupHash(row.idNumber));
    const [logged] = await dataSource.query(`SELECT string_agg(row_to_json(c)::text, '') AS everything FROM registry_change c WHERE c.import_id = $1`, [response.body.importId]);
    expect(logged.everything).not.toContain(row.idNumber);
    // Imported again: found by its keyed hash, and nothing changed.
    expect((await upload('persons', csv([row]), 'text/csv').expect(200)).body).toMatchObject({ imported: 0, unchanged: 1 });
    const history = await system.http().get('/api/registry/changes').query({ idNumber: row.idNumber }).set('Authorization', `Bearer ${adminToken}`).expect(200);
    expect(history.body.items).toEqual([expect.objectContaining({ kind: 'created', importId: response.body.importId })]);
  });

  it('follows a person to a corrected ID number (formerIdNumber): same record, the change logged', async () => {
    const born = person({ gender: 'F' });
    await upload('persons', csv([born]), 'text/csv').expect(200);
    const before = await storedPerson(born.idNumber);
    const corrected = { ...born, ...idNumberOf('F', 1940), formerIdNumber: born.idNumber };
    const response = await upload('persons', jsonl([corrected]), 'application/x-ndjson').expect(200);
    expect(response.body).toMatchObject({ imported: 0, updated: 1 });
    expect(await storedPerson(born.idNumber)).toBeUndefined();
    expect(await storedPerson(corrected.idNumber)).toMatchObject({ id: before!.id, birth_date: corrected.birthDate });
    const [change] = await dataSource.query(`SELECT changes FROM registry_change WHERE import_id = $1`, [response.body.importId]);
    // The change log is not encrypted: it keeps the numbers masked.
    expect(change.changes).toEqual({ idNumber: { old: maskResidentId(born.idNumber), new: maskResidentId(corrected.idNumber) }, birthDate: { old: born.birthDate, new: corrected.birthDate } });
    // The same file again finds the former number gone and the new one unchanged.
    expect((await upload('persons', jsonl([corrected]), 'application/x-ndjson').expect(200)).body).toMatchObject({ unchanged: 1 });
  });

  it('imports enterprises by credit code, rejecting bad codes by line', async () => {
    const [good, other] = [usccOf(), usccOf()];
    const wrong = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const response = await upload('enterprises', csv([good, wrong, '91220102abc', other].map((uscc) => enterpriseLine({ uscc })), ENTERPRISE_COLUMNS), 'text/csv').expect(200);
    expect(response.body).toMatchObject({ imported: 2, rejectedCount: 2 });
    expect(response.body.rejected.map((r: { line: number; code: string }) => [r.line, r.code])).toEqual([
      [3, 'uscc.checksum'],
      [4, 'uscc.format'],
    ]);
    const stored = await dataSource.query(`SELECT uscc, social_insurance_arrears FROM registry_enterprise WHERE uscc = ANY($1)`, [[good, other, wrong]]);
    expect(stored.map((row: { uscc: string }) => row.uscc).sort()).toEqual([good, other].sort());
  });

  it('takes gzip-compressed uploads and GB 18030 text', async () => {
    const row = person({ name: '张三' });
    const zipped = await upload('persons', gzipSync(csv([row])), 'text/csv').set('Content-Encoding', 'gzip').expect(200);
    expect(zipped.body).toMatchObject({ imported: 1 });

    // 张三 and 南关区 in GB 18030 (GBK): what Excel in China saves a CSV as.
    const gbk: Record<string, number[]> = { '\u0001': [0xd5, 0xc5, 0xc8, 0xfd], '\u0002': [0xc4, 0xcf, 0xb9, 0xd8, 0xc7, 0xf8] };
    const gb = person({ name: '\u0001', hukouDistrict: '\u0002' });
    const body = Buffer.concat(csv([gb]).split(/([\u0001\u0002])/).map((part) => (gbk[part] ? Buffer.from(gbk[part]) : Buffer.from(part))));
    expect((await upload('persons', body, 'text/csv; charset=gb18030').expect(200)).body).toMatchObject({ imported: 1 });
    expect(await storedPerson(gb.idNumber)).toMatchObject({ name: '张三' });
    expect((await dataSource.query(`SELECT hukou_district FROM registry_person WHERE id_number_hash = $1`, [idNumbers.lookupHash(gb.idNumber)]))[0].hukou_district).toBe('南关区');
  });

  it('answers a body that says gzip but is not, or is cut short, with a 400 naming the body, and nothing escapes to the process', async () => {
    const escaped: unknown[] = [];
    const record = (error: unknown) => escaped.push(error);
    process.on('uncaughtException', record);
    try {
      const whole = gzipSync(csv([person()]));
      for (const body of [Buffer.alloc(0), Buffer.from('not gzip'), whole.subarray(0, whole.length - 12)]) {
        const response = await upload('persons', body, 'text/csv').set('Content-Encoding', 'gzip').expect(400);
        expect(response.body).toMatchObject({ code: 'registry.invalid_gzip', errors: [{ path: 'body', message: expect.any(String) }] });
      }
      // The gunzip stream fails while the import is being opened, before the importer reads from it.
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      process.off('uncaughtException', record);
    }
    expect(escaped).toEqual([]);
  });

  it('refuses a wrong header before reading a line, and other media types', async () => {
    const row = person();
    const bad = await upload('persons', csv([row], [...PERSON_COLUMNS.filter((c) => c !== 'gender'), 'nickname']), 'text/csv').expect(400);
    expect(bad.body).toMatchObject({ code: 'registry.invalid_header' });
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['header.nickname', 'header.gender']);
    expect(await storedPerson(row.idNumber)).toBeUndefined();

    const json = await upload('persons', JSON.stringify(row), 'application/json').expect(415);
    expect(json.body).toMatchObject({ code: 'registry.unsupported_media_type' });
  });

  it('lets only admins import', async () => {
    const citizen = await system.login('citizen1');
    await upload('persons', csv([person()]), 'text/csv', citizen).expect(403);
  });
});
