import { fromEpochDay, toEpochDay } from '@app/business-calendar';
import { organizationCodeCheckCharacter, residentIdCheckCharacter, usccCheckCharacter } from '@app/gov-ids';
import { ENTERPRISE_FIELDS, PERSON_FIELDS, type EnterpriseRecord, type PersonRecord } from './registry-records.js';

/** A small, fast, seedable PRNG (mulberry32): the same seed gives the same registry. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(rnd: Random, items: readonly T[]): T => items[Math.floor(rnd() * items.length)];
const between = (rnd: Random, min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** 长春市's districts: region codes of ID numbers and credit codes, and the 户籍 district names. */
const DISTRICTS = [
  { region: '220102', name: '南关区', weight: 4 },
  { region: '220103', name: '宽城区', weight: 2 },
  { region: '220104', name: '朝阳区', weight: 2 },
  { region: '220105', name: '二道区', weight: 2 },
  { region: '220106', name: '绿园区', weight: 2 },
  { region: '220112', name: '双阳区', weight: 1 },
  { region: '220113', name: '九台区', weight: 1 },
] as const;
const WEIGHTED_DISTRICTS = DISTRICTS.flatMap((district) => Array<(typeof DISTRICTS)[number]>(district.weight).fill(district));

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵万钱覃武戴孔汤庞樊兰殷施陶洪翟安颜倪严牛温芦季俞章鲁葛伍申尤毕聂柴焦向柳邢岳齐沿梅莫庄辛管祝左涂谷祁时舒耿牟卜路詹关苗凌费纪靳盛童欧甄项曲成游阳裴席卫查屈鲍位覃霍翁隋植甘景薄单包司柏宁柯阮桂闵欧阳解强丛华车冉房边'];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰涛明超秀英霞平刚桂兰玉萍红娟建华国庆志文海燕鹏宇浩然子涵欣怡思远佳琪晨阳雨萱梓轩'];

/** Age groups of a Northeast China district, with the share of people in each: ages are drawn within a group. */
const AGE_GROUPS = [
  { min: 0, max: 17, share: 0.14 },
  { min: 18, max: 59, share: 0.58 },
  { min: 60, max: 79, share: 0.22 },
  { min: 80, max: 100, share: 0.06 },
] as const;


function birthDate(rnd: Random, today: string): string {
  let roll = rnd();
  const group = AGE_GROUPS.find((g) => (roll -= g.share) < 0) ?? AGE_GROUPS[1];
  const age = between(rnd, group.min, group.max);
  // A day within the year of life `age` ends, never after today.
  const latest = toEpochDay(today) - Math.round(age * 365.25);
  return fromEpochDay(latest - between(rnd, 0, 364));
}

function monthlyIncome(rnd: Random, age: number): number {
  if (age < 16) return 0;
  if (age >= 60) return Math.round(1_200 + rnd() * 3_800); // pensions
  const roll = rnd();
  if (roll < 0.08) return Math.round(rnd() * 900); // out of work or casual work
  // Skewed to the right, as wages are: most between 2,500 and 8,000, a few far above.
  return Math.round((2_200 + Math.exp(rnd() * 3) * 900) * 100) / 100;
}

/** Persons with valid 居民身份证 numbers (2201xx regions, real dates, check characters), unique within a run. */
export function* syntheticPersons(count: number, seed: number, today: string): Generator<PersonRecord> {
  const rnd = random(seed);
  // Serial numbers per region and birth date: the 3-digit sequence of an ID number, odd for men.
  const serials = new Map<string, number>();
  for (let made = 0; made < count; ) {
    const origin = pick(rnd, WEIGHTED_DISTRICTS);
    const born = birthDate(rnd, today);
    const key = `${origin.region}${born}`;
    const serial = serials.get(key) ?? 0;
    if (serial >= 500) continue; // this region and day is full: draw another
    serials.set(key, serial + 1);
    const gender: 'M' | 'F' = rnd() < 0.49 ? 'M' : 'F';
    const first17 = `${origin.region}${born.replaceAll('-', '')}${pad(serial * 2 + (gender === 'M' ? 1 : 0), 3)}`;
    const age = Math.floor((toEpochDay(today) - toEpochDay(born)) / 365.25);
    const disabled = rnd() < 0.06;
    made++;
    yield {
      idNumber: first17 + residentIdCheckCharacter(first17),
      name: pick(rnd, SURNAMES) + pick(rnd, GIVEN) + (rnd() < 0.7 ? pick(rnd, GIVEN) : ''),
      gender,
      birthDate: born,
      // Most people are registered where they were born; some have moved within the city.
      hukouDistrict: rnd() < 0.85 ? origin.name : pick(rnd, DISTRICTS).name,
      disabilityLevel: disabled ? between(rnd, 1, 4) : 0,
      monthlyIncome: monthlyIncome(rnd, age),
      householdSize: between(rnd, 1, 6),
      phone: rnd() < 0.9 ? `1${pick(rnd, ['3', '5', '7', '8', '9'])}${pad(between(rnd, 0, 999_999_999), 9)}` : null,
    };
  }
}

