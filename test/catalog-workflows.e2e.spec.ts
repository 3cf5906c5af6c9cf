import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSystem, type TestSystem } from './support/system.js';
import { GUIDE } from './support/guide.js';

let system: TestSystem;
let admin: string;
let clerk: string;

beforeAll(async () => {
  system = await startTestSystem('single-server');
  admin = await system.login('admin');
  clerk = await system.login('clerk.market-regulation');
});

afterAll(async () => {
  await system?.stopAll();
});

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

/** A small valid definition on a fresh key; tests break one thing at a time. */
function definition(overrides: Record<string, unknown> = {}, steps?: unknown[]) {
  return {
    key: `test-${randomUUID().slice(0, 8)}`,
    name: '测试流程',
    serviceItem: '2201-SC-0001',
    steps: steps ?? [
      { id: 'accept', type: 'review', queue: { department: 'market-regulation', role: 'clerk' }, outcomes: { accept: 'check', correction: 'accept', refuse: 'end:refused' } },
      { id: 'check', type: 'auto', rule: 'form.floorArea <= 200.0', outcomes: { true: 'issue', false: 'review' } },
      { id: 'review', type: 'review', queue: { department: 'market-regulation', role: 'reviewer' }, outcomes: { approve: 'issue', reject: 'end:rejected' } },
      { id: 'issue', type: 'certificate', outcomes: { done: 'end:approved' } },
    ],
    ...overrides,
  };
}

async function validate(body: unknown): Promise<{ valid: boolean; errors?: { path: string; message: string; code: string }[] }> {
  return (await system.http().post('/api/workflows/validate').set(auth(admin)).send(body as object).expect(200)).body;
}

