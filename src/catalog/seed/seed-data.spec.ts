import { Environment } from '@marcbachmann/cel-js';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { fieldCount, guideErrors, itemTypeErrors, mergeBundleForm } from '@app/service-guide';
import { describe, expect, it } from 'vitest';

import {
  type FormProperty,
  type PersonAccount,
  type ServiceItem,
  type WorkflowDefinition,
  type WorkflowStep,
  seedAccounts,
  seedBundles,
  seedDepartments,
  seedServiceItems,
  seedWorkflows,
} from './index.js';

// ---------------------------------------------------------------------------------------
// Helpers

const duplicates = (values: readonly string[]): string[] =>
  values.filter((value, index) => values.indexOf(value) !== index);

const departmentCodes = new Set<string>(seedDepartments.map((d) => d.code));
const itemsByCode = new Map(seedServiceItems.map((item) => [item.code, item]));
const workflowsByKey = new Map(seedWorkflows.map((wf) => [wf.key, wf]));

const isEnd = (target: string): boolean =>
  ['end:approved', 'end:rejected', 'end:refused', 'end:completed'].includes(target);

const targetsOf = (step: WorkflowStep): string[] =>
  Object.values(step.outcomes as Record<string, string | undefined>).filter(
    (t): t is string => t !== undefined,
  );

const departmentsOf = (step: WorkflowStep): string[] =>
  step.type === 'review' ? [step.queue.department] : step.type === 'joint' ? [...step.participants] : [];

/** Step ids reachable from the first step. */
function reachable(wf: WorkflowDefinition): Set<string> {
  const byId = new Map(wf.steps.map((s) => [s.id, s]));
  const seen = new Set<string>();
  const stack = [wf.steps[0]!.id];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const target of targetsOf(byId.get(id)!)) if (!isEnd(target)) stack.push(target);
  }
  return seen;
}

/** Step ids from which some end can be reached (fixpoint over the reverse graph). */
function canFinish(wf: WorkflowDefinition): Set<string> {
  const done = new Set<string>();
  let changed = true;
  while (changed) {
    changed = false;
    for (const step of wf.steps) {
      if (done.has(step.id)) continue;
      if (targetsOf(step).some((t) => isEnd(t) || done.has(t))) {
        done.add(step.id);
        changed = true;
      }
    }
  }
  return done;
}

/** The longest sum of SLAs over loop-free paths (timers pause the clock, auto steps are instant). */
function longestSla(wf: WorkflowDefinition): number {
  const byId = new Map(wf.steps.map((s) => [s.id, s]));
  const walk = (id: string, visited: Set<string>): number => {
    const step = byId.get(id)!;
    const own = 'sla' in step ? step.sla.workingDays : 0;
    const next = targetsOf(step)
      .filter((t) => !isEnd(t) && !visited.has(t))
      .map((t) => walk(t, new Set([...visited, t])));
    return own + Math.max(0, ...next);
  };
  const first = wf.steps[0]!.id;
  return walk(first, new Set([first]));
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** GB 11643: ISO 7064 MOD 11-2 check character of a 居民身份证 number. */
const idCheckChar = (first17: string): string =>
  '10X98765432'[[...first17].reduce((sum, c, i) => sum + Number(c) * ID_WEIGHTS[i]!, 0) % 11]!;
const isValidIdNumber = (id: string): boolean =>
  /^\d{17}[\dX]$/.test(id) && idCheckChar(id.slice(0, 17)) === id[17];

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** GB 32100-2015 check character of a 统一社会信用代码. */
const usccCheckChar = (first17: string): string =>
  USCC_ALPHABET[
    (31 - ([...first17].reduce((sum, c, i) => sum + USCC_ALPHABET.indexOf(c) * USCC_WEIGHTS[i]!, 0) % 31)) % 31
  ]!;
const isValidUscc = (code: string): boolean =>
  /^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code) && usccCheckChar(code.slice(0, 17)) === code[17];
