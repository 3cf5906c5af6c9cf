import { parse } from '@marcbachmann/cel-js';
import { type ASTNode, constantOf, selectionPath } from './cel-ast.js';

/**
 * How a registry field reads in plain Chinese: its label and unit, and (where the plain wording is not
 * "label + comparison") the phrases a person would use, e.g. 年满 80 周岁 rather than 年龄不低于 80 岁.
 */
export interface FieldLabel {
  readonly label: string;
  readonly unit?: string;
  /** `field >= v` */
  readonly atLeast?: (value: string) => string;
  /** `field == v` */
  readonly is?: (value: string) => string;
  /** A boolean field that holds, and that does not. */
  readonly yes?: string;
  readonly no?: string;
  /** The fact as the subject reads it: 84 -> 84 岁. */
  readonly fact?: (value: string) => string;
}

export type FieldLabels = Readonly<Record<string, FieldLabel>>;

/** The registry person (personType) in words, by the path a rule reads. */
export const personLabels: FieldLabels = {
  'person.age': { label: '年龄', unit: '岁', atLeast: (v) => `年满 ${v} 周岁`, fact: (v) => `${v} 岁` },
  'person.hukouDistrict': { label: '户籍所在区', is: (v) => `户籍在${v}`, fact: (v) => `户籍${v}` },
  'person.gender': { label: '性别' },
  'person.birthDate': { label: '出生日期' },
  'person.disabilityLevel': { label: '残疾等级', unit: '级' },
  'person.monthlyIncome': { label: '月收入', unit: '元' },
  'person.householdSize': { label: '家庭人口', unit: '人' },
  'person.name': { label: '姓名' },
  'person.idNumber': { label: '身份证号' },
  'person.phone': { label: '手机号' },
};

/** The registry enterprise (enterpriseType) in words. */
export const enterpriseLabels: FieldLabels = {
  'enterprise.name': { label: '企业名称' },
  'enterprise.uscc': { label: '统一社会信用代码' },
  'enterprise.type': { label: '企业类型' },
  'enterprise.industry': { label: '所属行业' },
  'enterprise.employees': { label: '职工人数', unit: '人' },
  'enterprise.registeredAt': { label: '成立日期' },
  'enterprise.layoffsLastYear': { label: '上年裁员人数', unit: '人' },
  'enterprise.socialInsuranceArrears': { label: '社保欠费', yes: '有社保欠费', no: '无社保欠费' },
  'enterprise.yearsSinceRegistration': { label: '成立年限', unit: '年', atLeast: (v) => `成立满 ${v} 年` },
};

/** When a rule uses something these words cannot say exactly, they say only this, never a guess. */
export const GENERAL_CONDITION = '符合本政策规定的条件';

const COMPARISONS: Record<string, (label: string, value: string, unit: string) => string> = {
  '>=': (l, v, u) => `${l}不低于 ${v}${u}`,
  '>': (l, v, u) => `${l}高于 ${v}${u}`,
  '<=': (l, v, u) => `${l}不超过 ${v}${u}`,
  '<': (l, v, u) => `${l}低于 ${v}${u}`,
  '==': (l, v, u) => `${l}为${v}${u}`,
  '!=': (l, v, u) => `${l}不是${v}${u}`,
};

/** The mirror of an operator, for `80 <= person.age`. */
const MIRRORED: Record<string, string> = { '>=': '<=', '>': '<', '<=': '>=', '<': '>', '==': '==', '!=': '!=' };

/** A literal as people write it: no BigInt suffix, 是/否 for booleans, the date of a timestamp('…'). */
function literal(node: ASTNode): string | undefined {
  if (node.op === 'call' && node.args[0] === 'timestamp') {
    const [argument] = node.args[1];
    return node.args[1].length === 1 && argument?.op === 'value' && typeof argument.args === 'string' ? argument.args.slice(0, 10) : undefined;
  }
  const value = constantOf(node);
  if (value === undefined) return undefined;
  if (typeof value === 'boolean') return value ? '是' : '否';
  return String(value);
}

function say(node: ASTNode, labels: FieldLabels, nested: boolean): string | undefined {
  switch (node.op) {
    case '&&': {
      const [left, right] = node.args.map((arg) => say(arg, labels, true));
      return left && right ? `${left}，${right}` : undefined;
    }
    case '||': {
      const [left, right] = node.args.map((arg) => say(arg, labels, false));
      if (!left || !right) return undefined;
      return nested ? `（${left}，或${right}）` : `${left}；或${right}`;
    }
    case '!_': {
      const path = selectionPath(node.args);
      const field = path ? labels[path] : undefined;
      if (field) return field.no ?? `${field.label}不成立`;
      const inner = say(node.args, labels, true);
      return inner ? `不满足：${inner}` : undefined;
    }
    case '.':
    case 'id': {
      const path = selectionPath(node);
      const field = path ? labels[path] : undefined;
      return field ? (field.yes ?? `${field.label}成立`) : undefined;
    }
    case 'in': {
      const [subject, list] = node.args;
      const path = selectionPath(subject);
      const field = path ? labels[path] : undefined;
      if (!field || list.op !== 'list') return undefined;
      const values = list.args.map(literal);
      if (values.some((v) => v === undefined)) return undefined;
      return `${field.label}为${values.join('、')}之一`;
    }
    case '>=':
    case '>':
    case '<=':
    case '<':
    case '==':
    case '!=': {
      let [subject, other] = node.args;
      let op: string = node.op;
      if (!selectionPath(subject) && selectionPath(other)) {
        [subject, other] = [other, subject];
        op = MIRRORED[op]!;
      }
      const path = selectionPath(subject);
      const field = path ? labels[path] : undefined;
      const value = literal(other);
      if (!field || value === undefined) return undefined;
      if (op === '>=' && field.atLeast) return field.atLeast(value);
      if (op === '==' && field.is) return field.is(value);
      if (field.yes && (op === '==' || op === '!=') && (value === '是' || value === '否')) return (op === '==') === (value === '是') ? field.yes : field.no;
      return COMPARISONS[op]!(field.label, value, field.unit ?? '');
    }
    default:
      return undefined;
  }
}

/**
 * A rule in plain Chinese, from its syntax tree and the fields' labels:
 * `person.age >= 80 && person.hukouDistrict == '南关区'` -> 年满 80 周岁，户籍在南关区.
 * A rule with anything the words cannot say exactly (a function, arithmetic, an unknown field) reads as
 * GENERAL_CONDITION: a citizen is never shown the rule's code instead.
 */
export function explainRule(rule: string, labels: FieldLabels): string {
  try {
    return say(parse(rule).ast, labels, false) ?? GENERAL_CONDITION;
  } catch {
    return GENERAL_CONDITION;
  }
}

/** A stored fact as people read it: dates without their time, booleans as 是/否. */
function factValue(value: unknown): string {
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return value.slice(0, 10);
  return String(value);
}

/**
 * The facts a grant was decided on, each in words (`{ 'person.age': 84 }` -> 84 岁), in the order given;
 * a fact without a label is left out rather than shown by its code.
 */
export function explainFacts(facts: Readonly<Record<string, unknown>>, labels: FieldLabels): string[] {
  return Object.entries(facts).flatMap(([path, value]) => {
    const field = labels[path];
    if (!field || value === null || value === undefined) return [];
    const shown = factValue(value);
    if (typeof value === 'boolean' && field.yes) return [value ? field.yes : (field.no ?? `${field.label}：否`)];
    return [field.fact ? field.fact(shown) : `${field.label} ${shown}${field.unit ?? ''}`];
  });
}