describe('the catalogue', () => {
  it('lists the seeded 南关区 service items with materials, limits and form schemas with examples', async () => {
    const { body } = await system.http().get('/api/service-items').expect(200);
    expect(body.items.length).toBeGreaterThanOrEqual(8);
    for (const item of body.items) {
      expect(item).toMatchObject({ code: expect.any(String), name: expect.any(String), departmentCode: expect.any(String), workflowKey: expect.any(String) });
      expect(item.promisedDays).toBeLessThanOrEqual(item.statutoryDays);
      for (const property of Object.values(item.formSchema.properties) as { examples: unknown[] }[]) expect(property.examples.length).toBeGreaterThan(0);
    }
    const food = (await system.http().get('/api/service-items/2201-SC-0001').expect(200)).body;
    expect(food.name).toContain('食品经营许可');
    expect(food.materials.some((m: { tolerant: boolean }) => m.tolerant)).toBe(true);
    expect((await system.http().get('/api/service-items/NOPE').expect(404)).body.code).toBe('catalog.item_not_found');
  });

  it('lists bundles; 我要开餐馆 spans four departments', async () => {
    const { body } = await system.http().get('/api/bundles').expect(200);
    const restaurant = body.items.find((b: { name: string }) => b.name === '我要开餐馆');
    const items = (await system.http().get('/api/service-items').expect(200)).body.items as { code: string; departmentCode: string }[];
    const departments = new Set(restaurant.serviceItemCodes.map((code: string) => items.find((i) => i.code === code)?.departmentCode));
    expect(departments.size).toBeGreaterThanOrEqual(4);
    expect((await system.http().get(`/api/bundles/${restaurant.code}`).expect(200)).body.serviceItemCodes).toEqual(restaurant.serviceItemCodes);
  });

  it('lets an admin create and change an item, answering every problem at once', async () => {
    const code = `T-${randomUUID().slice(0, 6)}`;
    const item = {
      code,
      name: '测试事项',
      departmentCode: 'health',
      statutoryDays: 10,
      promisedDays: 5,
      materials: [{ key: 'applicantIdCard', name: '身份证', required: true, tolerant: false }],
      formSchema: { type: 'object', required: ['name'], properties: { name: { type: 'string', minLength: 2, examples: ['张三'] } } },
      workflowKey: 'test-flow',
      ...GUIDE,
    };
    const bad = await system
      .http()
      .post('/api/service-items')
      .set(auth(admin))
      .send({ ...item, departmentCode: 'mars', promisedDays: 30, materials: [...item.materials, { key: 'applicantIdCard', name: 'x', required: false, tolerant: true }], formSchema: { type: 'object', properties: { name: { type: 'string' } } } })
      .expect(400);
    expect(bad.body.code).toBe('catalog.invalid_item');
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['departmentCode', 'promisedDays', 'materials[1].key', 'materials[1].tolerant', 'formSchema.properties.name.examples']),
    );
    expect((await system.http().post('/api/service-items').set(auth(clerk)).send(item).expect(403)).body.code).toBe('auth.forbidden');
    await system.http().post('/api/service-items').set(auth(admin)).send(item).expect(201);
    expect((await system.http().post('/api/service-items').set(auth(admin)).send(item).expect(409)).body.code).toBe('catalog.item_exists');
    const { code: _code, ...fields } = item;
    const changed = await system.http().put(`/api/service-items/${code}`).set(auth(admin)).send({ ...fields, promisedDays: 3 }).expect(200);
    expect(changed.body.promisedDays).toBe(3);
  });

  it('publishes the 实施清单 of every seeded item, with the real legal basis', async () => {
    const { body } = await system.http().get('/api/service-items').expect(200);
    expect(body.items.length).toBeGreaterThanOrEqual(13);
    for (const item of body.items.filter((i: { code: string }) => /^2201-/.test(i.code))) {
      expect(['instant', 'promised']).toContain(item.itemType);
      expect(item.subjectTypes.length).toBeGreaterThan(0);
      expect(item.legalBasis.length).toBeGreaterThan(0);
      for (const basis of item.legalBasis) expect(basis).toMatch(/^《.+》/);
      expect(typeof item.fee.free).toBe('boolean');
      for (const field of ['location', 'officeHours', 'consultPhone', 'complaintPhone', 'onlineDepth']) expect(item[field]).toEqual(expect.any(String));
    }
    const food = (await system.http().get('/api/service-items/2201-SC-0001').expect(200)).body;
    expect(food.legalBasis).toContain('《中华人民共和国食品安全法》第三十五条');
    expect(food.itemType).toBe('promised');
    expect((await system.http().get('/api/service-items/2201-XF-0001').expect(200)).body.legalBasis).toContain('《中华人民共和国消防法》第十五条');
    expect((await system.http().get('/api/service-items/2201-SC-0002').expect(200)).body.itemType).toBe('instant');
  });

  it('refuses an item write without the 实施清单 fields or with bad values, naming each field', async () => {
    const code = `G-${randomUUID().slice(0, 6)}`;
    const item = {
      code,
      name: '指南测试事项',
      departmentCode: 'health',
      statutoryDays: 10,
      promisedDays: 5,
      materials: [],
      formSchema: { type: 'object', properties: { name: { type: 'string', examples: ['张三'] } } },
      workflowKey: 'guide-flow',
    };
    const missing = await system.http().post('/api/service-items').set(auth(admin)).send(item).expect(400);
    expect(missing.body.code).toBe('catalog.invalid_item');
    expect(missing.body.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['itemType', 'subjectTypes', 'legalBasis', 'fee.free', 'location', 'officeHours', 'consultPhone', 'complaintPhone', 'onlineDepth']),
    );
    const bad = await system
      .http()
      .post('/api/service-items')
      .set(auth(admin))
      .send({ ...item, ...GUIDE, itemType: 'instant', subjectTypes: ['alien'], legalBasis: ['随便什么法'], fee: { free: false }, consultPhone: 'hotline', onlineDepth: 'level-9' })
      .expect(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(
      ['consultPhone', 'fee.basis', 'fee.standard', 'itemType', 'legalBasis[0]', 'onlineDepth', 'subjectTypes[0]'].sort(),
    );
    await system.http().get(`/api/service-items/${code}`).expect(404);
    const created = await system.http().post('/api/service-items').set(auth(admin)).send({ ...item, ...GUIDE, fee: { free: false, standard: '工本费每证10元', basis: '《吉林省行政事业性收费目录清单》第三项' } }).expect(201);
    expect(created.body.fee).toEqual({ free: false, standard: '工本费每证10元', basis: '《吉林省行政事业性收费目录清单》第三项' });
    const { code: _code, ...fields } = { ...item, ...GUIDE };
    const put = await system.http().put(`/api/service-items/${code}`).set(auth(admin)).send({ ...fields, complaintPhone: undefined }).expect(400);
    expect(put.body.errors).toEqual([{ path: 'complaintPhone', message: expect.any(String) }]);
  });

  it('refuses a bundle naming an unknown item, with its index', async () => {
    const response = await system
      .http()
      .post('/api/bundles')
      .set(auth(admin))
      .send({ code: `b-${randomUUID().slice(0, 6)}`, name: '测试', serviceItemCodes: ['2201-SC-0001', 'NO-SUCH'], failurePolicy: 'finish-rest' })
      .expect(400);
    expect(response.body.errors).toEqual([{ path: 'serviceItemCodes[1]', message: 'unknown service item "NO-SUCH"' }]);
  });
});