const TRADE_NAMES = [...'福顺兴隆鑫源盛达恒通华信嘉诚宏远瑞丰金鼎博创智联腾飞长青万和新航天成康泰'];
const INDUSTRIES = [
  { name: '软件和信息技术服务业', word: '软件科技' },
  { name: '科技推广和应用服务业', word: '科技服务' },
  { name: '研究和试验发展', word: '生物技术研究' },
  { name: '批发业', word: '商贸' },
  { name: '零售业', word: '超市' },
  { name: '正餐服务', word: '餐饮' },
  { name: '建筑装饰和装修业', word: '装饰工程' },
  { name: '道路货物运输', word: '物流' },
  { name: '专用设备制造业', word: '机械制造' },
  { name: '汽车零部件及配件制造', word: '汽车零部件' },
] as const;
const TYPES = ['有限责任公司（自然人投资或控股）', '有限责任公司（自然人独资）', '股份有限公司（非上市、自然人投资或控股）', '个人独资企业'];
const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A 9-character organization code unique per `n`: 8 characters in base 31, then its GB 11714 check character. */
function organizationCode(n: number): string {
  let digits = '';
  for (let i = 0, rest = n; i < 8; i++, rest = Math.floor(rest / 31)) digits = USCC_CHARSET[rest % 31] + digits;
  return digits + organizationCodeCheckCharacter(digits);
}

/** Enterprises with valid 统一社会信用代码 (registered in 2201xx, check characters), unique within a seed. */
export function* syntheticEnterprises(count: number, seed: number, today: string): Generator<EnterpriseRecord> {
  const rnd = random(seed ^ 0x5bd1e995);
  // Spread the organization codes of different seeds apart so that their registries do not collide.
  const base = (seed >>> 0) % 100_000 * 1_000_000;
  for (let i = 0; i < count; i++) {
    const district = pick(rnd, WEIGHTED_DISTRICTS);
    const industry = pick(rnd, INDUSTRIES);
    const first17 = `91${district.region}${organizationCode(base + i)}`;
    const employees = Math.max(1, Math.round(Math.exp(rnd() * 6.5)));
    const registeredAt = fromEpochDay(between(rnd, toEpochDay('1995-01-01'), toEpochDay(today)));
    yield {
      uscc: first17 + usccCheckCharacter(first17),
      name: `长春市${district.name}${pick(rnd, TRADE_NAMES)}${pick(rnd, TRADE_NAMES)}${industry.word}有限公司`,
      type: pick(rnd, TYPES),
      industry: industry.name,
      employees,
      registeredAt,
      layoffsLastYear: rnd() < 0.75 ? 0 : between(rnd, 1, Math.max(1, Math.ceil(employees / 5))),
      socialInsuranceArrears: rnd() < 0.06,
    };
  }
}

const csvField = (value: unknown) => {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/**
 * A registry CSV (header, then one line per record) as text chunks of about `chunkSize` characters:
 * constant memory however many records, and few enough chunks to stream fast.
 */
export function* registryCsv(records: Iterable<PersonRecord | EnterpriseRecord>, subjectType: 'person' | 'enterprise', chunkSize = 65_536): Generator<string> {
  const columns = Object.keys(subjectType === 'person' ? PERSON_FIELDS : ENTERPRISE_FIELDS).filter((column) => column !== 'formerIdNumber');
  let chunk = `${columns.join(',')}\n`;
  for (const record of records) {
    const values = record as unknown as Record<string, unknown>;
    chunk += `${columns.map((column) => csvField(values[column])).join(',')}\n`;
    if (chunk.length >= chunkSize) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '') yield chunk;
}
