import { chinaDate } from '@app/business-calendar';
import { randomUUID } from 'node:crypto';
import { ClsService } from 'nestjs-cls';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BenefitRunsService } from '../src/benefits/benefit-runs.service.js';
import { outboxJobId } from '../src/queue/outbox/outbox-relay.service.js';
import { QueueBackend } from '../src/queue/queue-backend.js';
import { QueueName } from '../src/queue/queue-names.js';
import { csv, ENTERPRISE_COLUMNS, enterpriseLine, idNumberOf, jsonl, personLine } from './support/registry-fixtures.js';
import { startTestSystem, type TestSystem } from './support/system.js';

/**
 * 免申即享 end to end, on the production backends (BullMQ on Redis): policies checked when saved, grant
 * runs in chunks through the benefits queue, dry runs that agree with real ones, re-runs that grant
 * nothing twice, explanations, citizens' own grants, and registry changes re-evaluated on their own.
 */
let system: TestSystem;
let admin: string;
let dataSource: DataSource;
const year = Number(chinaDate(new Date()).slice(0, 4));

beforeAll(async () => {
  system = await startTestSystem('production');
  admin = await system.login('admin');
  dataSource = system.app.get(DataSource);
});

afterAll(async () => {
  await system?.stopAll();
});

const as = (token: string) => ({ Authorization: `Bearer ${token}` });
const uniqueDistrict = () => `测试区-${randomUUID().slice(0, 8)}`;
const uniqueCode = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

async function waitFor<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function importPersons(rows: Array<Record<string, unknown>>): Promise<{ importId: string; imported: number; updated: number }> {
  const response = await system.http().post('/api/registry/persons/import').set(as(admin)).set('Content-Type', 'application/x-ndjson').send(jsonl(rows)).expect(200);
  expect(response.body.rejectedCount).toBe(0);
  return response.body;
}

/** Until the re-evaluation jobs of an import have run: then no late job can grant behind a test's back. */
async function reevaluated(importId: string): Promise<void> {
  const queue = system.app.get(QueueBackend).queue(QueueName.Benefits);
  await waitFor(async () => {
    const rows: Array<{ id: string; relayed_at: Date | null }> = await dataSource.query(
      `SELECT id::text AS id, relayed_at FROM outbox_message WHERE job_name = 'benefits.reevaluate-subjects' AND payload->>'importId' = $1`,
      [importId],
    );
    for (const row of rows) {
      const job = row.relayed_at && (await queue.getJob(outboxJobId(row.id)));
      if (!job || !(await job.isCompleted())) return undefined;
    }
    return true;
  }, `the re-evaluation of import ${importId}`);
}

async function createPolicy(body: Record<string, unknown>): Promise<void> {
  await system.http().post('/api/benefit-policies').set(as(admin)).send(body).expect(201);
}

interface Run {
  status: string;
  dryRun: boolean;
  evaluated: number;
  eligible: number;
  granted: number;
  skippedExisting: number;
  chunksDone: number;
  chunksTotal: number;
}

/** Chunks of a fifth of the registry, so every run here takes several chunk jobs. */
async function chunkSize(): Promise<number> {
  const [{ span }] = await dataSource.query(`SELECT (max(id) - min(id) + 1)::int AS span FROM registry_person`);
  return Math.max(1, Math.ceil(span / 5));
}

async function run(code: string, dryRun: boolean, parallelism?: number): Promise<Run> {
  const body = { dryRun, chunkSize: await chunkSize(), ...(parallelism ? { parallelism } : {}) };
  const started = await system.http().post(`/api/benefit-policies/${code}/runs`).set(as(admin)).send(body).expect(202);
  return waitFor(async () => {
    const { body } = await system.http().get(`/api/benefit-runs/${started.body.runId}`).set(as(admin)).expect(200);
    return body.status === 'completed' || body.status === 'failed' ? (body as Run) : undefined;
  }, `run ${started.body.runId}`);
}

async function grants(query: Record<string, string>, token = admin) {
  const { body } = await system.http().get('/api/benefit-grants').query(query).set(as(token)).expect(200);
  return body.items as Array<Record<string, unknown> & { id: string; explanation: Record<string, unknown> }>;
}

