/**
 * The 实施清单 fields a service guide (办事指南) publishes for every item, and their check. Pure data: the
 * catalogue module calls `guideErrors` on every write and the portal shows the same fields.
 */

export interface FieldProblem {
  path: string;
  message: string;
}

/** 事项类型: 即办件 (decided on the spot) or 承诺件 (decided within the promised limit). */
export const ITEM_TYPES = ['instant', 'promised'] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

/** 服务对象: 自然人 and/or 法人 (enterprises and other organisations). */
export const SUBJECT_TYPES = ['person', 'enterprise'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];

/**
 * 网办深度, the four levels of the national standard for online services:
 * 一级 information only, 二级 online pre-review, 三级 online acceptance (at most one visit, 最多跑一次),
 * 四级 fully online (全程网办, no visit).
 */
export const ONLINE_DEPTHS = ['information', 'online-prereview', 'online-acceptance', 'fully-online'] as const;
export type OnlineDepth = (typeof ONLINE_DEPTHS)[number];

/** 收费: free, or the standard charged and the document that sets it. */
export interface Fee {
  free: boolean;
  standard?: string;
  basis?: string;
}

export interface ServiceGuide {
  itemType: ItemType;
  subjectTypes: SubjectType[];
  /** 设定依据: each entry names a law or regulation and its article, e.g. 《中华人民共和国食品安全法》第三十五条. */
  legalBasis: string[];
  fee: Fee;
  /** 办理地点 */
  location: string;
  /** 办公时间 */
  officeHours: string;
  /** 咨询电话 */
  consultPhone: string;
  /** 监督投诉电话 */
  complaintPhone: string;
  onlineDepth: OnlineDepth;
}

export const GUIDE_FIELDS = [
  'itemType',
  'subjectTypes',
  'legalBasis',
  'fee',
  'location',
  'officeHours',
  'consultPhone',
  'complaintPhone',
  'onlineDepth',
] as const satisfies readonly (keyof ServiceGuide)[];

/**
 * A citation names a document in 《》 and where in it: an article, clause, item, chapter or part (第…条),
 * an appendix, or, for a policy document without articles, its number (国发〔2015〕52号) or a standard's (GB/T …).
 */
const CITATION = /^《[^《》]{2,80}》.{0,80}(第[一二三四五六七八九十百零〇\d]+(条|款|项|章|节|部分)|附件|〔\d{4}〕\d+号|GB(\/T)? ?\d)/u;
/** Landline with area code (0431-88776655), a mobile number, or a short service number (12345, 12315). */
const PHONE = /^(0\d{2,3}-?\d{7,8}(-\d{1,6})?|1[3-9]\d{9}|1\d{4})$/;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function text(value: unknown, path: string, min: number, max: number, errors: FieldProblem[]): void {
  if (typeof value !== 'string') errors.push({ path, message: 'required text' });
  else if (value.trim().length < min || value.length > max) errors.push({ path, message: `must be ${min}–${max} characters` });
}

function phone(value: unknown, path: string, errors: FieldProblem[]): void {
  if (typeof value !== 'string') errors.push({ path, message: 'required phone number' });
  else if (!PHONE.test(value)) errors.push({ path, message: 'must be a phone number such as 0431-88776655, a mobile number or a service number such as 12345' });
}

/** Every problem with the 实施清单 fields of `input` (a service item body), with paths relative to `prefix`. */
export function guideErrors(input: Record<string, unknown>, prefix = ''): FieldProblem[] {
  const at = (field: string) => `${prefix}${field}`;
  const errors: FieldProblem[] = [];
  if (!(ITEM_TYPES as readonly unknown[]).includes(input.itemType)) {
    errors.push({ path: at('itemType'), message: `must be one of ${ITEM_TYPES.join(', ')} (即办件 / 承诺件)` });
  }
  const subjects = input.subjectTypes;
  if (!Array.isArray(subjects) || subjects.length === 0) {
    errors.push({ path: at('subjectTypes'), message: `a non-empty list of ${SUBJECT_TYPES.join(', ')}` });
  } else {
    subjects.forEach((subject, index) => {
      if (!(SUBJECT_TYPES as readonly unknown[]).includes(subject)) errors.push({ path: at(`subjectTypes[${index}]`), message: `must be one of ${SUBJECT_TYPES.join(', ')}` });
      else if (subjects.indexOf(subject) !== index) errors.push({ path: at(`subjectTypes[${index}]`), message: `"${String(subject)}" is listed twice` });
    });
  }
  const basis = input.legalBasis;
  if (!Array.isArray(basis) || basis.length === 0) {
    errors.push({ path: at('legalBasis'), message: 'name at least one law or regulation and its article, e.g. 《中华人民共和国食品安全法》第三十五条' });
  } else {
    basis.forEach((entry, index) => {
      if (typeof entry !== 'string' || entry.length > 300 || !CITATION.test(entry)) {
        errors.push({ path: at(`legalBasis[${index}]`), message: 'must cite a document in 《》 and its article (第…条), at most 300 characters' });
      }
    });
  }
  const fee = input.fee;
  if (!isRecord(fee) || typeof fee.free !== 'boolean') {
    errors.push({ path: at('fee.free'), message: 'fee needs `free`: true or false' });
  } else if (!fee.free) {
    text(fee.standard, at('fee.standard'), 2, 200, errors);
    text(fee.basis, at('fee.basis'), 4, 300, errors);
    if (typeof fee.basis === 'string' && !fee.basis.includes('《')) errors.push({ path: at('fee.basis'), message: 'name the document that sets the charge, in 《》' });
  } else {
    for (const key of ['standard', 'basis'] as const) {
      if (fee[key] !== undefined && typeof fee[key] !== 'string') errors.push({ path: at(`fee.${key}`), message: 'must be text when given' });
    }
  }
  if (isRecord(fee)) {
    for (const key of Object.keys(fee)) if (!['free', 'standard', 'basis'].includes(key)) errors.push({ path: at(`fee.${key}`), message: 'unknown fee field' });
  }
  text(input.location, at('location'), 4, 200, errors);
  text(input.officeHours, at('officeHours'), 4, 200, errors);
  phone(input.consultPhone, at('consultPhone'), errors);
  phone(input.complaintPhone, at('complaintPhone'), errors);
  if (!(ONLINE_DEPTHS as readonly unknown[]).includes(input.onlineDepth)) {
    errors.push({ path: at('onlineDepth'), message: `must be one of ${ONLINE_DEPTHS.join(', ')}` });
  }
  return errors;
}

/** A 即办件 is decided on the spot: its promised limit is one working day at most. */
export function itemTypeErrors(itemType: unknown, promisedDays: unknown, prefix = ''): FieldProblem[] {
  if (itemType === 'instant' && typeof promisedDays === 'number' && promisedDays > 1) {
    return [{ path: `${prefix}itemType`, message: 'an instant item (即办件) is decided within one working day; the promised limit says otherwise' }];
  }
  return [];
}
