import { describe, expect, it } from 'vitest';
import { guideErrors, itemTypeErrors, type ServiceGuide } from './guide-fields.js';
import { fieldCount, mergeBundleForm, mergeProperty, satisfies, splitBundleForm, type BundleItemForm } from './merge-form.js';

const guide: ServiceGuide = {
  itemType: 'promised',
  subjectTypes: ['enterprise', 'person'],
  legalBasis: ['《中华人民共和国食品安全法》第三十五条'],
  fee: { free: true },
  location: '南关区政务服务中心二楼市场监管窗口',
  officeHours: '周一至周五 8:30—11:30，13:00—17:00（法定节假日除外）',
  consultPhone: '0431-88776655',
  complaintPhone: '12345',
  onlineDepth: 'fully-online',
};

describe('guideErrors', () => {
  it('accepts a complete guide', () => {
    expect(guideErrors({ ...guide })).toEqual([]);
    expect(guideErrors({ ...guide, fee: { free: false, standard: '每证工本费10元', basis: '《关于规范收费的通知》（吉发改收费〔2020〕1号）' } })).toEqual([]);
  });

  it('names every missing field', () => {
    const paths = guideErrors({}).map((e) => e.path);
    expect(paths).toEqual(['itemType', 'subjectTypes', 'legalBasis', 'fee.free', 'location', 'officeHours', 'consultPhone', 'complaintPhone', 'onlineDepth']);
  });

  it('names the bad value', () => {
    const cases: [Partial<Record<keyof ServiceGuide, unknown>>, string][] = [
      [{ itemType: 'urgent' }, 'itemType'],
      [{ subjectTypes: ['person', 'robot'] }, 'subjectTypes[1]'],
      [{ subjectTypes: ['person', 'person'] }, 'subjectTypes[1]'],
      [{ legalBasis: ['食品安全法'] }, 'legalBasis[0]'],
      [{ legalBasis: ['《中华人民共和国食品安全法》'] }, 'legalBasis[0]'],
      [{ fee: { free: false, basis: '《吉林省行政事业性收费目录清单》第三项' } }, 'fee.standard'],
      [{ fee: { free: false, standard: '10元', basis: '物价局规定' } }, 'fee.basis'],
      [{ fee: { free: true, price: 3 } }, 'fee.price'],
      [{ consultPhone: 'call us' }, 'consultPhone'],
      [{ complaintPhone: '123' }, 'complaintPhone'],
      [{ onlineDepth: 'level-5' }, 'onlineDepth'],
      [{ location: '' }, 'location'],
    ];
    for (const [change, path] of cases) expect(guideErrors({ ...guide, ...change }).map((e) => e.path)).toEqual([path]);
  });

  it('prefixes paths', () => {
    expect(guideErrors({ ...guide, itemType: 'x' }, 'guide.')[0]!.path).toBe('guide.itemType');
  });

  it('holds an instant item to one working day', () => {
    expect(itemTypeErrors('instant', 1)).toEqual([]);
    expect(itemTypeErrors('instant', 5).map((e) => e.path)).toEqual(['itemType']);
    expect(itemTypeErrors('promised', 5)).toEqual([]);
  });
});

const text = (title: string, example: string, extra: Record<string, unknown> = {}) => ({ type: 'string', title, minLength: 2, maxLength: 60, examples: [example], ...extra });
const phone = { type: 'string', title: '联系电话', pattern: '^1[3-9]\\d{9}$', examples: ['13904318826'] };
const form = (required: string[], properties: Record<string, unknown>) => ({ type: 'object', required, additionalProperties: false, properties });

const licence: BundleItemForm = {
  code: 'A',
  name: '营业登记',
  formSchema: form(['tradeName', 'phone', 'businessScope'], {
    tradeName: text('名称', '长春市南关区福顺家常菜馆', { pattern: '^长春市.+馆$' }),
    phone,
    businessScope: { type: 'string', enum: ['餐饮服务', '食品销售'], examples: ['餐饮服务'] },
    employees: { type: 'integer', minimum: 1, maximum: 999, examples: [5] },
  }),
};
const food: BundleItemForm = {
  code: 'B',
  name: '食品经营许可',
  formSchema: form(['businessName', 'phone', 'businessScope', 'employees'], {
    businessName: text('经营者名称', '福顺家常菜馆'),
    phone: { ...phone, title: '电话' },
    businessScope: { type: 'string', enum: ['热食类食品制售', '冷食类食品制售'], examples: ['热食类食品制售'] },
    employees: { type: 'integer', minimum: 0, maximum: 2000, examples: [1500, 6] },
  }),
};