describe('workflow validation names each error by its path', () => {
  it('accepts a valid definition', async () => {
    expect(await validate(definition())).toEqual({ valid: true });
  });

  const cases: [string, () => unknown, string, string][] = [
    ['unknown step type', () => definition({}, [{ id: 'accept', type: 'dance', outcomes: {} }]), '$.steps[0].type', 'definition.unknown_step_type'],
    [
      'outcome pointing nowhere',
      () => definition({}, [{ id: 'accept', type: 'review', queue: { department: 'health', role: 'clerk' }, outcomes: { accept: 'nowhere' } }]),
      '$.steps[0].outcomes.accept',
      'definition.unknown_target',
    ],
    [
      'unreachable step',
      () =>
        definition({}, [
          { id: 'accept', type: 'review', queue: { department: 'health', role: 'clerk' }, outcomes: { accept: 'end:approved' } },
          { id: 'orphan', type: 'certificate', outcomes: { done: 'end:approved' } },
        ]),
      '$.steps[1]',
      'definition.unreachable_step',
    ],
    [
      'no end reachable',
      () =>
        definition({}, [
          { id: 'accept', type: 'review', queue: { department: 'health', role: 'clerk' }, outcomes: { accept: 'loop', refuse: 'end:refused' } },
          { id: 'loop', type: 'timer', duration: { calendarDays: 1 }, outcomes: { done: 'loop' } },
        ]),
      '$.steps[1]',
      'definition.no_end_reachable',
    ],
    [
      'joint step with an unknown department',
      () =>
        definition({}, [
          { id: 'accept', type: 'review', queue: { department: 'health', role: 'clerk' }, outcomes: { accept: 'joint' } },
          { id: 'joint', type: 'joint', participants: ['fire-rescue', 'atlantis'], join: 'all', outcomes: { approve: 'end:approved', reject: 'end:rejected' } },
        ]),
      '$.steps[1].participants[1]',
      'definition.unknown_department',
    ],
    [
      'quorum larger than the participants',
      () =>
        definition({}, [
          { id: 'accept', type: 'review', queue: { department: 'health', role: 'clerk' }, outcomes: { accept: 'joint' } },
          { id: 'joint', type: 'joint', participants: ['fire-rescue', 'health'], join: { quorum: 3 }, outcomes: { approve: 'end:approved', reject: 'end:rejected' } },
        ]),
      '$.steps[1].join.quorum',
      'definition.quorum_out_of_range',
    ],
    ['review step without a queue', () => definition({}, [{ id: 'accept', type: 'review', outcomes: { accept: 'end:approved' } }]), '$.steps[0].queue', 'definition.required'],
    [
      'duplicate ids',
      () =>
        definition({}, [
          { id: 'accept', type: 'review', queue: { department: 'health', role: 'clerk' }, outcomes: { accept: 'end:approved' } },
          { id: 'accept', type: 'certificate', outcomes: { done: 'end:approved' } },
        ]),
      '$.steps[1].id',
      'definition.duplicate_id',
    ],
    [
      'auto rule that does not parse',
      () =>
        definition({}, [
          { id: 'accept', type: 'review', queue: { department: 'health', role: 'clerk' }, outcomes: { accept: 'check' } },
          { id: 'check', type: 'auto', rule: 'form.floorArea <= ', outcomes: { true: 'end:approved', false: 'end:rejected' } },
        ]),
      '$.steps[1].rule',
      'definition.rule_invalid',
    ],
    [
      "auto rule that does not type-check against the item's form",
      () =>
        definition({}, [
          { id: 'accept', type: 'review', queue: { department: 'health', role: 'clerk' }, outcomes: { accept: 'check' } },
          { id: 'check', type: 'auto', rule: 'form.noSuchField > 3', outcomes: { true: 'end:approved', false: 'end:rejected' } },
        ]),
      '$.steps[1].rule',
      'definition.rule_invalid',
    ],
    ['unknown service item', () => definition({ serviceItem: 'NOPE-0001' }), '$.serviceItem', 'definition.unknown_service_item'],
  ];

  it.each(cases)('%s', async (_name, build, path, code) => {
    const result = await validate(build());
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path, code })]));
  });
});

