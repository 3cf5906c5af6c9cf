import { seedDepartments, type DepartmentCode } from './departments.js';
import type { SeedAccount, StaffAccount } from './seed-types.js';

// Seeded accounts (API.md, "Auth and health"). Passwords are not here: every seeded
// account gets SEED_PASSWORD from configuration. ID numbers and the USCC are synthetic but
// carry correct check characters (GB 11643 / ISO 7064 MOD 11-2, GB 32100-2015).

const clerkNames: Record<DepartmentCode, string> = {
  'government-services': '孙悦',
  'market-regulation': '王芳',
  'fire-rescue': '赵磊',
  'urban-management': '周强',
  'civil-affairs': '陈静',
  'human-resources': '杨帆',
  health: '黄丽',
  'housing-construction': '徐军',
  'disabled-persons': '吴敏',
  'natural-resources': '马超',
  'ecology-environment': '朱琳',
};

/** One clerk per department, able to work every queue of it (clerk, reviewer, inspector, approver). */
export const seedClerks: readonly StaffAccount[] = seedDepartments.map(
  ({ code }): StaffAccount => ({
    kind: 'staff',
    username: `clerk.${code}`,
    roles: ['clerk'],
    displayName: clerkNames[code],
    departmentCode: code,
  }),
);

export const seedAccounts: readonly SeedAccount[] = [
  { kind: 'staff', username: 'admin', roles: ['admin'], displayName: '系统管理员' },
  { kind: 'staff', username: 'supervisor', roles: ['supervisor'], displayName: '郑红' },
  {
    // Working age, 户籍 in 南关区: passes the 就业创业证 秒批, not the 高龄津贴 one.
    kind: 'person',
    username: 'citizen1',
    roles: ['citizen'],
    displayName: '张伟',
    idNumber: '220102198503141231',
    gender: 'M',
    birthDate: '1985-03-14',
    hukouDistrict: '南关区',
    creditLevel: 'A',
    disabilityLevel: 0,
    monthlyIncome: 6800,
    householdSize: 3,
    phone: '13904318826',
  },
  {
    // Over 80 with a level-2 physical disability: 高龄津贴 秒批 and the disability bundle.
    kind: 'person',
    username: 'citizen2',
    roles: ['citizen'],
    displayName: '李娜',
    idNumber: '220102194209081022',
    gender: 'F',
    birthDate: '1942-09-08',
    hukouDistrict: '南关区',
    creditLevel: 'B',
    disabilityLevel: 2,
    monthlyIncome: 2350,
    householdSize: 2,
    phone: '13756093318',
  },
  {
    kind: 'enterprise',
    username: 'enterprise1',
    roles: ['citizen'],
    displayName: '刘洋',
    companyName: '长春市南关区福顺餐饮有限公司',
    uscc: '91220102MA17Q5C827',
    enterpriseType: '有限责任公司（自然人独资）',
    industry: '正餐服务',
    employees: 18,
    registeredAt: '2021-06-18',
    registeredDistrict: '南关区',
    creditLevel: 'A',
    legalRepresentative: '刘洋',
    legalRepresentativeIdNumber: '220102197906252011',
    phone: '13804315276',
  },
  ...seedClerks,
];