describe('benefit policies', () => {
  it('refuses a rule that does not type-check, with where each error is', async () => {
    const response = await system
      .http()
      .post('/api/benefit-policies')
      .set(as(admin))
      .send({ code: uniqueCode('bad'), name: '错误', subjectType: 'person', rule: "person.age >= 80 &&\n  person.hukouDistict == '南关区'", amount: 100, period: 'monthly' })
      .expect(400);
    expect(response.body).toMatchObject({ code: 'benefit_policy.invalid_rule' });
    expect(response.body.errors[0]).toMatchObject({ path: 'rule', line: 2, column: expect.any(Number), start: expect.any(Number), end: expect.any(Number) });
    expect(response.body.errors[0].message).toMatch(/hukouDistict/);
  });

  it('refuses a rule that a grant run cannot evaluate exactly over the registry, saying why', async () => {
    const response = await system
      .http()
      .post('/api/benefit-policies')
      .set(as(admin))
      .send({ code: uniqueCode('nosql'), name: '姓名结尾', subjectType: 'person', rule: "person.age >= 80 && person.name.endsWith('娜')", amount: 100, period: 'once' })
      .expect(400);
    expect(response.body).toMatchObject({ code: 'benefit_policy.rule_not_exact_in_sql', errors: [{ path: 'rule', code: 'sql_unsupported_function' }] });
  });

  it('checks a rule without saving it, as a save would, for an editor checking as the admin types', async () => {
    const validate = (rule: string, subjectType = 'person') => system.http().post('/api/benefit-policies/validate').set(as(admin)).send({ subjectType, rule }).expect(200);
    expect((await validate("person.age >= 80 && person.hukouDistrict == '南关区'")).body).toEqual({ valid: true, plain: '年满 80 周岁，户籍在南关区' });
    const wrong = (await validate("person.age >= '80'")).body;
    expect(wrong).toMatchObject({ valid: false, errors: [{ path: 'rule', code: 'no_such_overload', line: 1, column: 1 }] });
    expect((await validate("person.name.endsWith('娜')")).body).toMatchObject({ valid: false, errors: [{ code: 'sql_unsupported_function' }] });
    expect((await validate('enterprise.employees > 5')).body).toMatchObject({ valid: false, errors: [{ code: 'unknown_variable' }] });
  });

  it('keeps versions: a new rule becomes current, the old one stays readable', async () => {
    const code = uniqueCode('versioned');
    await createPolicy({ code, name: 'v1', subjectType: 'person', rule: 'person.age >= 80', amount: 100, period: 'monthly' });
    await system.http().post(`/api/benefit-policies/${code}/versions`).set(as(admin)).send({ name: 'v2', rule: 'person.age >= 90', amount: 200, period: 'monthly' }).expect(201);
    const { body } = await system.http().get(`/api/benefit-policies/${code}`).set(as(admin)).expect(200);
    expect(body).toMatchObject({ version: 2, rule: 'person.age >= 90', amount: 200 });
    expect(body.versions.map((v: { version: number; rule: string }) => [v.version, v.rule])).toEqual([
      [2, 'person.age >= 90'],
      [1, 'person.age >= 80'],
    ]);
  });
});

