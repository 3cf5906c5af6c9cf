import { describe, expect, it } from 'vitest';
import { enterpriseLabels, explainFacts, explainRule, GENERAL_CONDITION, personLabels } from './explain.js';

describe('explainRule', () => {
  it('reads the 高龄津贴 rule as a person would say it', () => {
    expect(explainRule("person.age >= 80 && person.hukouDistrict == '南关区'", personLabels)).toBe('年满 80 周岁，户籍在南关区');
  });

  it('says each comparison with the field label and unit, either way round', () => {
    expect(explainRule('person.monthlyIncome < 1500.0', personLabels)).toBe('月收入低于 1500元');
    expect(explainRule('80 <= person.age', personLabels)).toBe('年满 80 周岁');
    expect(explainRule('person.disabilityLevel <= 2', personLabels)).toBe('残疾等级不超过 2级');
    expect(explainRule("person.gender != '女'", personLabels)).toBe('性别不是女');
    expect(explainRule("person.hukouDistrict in ['南关区', '朝阳区']", personLabels)).toBe('户籍所在区为南关区、朝阳区之一');
  });

  it('says alternatives and negated flags', () => {
    expect(explainRule('enterprise.employees >= 10 && !enterprise.socialInsuranceArrears', enterpriseLabels)).toBe('职工人数不低于 10人，无社保欠费');
    expect(explainRule('enterprise.layoffsLastYear == 0 || enterprise.employees < 30', enterpriseLabels)).toBe('上年裁员人数为0人；或职工人数低于 30人');
    expect(explainRule("enterprise.yearsSinceRegistration >= 1 && (enterprise.industry == '餐饮' || enterprise.employees > 5)", enterpriseLabels)).toBe(
      '成立满 1 年，（所属行业为餐饮，或职工人数高于 5人）',
    );
  });

  it('never shows code: what it cannot say exactly reads as the general condition', () => {
    expect(explainRule('person.age * 2 >= 160', personLabels)).toBe(GENERAL_CONDITION);
    expect(explainRule('person.unknownField == 1', personLabels)).toBe(GENERAL_CONDITION);
    expect(explainRule('person.age >=', personLabels)).toBe(GENERAL_CONDITION);
  });
});

describe('explainFacts', () => {
  it('says the facts in words and leaves out what has no label', () => {
    expect(explainFacts({ 'person.age': 84, 'person.hukouDistrict': '南关区', 'person.secret': 1 }, personLabels)).toEqual(['84 岁', '户籍南关区']);
    expect(explainFacts({ 'enterprise.socialInsuranceArrears': false, 'enterprise.registeredAt': '2021-06-18T00:00:00.000Z' }, enterpriseLabels)).toEqual([
      '无社保欠费',
      '成立日期 2021-06-18',
    ]);
  });
});