describe('mergeBundleForm', () => {
  it('refuses one name with two meanings, naming both items and the field', () => {
    const result = mergeBundleForm('开餐馆', [licence, food]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.conflicts).toEqual([{ field: 'businessScope', items: ['A', 'B'], itemFields: ['businessScope', 'businessScope'], reason: expect.stringContaining('enum') }]);
  });

  it('merges shared fields once, with owners, after mapping', () => {
    const result = mergeBundleForm('开餐馆', [licence, food], { B: { businessScope: 'foodBusinessScope', businessName: 'tradeName' } });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.keys(result.formSchema.properties as object)).toEqual(['tradeName', 'phone', 'businessScope', 'employees', 'foodBusinessScope']);
    expect(fieldCount(result.formSchema)).toBeLessThan(fieldCount(licence.formSchema) + fieldCount(food.formSchema));
    expect(result.fieldOwners).toEqual({ tradeName: ['A', 'B'], phone: ['A', 'B'], businessScope: ['A'], employees: ['A', 'B'], foodBusinessScope: ['B'] });
    // Required by either item: required in the bundle.
    expect(result.formSchema.required).toEqual(['tradeName', 'phone', 'businessScope', 'employees', 'foodBusinessScope']);
    const properties = result.formSchema.properties as Record<string, Record<string, unknown>>;
    // Bounds intersect; the example outside them is dropped; the stricter pattern stays.
    expect(properties.employees).toMatchObject({ minimum: 1, maximum: 999, examples: [5, 6] });
    expect(properties.tradeName).toMatchObject({ pattern: '^长春市.+馆$', title: '名称', examples: ['长春市南关区福顺家常菜馆'] });
    expect(result.formSchema.additionalProperties).toBe(false);
  });

  it('refuses a mapping onto an unknown item or field, or two fields onto one', () => {
    const result = mergeBundleForm('x', [licence, food], { C: { a: 'b' }, B: { nothing: 'x', businessName: 'phone' } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.mappingErrors.map((e) => e.path)).toEqual(['fieldMapping.C', 'fieldMapping.B.nothing', 'fieldMapping.B.businessName']);
  });

  it('merges nothing of differing types, formats, patterns or disjoint ranges', () => {
    expect(mergeProperty({ type: 'string' }, { type: 'integer' })).toMatchObject({ reason: expect.stringContaining('types') });
    expect(mergeProperty({ type: 'string', format: 'date' }, { type: 'string' })).toMatchObject({ reason: expect.stringContaining('formats') });
    expect(mergeProperty({ type: 'string', pattern: '^a$' }, { type: 'string', pattern: '^b$' })).toMatchObject({ reason: expect.stringContaining('patterns') });
    expect(mergeProperty({ type: 'integer', maximum: 3 }, { type: 'integer', minimum: 4 })).toMatchObject({ reason: expect.stringContaining('ranges') });
    expect(mergeProperty({ type: 'integer', exclusiveMaximum: 3 }, { type: 'integer', minimum: 3 })).toMatchObject({ reason: expect.stringContaining('ranges') });
    expect(mergeProperty({ type: 'string', maxLength: 3 }, { type: 'string', minLength: 4 })).toMatchObject({ reason: expect.stringContaining('lengths') });
    expect(mergeProperty({ type: 'integer', maximum: 3, examples: [3] }, { type: 'integer', minimum: 2, examples: [9] })).toMatchObject({ schema: { minimum: 2, maximum: 3, examples: [3] } });
    expect(mergeProperty({ type: 'integer', maximum: 3, examples: [1] }, { type: 'integer', minimum: 2, examples: [9] })).toMatchObject({ reason: expect.stringContaining('example') });
    expect(mergeProperty({ type: 'string', enum: ['a', 'b'] }, { type: 'string', enum: ['b', 'a'] })).toMatchObject({ schema: { enum: ['a', 'b'] } });
    expect(mergeProperty({ type: 'string', enum: ['a'] }, { type: 'string' })).toMatchObject({ reason: expect.stringContaining('enum') });
    expect(mergeProperty({ type: 'number', multipleOf: 1 }, { type: 'number', multipleOf: 0.5 })).toMatchObject({ reason: expect.stringContaining('multipleOf') });
  });

  it('accepts in the merged field only what every owner accepts', () => {
    const a = { type: 'number', exclusiveMinimum: 0, maximum: 100, examples: [50] };
    const b = { type: 'number', minimum: 10, maximum: 2000, examples: [20] };
    const merged = (mergeProperty(a, b) as { schema: Record<string, unknown> }).schema;
    for (const value of [-1, 0, 5, 10, 50, 100, 101, 1999, 2001]) {
      expect(satisfies(value, merged)).toBe(satisfies(value, a) && satisfies(value, b));
    }
  });
});

describe('splitBundleForm', () => {
  it("gives each item exactly its own fields, under its own names", () => {
    const mapping = { B: { businessScope: 'foodBusinessScope', businessName: 'tradeName' } };
    const filled = { tradeName: '长春市南关区福顺家常菜馆', phone: '13904318826', businessScope: '餐饮服务', employees: 6, foodBusinessScope: '热食类食品制售' };
    expect(splitBundleForm(filled, [licence, food], mapping)).toEqual({
      A: { tradeName: '长春市南关区福顺家常菜馆', phone: '13904318826', businessScope: '餐饮服务', employees: 6 },
      B: { businessName: '长春市南关区福顺家常菜馆', phone: '13904318826', businessScope: '热食类食品制售', employees: 6 },
    });
  });

  it('leaves out what was not filled', () => {
    expect(splitBundleForm({ phone: '13904318826' }, [licence, food])).toEqual({ A: { phone: '13904318826' }, B: { phone: '13904318826' } });
  });
});