describe('grant runs', () => {
  it('agree between a dry and a real run; a second real run grants 0 and reports the rest as already granted', async () => {
    const district = uniqueDistrict();
    const people = [85, 90, 81, 79, 50].map((age) => personLine({ hukouDistrict: district, birthDate: `${year - age}-01-01` }));
    const elsewhere = personLine({ birthDate: `${year - 90}-01-01`, hukouDistrict: uniqueDistrict() });
    await reevaluated((await importPersons([...people, elsewhere])).importId);
    const code = uniqueCode('elderly');
    const rule = `person.age >= 80 && person.hukouDistrict == '${district}'`;
    await createPolicy({ code, name: '高龄津贴（测试）', subjectType: 'person', rule, amount: 100, period: 'monthly' });

    const dry = await run(code, true, 1);
    expect(dry).toMatchObject({ status: 'completed', dryRun: true, eligible: 3, granted: 0, skippedExisting: 0 });
    expect(dry.chunksTotal).toBeGreaterThan(1);
    expect(dry.chunksDone).toBe(dry.chunksTotal);
    const real = await run(code, false);
    expect(real).toMatchObject({ status: 'completed', dryRun: false, eligible: 3, granted: 3, skippedExisting: 0, evaluated: dry.evaluated });
    const again = await run(code, false, 3);
    expect(again).toMatchObject({ status: 'completed', eligible: 3, granted: 0, skippedExisting: 3 });
    expect(await run(code, true)).toMatchObject({ eligible: 3, skippedExisting: 3 });

    const granted = await grants({ policyCode: code });
    expect(granted).toHaveLength(3);
    const [oldest] = await grants({ policyCode: code, idNumber: people[1].idNumber });
    const { body: detail } = await system.http().get(`/api/benefit-grants/${oldest.id}`).set(as(admin)).expect(200);
    expect(detail).toMatchObject({ policyCode: code, policyVersion: 1, period: chinaDate(new Date()).slice(0, 7), amount: 100, status: 'granted', subjectName: '测*人' });
    expect(detail.explanation).toEqual({
      rule,
      policyCode: code,
      policyVersion: 1,
      asOf: chinaDate(new Date()),
      period: chinaDate(new Date()).slice(0, 7),
      variablesUsed: ['person.age', 'person.hukouDistrict'],
      facts: { 'person.age': 90, 'person.hukouDistrict': district },
      trigger: 'run',
      plain: { rule: `年满 80 周岁，户籍在${district}`, facts: ['90 岁', `户籍${district}`] },
    });
  });

  it('runs a chunk job that is delivered twice only once', async () => {
    await reevaluated((await importPersons([personLine(), personLine(), personLine()])).importId);
    const code = uniqueCode('twice');
    await createPolicy({ code, name: '重复投递', subjectType: 'person', rule: 'person.age >= 0', amount: 1, period: 'once' });
    const first = await run(code, true);
    expect(first.chunksTotal).toBeGreaterThan(1);
    const [{ id: runId }] = await dataSource.query(`SELECT r.id FROM benefit_run r JOIN benefit_policy p ON p.id = r.policy_id WHERE p.code = $1`, [code]);
    // As if the run were between its first and second chunk when chunk 0's job came again.
    await dataSource.query(`UPDATE benefit_run SET status = 'running', chunks_done = 1 WHERE id = $1`, [runId]);
    const runs = system.app.get(BenefitRunsService);
    const outcome = await system.app.get(ClsService).run(() => runs.processChunk({ runId, chunk: 0 }));
    expect(outcome).toBe('skipped');
    const { body: after } = await system.http().get(`/api/benefit-runs/${runId}`).set(as(admin)).expect(200);
    expect(after).toMatchObject({ evaluated: first.evaluated, eligible: first.eligible, chunksDone: 1 });
    const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM benefit_run_chunk WHERE run_id = $1`, [runId]);
    expect(count).toBe(first.chunksTotal);
  });

  it('grants an enterprise policy and shows it to the enterprise account only', async () => {
    const industry = `测试行业-${randomUUID().slice(0, 8)}`;
    // enterprise1 acts for 91220102MA17Q5C827 (seeded account facts).
    const own = enterpriseLine({ uscc: '91220102MA17Q5C827', name: '长春市南关区福顺餐饮有限公司', industry });
    const arrears = enterpriseLine({ industry, socialInsuranceArrears: true });
    const imported = await system.http().post('/api/registry/enterprises/import').set(as(admin)).set('Content-Type', 'text/csv').send(csv([own, arrears], ENTERPRISE_COLUMNS)).expect(200);
    await reevaluated(imported.body.importId);
    const code = uniqueCode('retention');
    await createPolicy({ code, name: '稳岗返还（测试）', subjectType: 'enterprise', rule: `enterprise.industry == '${industry}' && enterprise.layoffsLastYear == 0 && !enterprise.socialInsuranceArrears`, amount: 3000, period: 'yearly' });
    const [{ span }] = await dataSource.query(`SELECT (max(id) - min(id) + 1)::int AS span FROM registry_enterprise`);
    const started = await system.http().post(`/api/benefit-policies/${code}/runs`).set(as(admin)).send({ chunkSize: Math.max(1, Math.ceil(span / 3)) }).expect(202);
    await waitFor(async () => ((await system.http().get(`/api/benefit-runs/${started.body.runId}`).set(as(admin))).body.status === 'completed' ? true : undefined), 'the run');

    const enterprise = await system.login('enterprise1');
    const mine = (await system.http().get('/api/my/benefits').set(as(enterprise)).expect(200)).body.items;
    expect(mine.filter((g: { policyCode: string }) => g.policyCode === code)).toEqual([
      expect.objectContaining({ subjectType: 'enterprise', subjectName: '长春市南关区福顺餐饮有限公司', subjectKey: '9122**********C827', period: String(year) }),
    ]);
    const citizen = await system.login('citizen1');
    const theirs = (await system.http().get('/api/my/benefits').set(as(citizen)).expect(200)).body.items;
    expect(theirs.some((g: { policyCode: string }) => g.policyCode === code)).toBe(false);
    expect(await grants({ uscc: arrears.uscc })).toEqual([]);
  });

  it('refuses to run an inactive policy', async () => {
    const code = uniqueCode('inactive');
    await createPolicy({ code, name: '停用', subjectType: 'person', rule: 'person.age >= 200', amount: 1, period: 'once' });
    await system.http().patch(`/api/benefit-policies/${code}`).set(as(admin)).send({ active: false }).expect(200);
    const response = await system.http().post(`/api/benefit-policies/${code}/runs`).set(as(admin)).send({}).expect(409);
    expect(response.body.code).toBe('benefit_policy.inactive');
  });
});

describe('citizens and registry changes', () => {
  it("shows 李娜 (citizen2) the benefits her registry record brings, notifies her, and lets her decline one", async () => {
    // 李娜 as in the population registry: over 80, 户籍 南关区, level-2 disability.
    const liNa = { idNumber: '220102194209081022', name: '李娜', gender: 'F', birthDate: '1942-09-08', hukouDistrict: '南关区', disabilityLevel: 2, monthlyIncome: 2350, householdSize: 2, phone: '13756093318' };
    await reevaluated((await importPersons([liNa])).importId);
    const citizen2 = await system.login('citizen2');
    const mine = await waitFor(async () => {
      const { body } = await system.http().get('/api/my/benefits').set(as(citizen2)).expect(200);
      const codes = body.items.map((g: { policyCode: string }) => g.policyCode);
      return codes.includes('elderly-allowance') && codes.includes('disability-subsidies') ? body.items : undefined;
    }, "李娜's grants");
    const elderly = mine.find((g: { policyCode: string }) => g.policyCode === 'elderly-allowance');
    expect(elderly).toMatchObject({ status: 'granted', amount: 100, subjectKey: '220***********1022' });
    expect(elderly.explanation).toMatchObject({ facts: { 'person.age': year - 1942 - (chinaDate(new Date()).slice(5) < '09-08' ? 1 : 0), 'person.hukouDistrict': '南关区' } });

    const notifications = (await system.http().get('/api/my/notifications').set(as(citizen2)).expect(200)).body.items;
    expect(notifications).toContainEqual(expect.objectContaining({ template: 'benefit.granted', data: expect.objectContaining({ grantId: elderly.id, policyCode: 'elderly-allowance' }) }));

    const citizen1 = await system.login('citizen1');
    await system.http().post(`/api/my/benefits/${elderly.id}/decline`).set(as(citizen1)).expect(404);
    const declined = await system.http().post(`/api/my/benefits/${elderly.id}/decline`).set(as(citizen2)).expect(200);
    expect(declined.body).toMatchObject({ id: elderly.id, status: 'declined' });
    expect((await system.http().post(`/api/my/benefits/${elderly.id}/decline`).set(as(citizen2)).expect(409)).body.code).toBe('benefit_grant.not_declinable');

    // A run of the policy does not grant her again this month.
    const rerun = await run('elderly-allowance', false);
    expect(rerun.skippedExisting).toBeGreaterThanOrEqual(1);
    const [after] = await grants({ policyCode: 'elderly-allowance', idNumber: liNa.idNumber });
    expect(after).toMatchObject({ id: elderly.id, status: 'declined' });
  });

  it('grants a person whose corrected birth date makes them eligible, without a run', async () => {
    const district = uniqueDistrict();
    const young = personLine({ gender: 'M', birthDate: `${year - 79}-12-31`, hukouDistrict: district });
    await reevaluated((await importPersons([young])).importId);
    const code = uniqueCode('corrected');
    await createPolicy({ code, name: '高龄津贴（更正）', subjectType: 'person', rule: `person.age >= 80 && person.hukouDistrict == '${district}'`, amount: 100, period: 'monthly' });
    expect(await run(code, false)).toMatchObject({ eligible: 0, granted: 0 });

    // 公安 corrected his birth date, so he has a new ID number; the registry follows him to it.
    const corrected = { ...young, ...idNumberOf('M', `${year - 85}-03-01`), formerIdNumber: young.idNumber };
    const change = await importPersons([corrected]);
    expect(change).toMatchObject({ imported: 0, updated: 1 });
    const [grant] = await waitFor(async () => {
      const items = await grants({ policyCode: code });
      return items.length > 0 ? items : undefined;
    }, 'the grant after the correction');
    expect(grant).toMatchObject({ runId: null, importId: change.importId, status: 'granted' });
    expect(grant.explanation).toMatchObject({ trigger: 'registry-change', facts: { 'person.age': 85 } });
    const runs = (await system.http().get(`/api/benefit-policies/${code}/runs`).set(as(admin)).expect(200)).body.items;
    expect(runs).toHaveLength(1);
  });

  it('lists a person whose income rose for review, takes nothing back by itself, and lets the clerk decide', async () => {
    const district = uniqueDistrict();
    const poor = personLine({ hukouDistrict: district, monthlyIncome: 800 });
    await reevaluated((await importPersons([poor])).importId);
    const code = uniqueCode('low-income');
    await createPolicy({ code, name: '低收入补贴（测试）', subjectType: 'person', rule: `person.hukouDistrict == '${district}' && person.monthlyIncome < 1000.0`, amount: 300, period: 'monthly', departmentCode: 'civil-affairs' });
    expect(await run(code, false)).toMatchObject({ granted: 1 });
    const [grant] = await grants({ policyCode: code });

    const change = await importPersons([{ ...poor, monthlyIncome: 5000 }]);
    const clerk = await system.login('clerk.civil-affairs');
    const review = await waitFor(async () => {
      const { body } = await system.http().get('/api/benefit-reviews').query({ policyCode: code }).set(as(clerk)).expect(200);
      return body.items[0];
    }, 'the review');
    expect(review).toMatchObject({
      grantId: grant.id,
      reason: 'no_longer_eligible',
      status: 'open',
      importId: change.importId,
      facts: { 'person.hukouDistrict': district, 'person.monthlyIncome': 5000 },
    });
    expect((await grants({ policyCode: code }))[0]).toMatchObject({ id: grant.id, status: 'granted' });

    const otherClerk = await system.login('clerk.health');
    expect((await system.http().get('/api/benefit-reviews').query({ policyCode: code }).set(as(otherClerk)).expect(200)).body.items).toEqual([]);
    await system.http().post(`/api/benefit-reviews/${review.id}/resolve`).set(as(otherClerk)).send({ decision: 'revoke' }).expect(404);

    const resolved = await system.http().post(`/api/benefit-reviews/${review.id}/resolve`).set(as(clerk)).send({ decision: 'revoke', note: '收入已超过标准' }).expect(200);
    expect(resolved.body).toMatchObject({ status: 'revoked', note: '收入已超过标准' });
    expect((await grants({ policyCode: code }))[0]).toMatchObject({ status: 'revoked' });
    await system.http().post(`/api/benefit-reviews/${review.id}/resolve`).set(as(clerk)).send({ decision: 'keep' }).expect(409);
  });
});