describe('workflow versions', () => {
  it('saves drafts, publishes one, supersedes the previous, and returns what was posted', async () => {
    const first = definition();
    const created = await system.http().post('/api/workflows').set(auth(admin)).send(first).expect(201);
    expect(created.body).toEqual({ key: first.key, version: 1, status: 'draft' });
    expect((await system.http().get(`/api/workflows/${first.key}/versions/1`).set(auth(admin)).expect(200)).body).toEqual(first);

    await system.http().post(`/api/workflows/${first.key}/versions/1/publish`).set(auth(admin)).expect(200, { key: first.key, version: 1, status: 'published' });
    const second = { ...first, name: '测试流程（第二版）' };
    await system.http().post('/api/workflows').set(auth(admin)).send(second).expect(201, { key: first.key, version: 2, status: 'draft' });
    await system.http().post(`/api/workflows/${first.key}/versions/2/publish`).set(auth(admin)).expect(200);

    const described = (await system.http().get(`/api/workflows/${first.key}`).set(auth(admin)).expect(200)).body;
    expect(described.versions.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([
      [1, 'superseded'],
      [2, 'published'],
    ]);
    expect(described.versions[1].publishedAt).toBeTruthy();
    const again = await system.http().post(`/api/workflows/${first.key}/versions/1/publish`).set(auth(admin)).expect(409);
    expect(again.body.code).toBe('workflow.superseded');
  });

  it('refuses an invalid definition with 400 and its errors, and accepts YAML', async () => {
    const invalid = await system.http().post('/api/workflows').set(auth(admin)).send(definition({}, [{ id: 'accept', type: 'review', outcomes: {} }])).expect(400);
    expect(invalid.body).toMatchObject({ code: 'workflow.invalid', errors: expect.arrayContaining([expect.objectContaining({ path: '$.steps[0].queue' })]) });

    const key = `yaml-${randomUUID().slice(0, 8)}`;
    const yaml = `key: ${key}\nname: YAML 流程\nsteps:\n  - id: accept\n    type: review\n    queue: { department: health, role: clerk }\n    outcomes: { accept: end:approved, refuse: end:refused }\n`;
    await system.http().post('/api/workflows').set(auth(admin)).set('Content-Type', 'application/yaml').send(yaml).expect(201, { key, version: 1, status: 'draft' });
    const graph = (await system.http().get(`/api/workflows/${key}/versions/1/graph`).set(auth(admin)).expect(200)).body;
    expect(graph.edges.length).toBeGreaterThan(0);

    // A YAML document that is one string is no definition (it used to be read as YAML again and again, a 500).
    const scalar = await system.http().post('/api/workflows').set(auth(admin)).set('Content-Type', 'application/yaml').send('a=1&b[c]=2').expect(400);
    expect(scalar.body).toMatchObject({ code: 'workflow.invalid', errors: [{ path: '$' }] });
    const checked = await system.http().post('/api/workflows/validate').set(auth(admin)).set('Content-Type', 'application/yaml').send('just text').expect(200);
    expect(checked.body).toMatchObject({ valid: false, errors: [{ path: '$' }] });
  });

  it('keeps writing to admins and reading to staff', async () => {
    await system.http().post('/api/workflows/validate').set(auth(clerk)).send(definition()).expect(403);
    await system.http().get('/api/workflows/food-business-license').set(auth(clerk)).expect(200);
    await system.http().get('/api/workflows/no-such-flow').set(auth(admin)).expect(404);
  });
});