/** GB 11714 check character of the 组织机构代码 embedded at positions 9–17 of a USCC. */
const orgCodeCheckChar = (first8: string): string => {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  const value = (c: string) => (/\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55);
  const check = 11 - ([...first8].reduce((sum, c, i) => sum + value(c) * weights[i]!, 0) % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
};

// ajv ships CommonJS; under `nodenext` the default import is the module object.
type AjvClass = typeof Ajv2020.default;
const AjvCtor: AjvClass = (Ajv2020 as unknown as { default?: AjvClass }).default ?? (Ajv2020 as unknown as AjvClass);
type AddFormats = typeof addFormats.default;
const applyFormats: AddFormats =
  (addFormats as unknown as { default?: AddFormats }).default ?? (addFormats as unknown as AddFormats);

const newAjv = () => {
  const ajv = new AjvCtor({ strict: true, allErrors: true });
  applyFormats(ajv);
  return ajv;
};

const firstExamples = (item: ServiceItem): Record<string, unknown> =>
  Object.fromEntries(Object.entries(item.formSchema.properties).map(([name, p]) => [name, p.examples[0]]));

const celType = (p: FormProperty): string =>
  p.type === 'integer' ? 'int' : p.type === 'number' ? 'double' : p.type === 'boolean' ? 'bool' : 'string';

const celValue = (p: FormProperty, value: unknown): unknown =>
  p.type === 'integer' ? BigInt(value as number) : value;

const APPLICANT_FACTS = {
  age: 'int',
  creditLevel: 'string',
  hukouDistrict: 'string',
  disabilityLevel: 'int',
  monthlyIncome: 'double',
  isEnterprise: 'bool',
} as const;

const ruleEnvironment = (item: ServiceItem) =>
  new Environment()
    .registerVariable({
      name: 'form',
      schema: Object.fromEntries(Object.entries(item.formSchema.properties).map(([n, p]) => [n, celType(p)])),
    })
    .registerVariable({ name: 'applicant', schema: { ...APPLICANT_FACTS } });

const autoSteps = seedWorkflows.flatMap((wf) =>
  wf.steps.flatMap((step) => (step.type === 'auto' ? [{ wf, step }] : [])),
);

// ---------------------------------------------------------------------------------------

describe('departments', () => {
  it('has at least 10 departments with unique kebab-case codes and Chinese names', () => {
    expect(seedDepartments.length).toBeGreaterThanOrEqual(10);
    expect(duplicates(seedDepartments.map((d) => d.code))).toEqual([]);
    expect(duplicates(seedDepartments.map((d) => d.name))).toEqual([]);
    for (const d of seedDepartments) {
      expect(d.code).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(d.name).toMatch(/南关/);
    }
  });
});

describe('service items', () => {
  it('has at least 10 items with unique codes and workflow keys', () => {
    expect(seedServiceItems.length).toBeGreaterThanOrEqual(10);
    expect(duplicates(seedServiceItems.map((i) => i.code))).toEqual([]);
    expect(duplicates(seedServiceItems.map((i) => i.name))).toEqual([]);
    expect(duplicates(seedServiceItems.map((i) => i.workflowKey))).toEqual([]);
    for (const item of seedServiceItems) expect(item.code).toMatch(/^2201-[A-Z]{2}-\d{4}$/);
  });

  it.each(seedServiceItems.map((i) => [i.code, i] as const))('%s belongs to a known department and has sane limits', (_, item) => {
    expect(departmentCodes.has(item.departmentCode)).toBe(true);
    expect(Number.isInteger(item.statutoryDays) && Number.isInteger(item.promisedDays)).toBe(true);
    expect(item.promisedDays).toBeGreaterThan(0);
    expect(item.promisedDays).toBeLessThan(item.statutoryDays);
  });

  it.each(seedServiceItems.map((i) => [i.code, i] as const))('%s lists materials with unique keys', (_, item) => {
    expect(item.materials.some((m) => m.required)).toBe(true);
    expect(duplicates(item.materials.map((m) => m.key))).toEqual([]);
    // A tolerant material is a required one that may arrive after acceptance.
    for (const m of item.materials) if (m.tolerant) expect(m.required).toBe(true);
  });

  it('offers 容缺受理 on several items', () => {
    expect(seedServiceItems.filter((i) => i.materials.some((m) => m.tolerant)).length).toBeGreaterThanOrEqual(3);
  });

  it('gives one material key one name across items, so bundles can share uploads', () => {
    const names = new Map<string, string>();
    for (const item of seedServiceItems)
      for (const m of item.materials) {
        const known = names.get(m.key);
        if (known !== undefined) expect(`${m.key}: ${m.name}`).toBe(`${m.key}: ${known}`);
        names.set(m.key, m.name);
      }
  });
});

describe('form schemas', () => {
  const ajv = newAjv();

  it.each(seedServiceItems.map((i) => [i.code, i] as const))('%s is a strict, closed 2020-12 schema', (_, item) => {
    const schema = item.formSchema;
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBe(false);
    expect(duplicates([...schema.required])).toEqual([]);
    for (const name of schema.required) expect(Object.keys(schema.properties)).toContain(name);
    for (const [name, p] of Object.entries(schema.properties)) {
      expect(name).toMatch(/^[a-z][a-zA-Z0-9]*$/);
      expect(p.title).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(() => ajv.compile(schema)).not.toThrow();
  });

  it.each(seedServiceItems.map((i) => [i.code, i] as const))('%s: every property example is valid', (_, item) => {
    for (const [name, property] of Object.entries(item.formSchema.properties)) {
      expect(property.examples.length, name).toBeGreaterThanOrEqual(1);
      const validate = ajv.compile(property);
      for (const example of property.examples) {
        const ok = validate(example);
        expect(ok, `${item.code}.${name} = ${JSON.stringify(example)}: ${ajv.errorsText(validate.errors)}`).toBe(true);
      }
    }
  });

  it.each(seedServiceItems.map((i) => [i.code, i] as const))('%s: the first examples form a valid application', (_, item) => {
    const validate = ajv.compile(item.formSchema);
    const sample = firstExamples(item);
    expect(validate(sample), ajv.errorsText(validate.errors)).toBe(true);
    // The schema is closed and its requirements bite.
    expect(validate({ ...sample, unexpected: 'x' })).toBe(false);
    const [firstRequired] = item.formSchema.required;
    if (firstRequired !== undefined) {
      const { [firstRequired]: _dropped, ...rest } = sample;
      expect(validate(rest)).toBe(false);
    }
  });

  it('rejects a malformed phone number wherever a phone is asked for', () => {
    const phones = seedServiceItems.filter((i) => 'phone' in i.formSchema.properties);
    expect(phones.length).toBeGreaterThan(0);
    for (const item of phones) {
      const validate = ajv.compile(item.formSchema.properties['phone']!);
      expect(validate('13904318826')).toBe(true);
      expect(validate('12904318826')).toBe(false);
      expect(validate('0431-88888888')).toBe(false);
    }
  });

  it('uses ID numbers and credit codes with correct check characters as examples', () => {
    for (const item of seedServiceItems)
      for (const [name, p] of Object.entries(item.formSchema.properties)) {
        if (p.type !== 'string') continue;
        for (const example of p.examples) {
          if (/^\d{17}[\dX]$/.test(example)) expect(isValidIdNumber(example), `${item.code}.${name}`).toBe(true);
          if (name === 'uscc') expect(isValidUscc(example), `${item.code}.${name}`).toBe(true);
          if (name === 'disabilityCertNo') expect(isValidIdNumber(example.slice(0, 18))).toBe(true);
        }
      }
  });
});

describe('workflows', () => {
  it('has exactly one workflow per service item, with the same key, item and limits', () => {
    expect(duplicates(seedWorkflows.map((wf) => wf.key))).toEqual([]);
    expect(seedWorkflows.length).toBe(seedServiceItems.length);
    for (const item of seedServiceItems) {
      const wf = workflowsByKey.get(item.workflowKey);
      expect(wf, item.code).toBeDefined();
      expect(wf!.serviceItem).toBe(item.code);
      expect(wf!.limits).toEqual({ statutoryDays: item.statutoryDays, promisedDays: item.promisedDays });
    }
  });

  it.each(seedWorkflows.map((wf) => [wf.key, wf] as const))('%s is well formed', (_, wf) => {
    const item = itemsByCode.get(wf.serviceItem)!;
    const ids = wf.steps.map((s) => s.id);
    expect(duplicates(ids)).toEqual([]);

    const [first] = wf.steps;
    expect(first).toMatchObject({
      id: 'accept',
      type: 'review',
      queue: { department: item.departmentCode, role: 'clerk' },
    });
    expect(first!.outcomes).toMatchObject({ refuse: 'end:refused' });

    for (const step of wf.steps) {
      expect(step.name).toMatch(/[\u4e00-\u9fff]/);
      for (const target of targetsOf(step)) expect(isEnd(target) || ids.includes(target), `${step.id} -> ${target}`).toBe(true);
      for (const dept of departmentsOf(step)) expect(departmentCodes.has(dept), `${step.id}: ${dept}`).toBe(true);
      if ('sla' in step) expect(step.sla.workingDays).toBeGreaterThan(0);
      if (step.type === 'joint') {
        expect(step.participants.length).toBeGreaterThanOrEqual(2);
        expect(duplicates([...step.participants])).toEqual([]);
        if (typeof step.join === 'object') {
          expect(step.join.quorum).toBeGreaterThanOrEqual(1);
          expect(step.join.quorum).toBeLessThanOrEqual(step.participants.length);
        }
      }
      if (step.type === 'certificate') expect(['end:approved', 'end:completed']).toContain(step.outcomes.done);
    }
  });

  it.each(seedWorkflows.map((wf) => [wf.key, wf] as const))('%s: every step is reachable and can finish', (_, wf) => {
    expect([...reachable(wf)].sort()).toEqual(wf.steps.map((s) => s.id).sort());
    expect([...canFinish(wf)].sort()).toEqual(wf.steps.map((s) => s.id).sort());
  });

  it.each(seedWorkflows.map((wf) => [wf.key, wf] as const))('%s: the step SLAs fit in the statutory limit', (_, wf) => {
    expect(longestSla(wf)).toBeLessThanOrEqual(wf.limits.statutoryDays);
  });

  it('exercises every capability: joint (all and quorum), auto, paused 公示, certificates', () => {
    const steps = seedWorkflows.flatMap((wf) => wf.steps);
    expect(steps.some((s) => s.type === 'joint' && s.join === 'all')).toBe(true);
    expect(steps.some((s) => s.type === 'joint' && typeof s.join === 'object')).toBe(true);
    expect(steps.some((s) => s.type === 'auto')).toBe(true);
    expect(steps.some((s) => s.type === 'timer' && s.pausesClock)).toBe(true);
    expect(steps.some((s) => s.type === 'certificate')).toBe(true);
    // 最低生活保障 is publicised for 7 days before it is confirmed.
    const dibao = workflowsByKey.get('minimum-living-allowance')!;
    expect(dibao.steps).toContainEqual(expect.objectContaining({ type: 'timer', duration: { calendarDays: 7 } }));
  });

  it.each(autoSteps.map(({ wf, step }) => [`${wf.key}/${step.id}`, wf, step] as const))(
    '%s: the rule type-checks to bool against the form schema and applicant facts',
    (_, wf, step) => {
      if (step.type !== 'auto') throw new Error('not an auto step');
      const item = itemsByCode.get(wf.serviceItem)!;
      const env = ruleEnvironment(item);
      const result = env.check(step.rule);
      expect(result.valid, result.valid ? '' : result.error?.message).toBe(true);
      expect(String(result.type)).toBe('bool');

      // And it evaluates on the example application for a typical applicant.
      const formValue = Object.fromEntries(
        Object.entries(item.formSchema.properties).map(([n, p]) => [n, celValue(p, p.examples[0])]),
      );
      const applicant = {
        age: 45n,
        creditLevel: 'A',
        hukouDistrict: '南关区',
        disabilityLevel: 0n,
        monthlyIncome: 5200.0,
        isEnterprise: false,
      };
      expect(typeof env.evaluate(step.rule, { form: formValue, applicant })).toBe('boolean');
    },
  );

  it.each(autoSteps.map(({ wf, step }) => [`${wf.key}/${step.id}`, wf, step] as const))(
    '%s: double form fields are compared with double literals',
    (_, wf, step) => {
      if (step.type !== 'auto') throw new Error('not an auto step');
      const properties = itemsByCode.get(wf.serviceItem)!.formSchema.properties;
      // cel-js tolerates `double <= int`, but the SQL compiler and stricter CEL checkers do not.
      const comparisons = [
        ...step.rule.matchAll(/form\.(\w+)\s*(?:<=|>=|<|>|==|!=)\s*(-?\d+(?:\.\d+)?)/g),
        ...step.rule.matchAll(/(-?\d+(?:\.\d+)?)\s*(?:<=|>=|<|>|==|!=)\s*form\.(\w+)/g),
      ].map((m) => (m[1]!.startsWith('-') || /^\d/.test(m[1]!) ? { field: m[2]!, literal: m[1]! } : { field: m[1]!, literal: m[2]! }));
      for (const { field, literal } of comparisons) {
        const type = properties[field]?.type;
        if (type === 'number') expect(literal, `form.${field}`).toMatch(/\./);
        if (type === 'integer') expect(literal, `form.${field}`).not.toMatch(/\./);
      }
    },
  );

  it('lets the 80-year-old citizen through the 高龄津贴 秒批, and not the 45-year-old', () => {
    const item = itemsByCode.get('2201-MZ-0002')!;
    const rule = workflowsByKey.get(item.workflowKey)!.steps.find((s) => s.type === 'auto');
    if (rule?.type !== 'auto') throw new Error('高龄津贴 has no auto step');
    const env = ruleEnvironment(item);
    const form = firstExamples(item);
    const facts = (age: number) => ({
      age: BigInt(age),
      creditLevel: 'B',
      hukouDistrict: '南关区',
      disabilityLevel: 0n,
      monthlyIncome: 2350.0,
      isEnterprise: false,
    });
    expect(env.evaluate(rule.rule, { form, applicant: facts(83) })).toBe(true);
    expect(env.evaluate(rule.rule, { form, applicant: facts(45) })).toBe(false);
  });
});

describe('bundles', () => {
  it('has unique codes and only known items', () => {
    expect(seedBundles.length).toBeGreaterThanOrEqual(2);
    expect(duplicates(seedBundles.map((b) => b.code))).toEqual([]);
    for (const bundle of seedBundles) {
      expect(bundle.serviceItemCodes.length).toBeGreaterThanOrEqual(2);
      expect(duplicates([...bundle.serviceItemCodes])).toEqual([]);
      for (const code of bundle.serviceItemCodes) expect(itemsByCode.has(code), `${bundle.code}: ${code}`).toBe(true);
      expect(['fail-bundle', 'finish-rest']).toContain(bundle.failurePolicy);
    }
  });

  it('我要开餐馆 spans four distinct departments', () => {
    const restaurant = seedBundles.find((b) => b.name === '我要开餐馆');
    expect(restaurant).toBeDefined();
    const departments = new Set(restaurant!.serviceItemCodes.map((code) => itemsByCode.get(code)!.departmentCode));
    expect(departments.size).toBeGreaterThanOrEqual(4);
  });
});

describe('service guides (实施清单)', () => {
  it('every item publishes valid 实施清单 fields; a one-day item is 即办件', () => {
    for (const item of seedServiceItems) {
      expect(guideErrors(item as unknown as Record<string, unknown>), item.code).toEqual([]);
      expect(itemTypeErrors(item.itemType, item.promisedDays), item.code).toEqual([]);
    }
    expect(itemsByCode.get('2201-SC-0001')?.legalBasis).toContain('《中华人民共和国食品安全法》第三十五条');
    expect(seedServiceItems.filter((item) => item.itemType === 'instant').map((item) => item.code).sort()).toEqual(['2201-HB-0001', '2201-RS-0001', '2201-SC-0002']);
  });
});

describe('bundle forms (一表申请)', () => {
  it('each bundle merges into one form smaller than its items’ forms together', () => {
    for (const bundle of seedBundles) {
      const items = bundle.serviceItemCodes.map((code) => itemsByCode.get(code)!);
      const merged = mergeBundleForm(bundle.name, items.map((item) => ({ code: item.code, name: item.name, formSchema: item.formSchema as unknown as Record<string, unknown> })), bundle.fieldMapping);
      expect(merged.ok, bundle.code).toBe(true);
      if (!merged.ok) continue;
      expect(fieldCount(merged.formSchema)).toBeLessThan(items.reduce((n, item) => n + Object.keys(item.formSchema.properties).length, 0));
    }
  });

  it('我要开餐馆 without its mapping conflicts on businessScope (经营范围 vs 经营项目)', () => {
    const bundle = seedBundles.find((b) => b.code === 'open-restaurant')!;
    const items = bundle.serviceItemCodes.map((code) => itemsByCode.get(code)!);
    const merged = mergeBundleForm(bundle.name, items.map((item) => ({ code: item.code, name: item.name, formSchema: item.formSchema as unknown as Record<string, unknown> })));
    expect(merged.ok).toBe(false);
    if (merged.ok) return;
    expect(merged.conflicts.map((c) => c.field)).toEqual(['businessScope']);
  });
});

describe('accounts', () => {
  const byName = new Map(seedAccounts.map((a) => [a.username, a]));

  it('has the accounts API.md promises, with unique usernames', () => {
    expect(duplicates(seedAccounts.map((a) => a.username))).toEqual([]);
    expect(byName.get('admin')?.roles).toEqual(['admin']);
    expect(byName.get('supervisor')?.roles).toEqual(['supervisor']);
    for (const username of ['citizen1', 'citizen2', 'enterprise1'])
      expect(byName.get(username)?.roles, username).toEqual(['citizen']);
    expect(byName.get('enterprise1')?.kind).toBe('enterprise');
    for (const a of seedAccounts) expect(a.displayName).toMatch(/[\u4e00-\u9fff]/);
    // No secrets in the seed.
    for (const a of seedAccounts) expect(Object.keys(a).some((k) => /pass|secret|hash/i.test(k))).toBe(false);
  });

  it('has one clerk per department, named clerk.<departmentCode>', () => {
    for (const { code } of seedDepartments) {
      const clerk = byName.get(`clerk.${code}`);
      expect(clerk, code).toMatchObject({ kind: 'staff', roles: ['clerk'], departmentCode: code });
    }
    const clerks = seedAccounts.filter((a) => a.roles.includes('clerk'));
    expect(clerks.length).toBe(seedDepartments.length);
  });

  it.each(['citizen1', 'citizen2'])('%s has a valid 南关区 ID number that agrees with birth date and gender', (username) => {
    const person = byName.get(username) as PersonAccount;
    expect(person.kind).toBe('person');
    expect(isValidIdNumber(person.idNumber)).toBe(true);
    expect(person.idNumber.slice(0, 6)).toBe('220102');
    expect(person.idNumber.slice(6, 14)).toBe(person.birthDate.replaceAll('-', ''));
    expect(Number(person.idNumber[16]) % 2 === 1 ? 'M' : 'F').toBe(person.gender);
    expect(person.hukouDistrict).toBe('南关区');
    expect(['A', 'B', 'C', 'D']).toContain(person.creditLevel);
    expect(person.phone).toMatch(/^1[3-9]\d{9}$/);
  });

  it('enterprise1 acts for a company with a valid 统一社会信用代码', () => {
    const company = byName.get('enterprise1');
    if (company?.kind !== 'enterprise') throw new Error('enterprise1 is not an enterprise account');
    expect(isValidUscc(company.uscc)).toBe(true);
    expect(company.uscc.slice(2, 8)).toBe('220102');
    expect(orgCodeCheckChar(company.uscc.slice(8, 16))).toBe(company.uscc[16]);
    expect(isValidIdNumber(company.legalRepresentativeIdNumber)).toBe(true);
  });

  it('the check-character functions catch a changed digit', () => {
    expect(isValidIdNumber('220102198503141231')).toBe(true);
    expect(isValidIdNumber('220102198503141232')).toBe(false);
    expect(isValidUscc('91220102MA17Q5C827')).toBe(true);
    expect(isValidUscc('91220102MA17Q5C828')).toBe(false);
    // Published examples: GB 11643's 11010519491231002X and a well-known USCC.
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidUscc('91350100M000100Y43')).toBe(true);
  });
});
