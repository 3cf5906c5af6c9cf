import type { ServiceGuide } from '@app/service-guide';
import type {
  BooleanProperty,
  FormProperty,
  FormSchema,
  Material,
  NumericProperty,
  ServiceItem,
  StringProperty,
} from './seed-types.js';
import { seedServiceGuides } from './service-guides.js';

// Service items (事项) of 南关区. Codes: 2201 (长春) + department abbreviation + number.
// Time limits are working days: statutory from the governing regulation, promised from the
// district's published service guide (always shorter).

// ---------------------------------------------------------------------------------------
// Materials. A material keeps one key across items so that a bundle asks for it once.

const material = (key: string, name: string, required = true, tolerant = false): Material => ({
  key,
  name,
  required,
  tolerant,
});

const businessLicense = (tolerant: boolean): Material =>
  material('businessLicense', '营业执照', true, tolerant);
const legalRepresentativeId = material('legalRepresentativeId', '法定代表人（负责人）身份证明');
const premisesProof = material('premisesProof', '经营场所使用证明（不动产权证书或租赁合同）');
const applicantIdCard = material('applicantIdCard', '申请人居民身份证');
const householdRegister = material('householdRegister', '居民户口簿');
const bankCard = material('bankCard', '本人银行卡（存折）', true, true);
const healthCertificates = material('healthCertificates', '从业人员健康证明', true, true);
const agentAuthorization = material(
  'agentAuthorization',
  '授权委托书及经办人身份证明（委托他人办理时提交）',
  false,
);

// ---------------------------------------------------------------------------------------
// Form properties that recur across items.

const PHONE_PATTERN = '^1[3-9]\\d{9}$';
const ID_NUMBER_PATTERN = '^\\d{6}(18|19|20)\\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])\\d{3}[\\dX]$';
const USCC_PATTERN = '^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$';

const phone = (title = '联系电话', example = '13904318826'): StringProperty => ({
  type: 'string',
  title,
  pattern: PHONE_PATTERN,
  examples: [example],
});

const personName = (title: string, example: string): StringProperty => ({
  type: 'string',
  title,
  minLength: 2,
  maxLength: 20,
  examples: [example],
});

const idNumber = (title = '居民身份证号码', example = '220102198503141231'): StringProperty => ({
  type: 'string',
  title,
  pattern: ID_NUMBER_PATTERN,
  examples: [example],
});

const address = (title: string, example: string): StringProperty => ({
  type: 'string',
  title,
  minLength: 6,
  maxLength: 120,
  examples: [example],
});

const text = (title: string, example: string, maxLength = 60): StringProperty => ({
  type: 'string',
  title,
  minLength: 2,
  maxLength,
  examples: [example],
});

const choice = (
  title: string,
  values: readonly [string, ...string[]],
  example: string = values[0],
): StringProperty => ({ type: 'string', title, enum: values, examples: [example] });

const date = (title: string, example: string): StringProperty => ({
  type: 'string',
  title,
  format: 'date',
  examples: [example],
});

const area = (title: string, example: number, maximum = 100000): NumericProperty => ({
  type: 'number',
  title,
  exclusiveMinimum: 0,
  maximum,
  examples: [example],
});

const count = (title: string, minimum: number, maximum: number, example: number): NumericProperty => ({
  type: 'integer',
  title,
  minimum,
  maximum,
  examples: [example],
});

const flag = (title: string, example: boolean): BooleanProperty => ({
  type: 'boolean',
  title,
  examples: [example],
});

const bankAccount: StringProperty = {
  type: 'string',
  title: '收款银行账号',
  pattern: '^\\d{16,19}$',
  examples: ['6217000650012345678'],
};

const uscc: StringProperty = {
  type: 'string',
  title: '统一社会信用代码',
  pattern: USCC_PATTERN,
  examples: ['91220102MA17Q5C827'],
};

const DISABILITY_CATEGORIES = [
  '视力残疾',
  '听力残疾',
  '言语残疾',
  '肢体残疾',
  '智力残疾',
  '精神残疾',
  '多重残疾',
] as const;

const form = (
  title: string,
  required: readonly string[],
  properties: Readonly<Record<string, FormProperty>>,
): FormSchema => ({
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  title,
  required,
  additionalProperties: false,
  properties,
});

// ---------------------------------------------------------------------------------------
// The items

const items: readonly Omit<ServiceItem, keyof ServiceGuide>[] = [
  {
    code: '2201-SC-0001',
    name: '食品经营许可证核发',
    departmentCode: 'market-regulation',
    // 《食品经营许可和备案管理办法》: decision within 20 working days of acceptance.
    statutoryDays: 20,
    promisedDays: 10,
    materials: [
      material('foodBusinessApplicationForm', '食品经营许可申请书'),
      businessLicense(true),
      legalRepresentativeId,
      premisesProof,
      material('facilityLayout', '与食品经营相适应的主要设备设施、经营布局和操作流程文件'),
      material('foodSafetySystem', '食品安全管理制度（含进货查验、从业人员健康管理、食品安全事故处置）', true, true),
      material('foodSafetyManagerProof', '食品安全管理人员基本情况及培训考核证明', true, true),
      healthCertificates,
      agentAuthorization,
    ],
    formSchema: form(
      '食品经营许可申请',
      [
        'businessName',
        'legalRepresentative',
        'premisesAddress',
        'businessFormat',
        'businessScope',
        'floorArea',
        'foodSafetyManager',
        'phone',
      ],
      {
        businessName: text('经营者名称', '长春市南关区福顺家常菜馆'),
        uscc,
        legalRepresentative: personName('法定代表人（负责人）', '张伟'),
        premisesAddress: address('经营场所', '长春市南关区东岭南街1369号'),
        businessFormat: choice('主体业态', ['食品销售经营者', '餐饮服务经营者', '单位食堂'], '餐饮服务经营者'),
        businessScope: choice(
          '经营项目',
          ['散装食品销售', '特殊食品销售', '热食类食品制售', '冷食类食品制售', '生食类食品制售', '半成品制售', '自制饮品制售'],
          '热食类食品制售',
        ),
        floorArea: area('经营场所面积（平方米）', 120.5),
        seats: count('就餐座位数', 0, 5000, 60),
        onlineOrdering: flag('是否开展网络食品经营', true),
        foodSafetyManager: personName('食品安全管理员', '王丽'),
        phone: phone(),
      },
    ),
    workflowKey: 'food-business-license',
  },
  {
    code: '2201-SC-0002',
    name: '个体工商户设立登记',
    departmentCode: 'market-regulation',
    // 《市场主体登记管理条例》: registered on the spot, otherwise within 3 working days.
    statutoryDays: 3,
    promisedDays: 1,
    materials: [
      material('individualBusinessApplicationForm', '个体工商户登记（备案）申请书'),
      material('operatorIdCard', '经营者居民身份证'),
      premisesProof,
      agentAuthorization,
    ],
    formSchema: form(
      '个体工商户设立登记申请',
      [
        'tradeName',
        'operatorName',
        'operatorIdNumber',
        'organizationForm',
        'businessScope',
        'registeredCapital',
        'premisesAddress',
        'phone',
      ],
      {
        tradeName: {
          type: 'string',
          title: '个体工商户名称',
          description: '行政区划 + 字号 + 行业 + 组织形式，例如“长春市南关区福顺家常菜馆”',
          pattern: '^长春市南关区.{2,30}(店|馆|部|坊|行|铺|社|厅|室|中心|工作室)$',
          examples: ['长春市南关区福顺家常菜馆'],
        },
        operatorName: personName('经营者姓名', '张伟'),
        operatorIdNumber: idNumber('经营者身份证号码'),
        organizationForm: choice('组成形式', ['个人经营', '家庭经营']),
        businessScope: choice(
          '经营范围',
          ['餐饮服务', '食品销售', '美容美发服务', '日用百货零售', '家用电器修理', '其他'],
          '餐饮服务',
        ),
        registeredCapital: {
          type: 'number',
          title: '资金数额（元）',
          minimum: 0,
          maximum: 100000000,
          examples: [50000],
        },
        employees: count('从业人数', 1, 999, 5),
        premisesAddress: address('经营场所', '长春市南关区东岭南街1369号'),
        phone: phone(),
      },
    ),
    workflowKey: 'individual-business-registration',
  },
  {
    code: '2201-XF-0001',
    name: '公众聚集场所投入使用、营业前消防安全检查',
    departmentCode: 'fire-rescue',
    // 《中华人民共和国消防法》第十五条: inspection within 10 working days of acceptance.
    statutoryDays: 10,
    promisedDays: 5,
    materials: [
      material('fireInspectionApplicationForm', '公众聚集场所投入使用、营业前消防安全检查申请表（告知承诺书）'),
      businessLicense(true),
      legalRepresentativeId,
      premisesProof,
      material('fireFacilityPlan', '消防设施平面图'),
      material('fireSafetySystem', '消防安全制度、灭火和应急疏散预案', true, true),
      material('fireAcceptanceRecord', '建设工程消防验收意见书或备案凭证'),
      material('fireFacilityTestReport', '建筑消防设施检测报告', false),
    ],
    formSchema: form(
      '公众聚集场所投入使用、营业前消防安全检查申请',
      [
        'venueName',
        'venueType',
        'premisesAddress',
        'floorArea',
        'storey',
        'maxOccupancy',
        'fireSafetyOwner',
        'fireSafetyManager',
        'commitmentMode',
        'phone',
      ],
      {
        venueName: text('场所名称', '福顺家常菜馆'),
        venueType: choice(
          '场所类型',
          ['餐饮场所', '宾馆饭店', '商场市场', '体育场馆', '公共娱乐场所', '客运候车室'],
          '餐饮场所',
        ),
        premisesAddress: address('场所地址', '长春市南关区东岭南街1369号'),
        floorArea: area('使用面积（平方米）', 320),
        storey: count('所在楼层（地下为负数）', -3, 100, 1),
        maxOccupancy: count('核定容纳人数', 1, 20000, 120),
        fireSafetyOwner: personName('消防安全责任人', '张伟'),
        fireSafetyManager: personName('消防安全管理人', '王丽'),
        commitmentMode: flag('采用告知承诺方式办理', true),
        openingDate: date('拟投入使用（营业）日期', '2025-10-08'),
        phone: phone(),
      },
    ),
    workflowKey: 'public-venue-fire-inspection',
    // 告知承诺: a venue approved on its commitment is inspected afterwards, within 20 working days.
    commitmentCheckDays: 20,
  },
  {
    code: '2201-CG-0001',
    name: '户外广告设施设置许可',
    departmentCode: 'urban-management',
    statutoryDays: 20,
    promisedDays: 5,
    materials: [
      material('outdoorAdvertisingApplicationForm', '户外广告设施设置申请表'),
      businessLicense(true),
      legalRepresentativeId,
      material('siteRightsProof', '设置场地产权证明或场地使用协议'),
      material('facilityDesign', '设施设计效果图（标明尺寸、材质、照明方式）'),
      material('structuralSafetyReport', '结构安全计算书或安全检测报告（大型户外广告设施提交）', false),
      material('safetyCommitment', '户外广告设施安全管理责任承诺书', true, true),
    ],
    formSchema: form(
      '户外广告设施设置申请',
      ['facilityType', 'settingAddress', 'content', 'signArea', 'installHeight', 'illuminated', 'settingYears', 'phone'],
      {
        facilityType: choice(
          '设施类型',
          ['门头招牌', '墙体广告', '楼顶广告', '立柱广告', '电子显示屏', '灯箱广告'],
          '门头招牌',
        ),
        settingAddress: address('设置地点', '长春市南关区东岭南街1369号临街外墙'),
        content: text('广告（招牌）内容', '福顺家常菜馆', 100),
        signArea: area('设施面积（平方米）', 12.5, 2000),
        installHeight: {
          type: 'number',
          title: '设置高度（米，底边距地面）',
          minimum: 0,
          maximum: 200,
          examples: [3.5],
        },
        illuminated: flag('是否夜间照明', true),
        settingStartDate: date('设置起始日期', '2025-10-01'),
        settingYears: count('设置期限（年）', 1, 5, 3),
        phone: phone(),
      },
    ),
    workflowKey: 'outdoor-advertising-permit',
  },
  {
    code: '2201-MZ-0001',
    name: '最低生活保障申请',
    departmentCode: 'civil-affairs',
    statutoryDays: 30,
    promisedDays: 20,
    materials: [
      material('minimumLivingApplicationForm', '最低生活保障申请书'),
      householdRegister,
      material('familyMembersIdCards', '共同生活家庭成员居民身份证'),
      material('economicCheckAuthorization', '家庭经济状况核对授权书'),
      material('incomeProof', '家庭成员收入证明', true, true),
      material('illnessOrDisabilityProof', '患病或残疾证明材料（如有）', false),
      bankCard,
    ],
    formSchema: form(
      '最低生活保障申请',
      [
        'applicantName',
        'idNumber',
        'phone',
        'residenceAddress',
        'householdSize',
        'householdMonthlyIncome',
        'hasMotorVehicle',
        'housingCount',
        'applyReason',
        'bankAccount',
      ],
      {
        applicantName: personName('申请人姓名', '张伟'),
        idNumber: idNumber(),
        phone: phone(),
        residenceAddress: address('居住地址', '长春市南关区永吉街道亚泰大街2688号3栋2单元501室'),
        householdSize: count('共同生活家庭成员人数', 1, 20, 3),
        householdMonthlyIncome: {
          type: 'number',
          title: '家庭月总收入（元）',
          minimum: 0,
          maximum: 100000,
          examples: [1260],
        },
        hasMotorVehicle: flag('家庭成员是否拥有机动车辆', false),
        housingCount: count('家庭成员名下住房（套）', 0, 10, 1),
        applyReason: choice(
          '申请原因',
          ['因病致贫', '因残致贫', '失业无收入', '年老体弱无劳动能力', '其他'],
          '因病致贫',
        ),
        bankAccount,
      },
    ),
    workflowKey: 'minimum-living-allowance',
  },
  {
    code: '2201-MZ-0002',
    name: '高龄津贴申领',
    departmentCode: 'civil-affairs',
    statutoryDays: 20,
    promisedDays: 5,
    materials: [applicantIdCard, householdRegister, bankCard, agentAuthorization],
    formSchema: form(
      '高龄津贴申领',
      ['applicantName', 'idNumber', 'phone', 'residenceAddress', 'livingArrangement', 'bankName', 'bankAccount'],
      {
        applicantName: personName('申请人姓名', '李娜'),
        idNumber: idNumber('居民身份证号码', '220102194209081022'),
        phone: phone('联系电话（本人或赡养人）', '13756093318'),
        residenceAddress: address('居住地址', '长春市南关区桃源街道解放大路1566号1栋3单元201室'),
        livingArrangement: choice('居住状况', ['独居', '与配偶同住', '与子女同住', '入住养老机构'], '与子女同住'),
        bankName: choice(
          '开户银行',
          ['中国工商银行', '中国农业银行', '中国银行', '中国建设银行', '中国邮政储蓄银行', '吉林银行', '长春农村商业银行'],
          '吉林银行',
        ),
        bankAccount,
      },
    ),
    workflowKey: 'senior-allowance',
  },
  {
    code: '2201-MZ-0003',
    name: '残疾人两项补贴申领',
    departmentCode: 'civil-affairs',
    statutoryDays: 20,
    promisedDays: 10,
    materials: [
      material('disabilitySubsidyApplicationForm', '残疾人两项补贴申请审批表'),
      applicantIdCard,
      householdRegister,
      material('disabilityCertificate', '中华人民共和国残疾人证（第二代）', true, true),
      material('lowIncomeProof', '低保或低保边缘家庭证明（申请困难残疾人生活补贴时提交）', false),
      bankCard,
    ],
    formSchema: form(
      '残疾人两项补贴申请',
      [
        'applicantName',
        'idNumber',
        'phone',
        'disabilityCategory',
        'disabilityLevel',
        'subsidyType',
        'householdType',
        'bankAccount',
      ],
      {
        applicantName: personName('申请人姓名', '李娜'),
        idNumber: idNumber('居民身份证号码', '220102194209081022'),
        phone: phone('联系电话', '13756093318'),
        disabilityCertNo: {
          type: 'string',
          title: '残疾人证号',
          description: '身份证号码 + 残疾类别代码 + 残疾等级代码，共20位',
          pattern: '^\\d{17}[\\dX][1-7][1-4]$',
          examples: ['22010219420908102242'],
        },
        disabilityCategory: choice('残疾类别', DISABILITY_CATEGORIES, '肢体残疾'),
        disabilityLevel: count('残疾等级（1—4级）', 1, 4, 2),
        subsidyType: choice(
          '申请补贴类别',
          ['困难残疾人生活补贴', '重度残疾人护理补贴', '两项补贴均申请'],
          '重度残疾人护理补贴',
        ),
        householdType: choice(
          '家庭经济状况',
          ['最低生活保障家庭', '低保边缘家庭', '其他困难家庭', '一般家庭'],
          '一般家庭',
        ),
        bankAccount,
      },
    ),
    workflowKey: 'disability-subsidies',
  },
  {
    code: '2201-CL-0001',
    name: '残疾人证核发',
    departmentCode: 'disabled-persons',
    statutoryDays: 20,
    promisedDays: 10,
    materials: [
      applicantIdCard,
      householdRegister,
      material('twoInchPhoto', '近期二寸免冠白底彩色照片'),
      material('disabilityAssessment', '残疾评定表（指定医疗机构出具）', true, true),
      material('medicalRecords', '相关病历及检查报告', false),
      material('guardianProof', '监护人身份证明（申请人为未成年人或无民事行为能力人时提交）', false),
    ],
    formSchema: form(
      '残疾人证申领',
      ['applicantName', 'idNumber', 'gender', 'phone', 'residenceAddress', 'applyType', 'disabilityCategory'],
      {
        applicantName: personName('申请人姓名', '李娜'),
        idNumber: idNumber('居民身份证号码', '220102194209081022'),
        gender: choice('性别', ['男', '女'], '女'),
        phone: phone('联系电话', '13756093318'),
        residenceAddress: address('居住地址', '长春市南关区桃源街道解放大路1566号1栋3单元201室'),
        applyType: choice('办证类型', ['新办', '换领', '补办', '迁入'], '新办'),
        disabilityCategory: choice('申请评定的残疾类别', DISABILITY_CATEGORIES, '肢体残疾'),
        assessmentHospital: text('评定医疗机构', '吉林大学第二医院'),
        guardianName: personName('监护人姓名（如有）', '王强'),
      },
    ),
    workflowKey: 'disability-certificate',
  },
  {
    code: '2201-WJ-0001',
    name: '公共场所卫生许可证核发',
    departmentCode: 'health',
    statutoryDays: 20,
    promisedDays: 5,
    materials: [
      material('hygieneApplicationForm', '公共场所卫生许可申请表'),
      businessLicense(true),
      legalRepresentativeId,
      material('premisesLayout', '公共场所地址方位示意图、平面图和卫生设施平面布局图'),
      material('hygieneManagementSystem', '公共场所卫生管理制度', true, true),
      material('hygieneTestReport', '公共场所卫生检测或评价报告', true, true),
      healthCertificates,
      material('airConditioningReport', '集中空调通风系统卫生检测（评价）报告（使用集中空调的提交）', false),
    ],
    formSchema: form(
      '公共场所卫生许可申请',
      [
        'placeName',
        'placeType',
        'premisesAddress',
        'floorArea',
        'employees',
        'certifiedEmployees',
        'centralAirConditioning',
        'legalRepresentative',
        'phone',
      ],
      {
        placeName: text('场所名称', '长春市南关区丽人美容店'),
        placeType: choice(
          '场所类别',
          ['宾馆', '旅店', '公共浴室', '理发店', '美容店', '游泳场所', '影剧院', '商场（店）'],
          '美容店',
        ),
        premisesAddress: address('场所地址', '长春市南关区南岭街道自由大路2799号'),
        floorArea: area('营业面积（平方米）', 85),
        employees: count('从业人员数', 1, 2000, 6),
        certifiedEmployees: count('持有效健康合格证明人数', 0, 2000, 6),
        centralAirConditioning: flag('是否使用集中空调通风系统', false),
        legalRepresentative: personName('法定代表人（负责人）', '李娜'),
        phone: phone('联系电话', '13756093318'),
      },
    ),
    workflowKey: 'public-place-hygiene-license',
  },
  {
    code: '2201-ZJ-0001',
    name: '城镇污水排入排水管网许可证核发',
    departmentCode: 'housing-construction',
    // 《城镇污水排入排水管网许可管理办法》: decision within 15 working days.
    statutoryDays: 15,
    promisedDays: 5,
    materials: [
      material('drainageApplicationForm', '城镇污水排入排水管网许可申请表'),
      businessLicense(true),
      legalRepresentativeId,
      material('drainagePlan', '排水户内部排水管网、专用检测井、排放口位置和口径的图纸及说明'),
      material('pretreatmentFacilityProof', '隔油池、化粪池等预处理设施的有关材料', true, true),
      material('waterQualityReport', '排水水质、水量检测报告', false),
    ],
    formSchema: form(
      '城镇污水排入排水管网许可申请',
      ['dischargerName', 'dischargerType', 'premisesAddress', 'dailyDischarge', 'hasGreaseTrap', 'connectionPoints', 'phone'],
      {
        dischargerName: text('排水户名称', '长春市南关区福顺家常菜馆'),
        dischargerType: choice(
          '排水户类型',
          ['餐饮服务', '洗浴', '洗车', '医疗机构', '宾馆酒店', '工业企业', '其他'],
          '餐饮服务',
        ),
        premisesAddress: address('排水户地址', '长春市南关区东岭南街1369号'),
        dailyDischarge: area('日均排水量（立方米）', 8.5),
        hasGreaseTrap: flag('是否设置隔油设施', true),
        connectionPoints: count('接入市政排水管网接口数（个）', 1, 20, 1),
        phone: phone(),
      },
    ),
    workflowKey: 'sewage-discharge-permit',
  },
  {
    code: '2201-ZR-0001',
    name: '建设工程规划许可证核发',
    departmentCode: 'natural-resources',
    statutoryDays: 20,
    promisedDays: 10,
    materials: [
      material('planningApplicationForm', '建设工程规划许可申请表'),
      businessLicense(false),
      material('landUseDocument', '使用土地的有关证明文件（不动产权证书或国有建设用地使用权出让合同）'),
      material('projectApprovalDocument', '项目审批、核准或备案文件'),
      material('designScheme', '建设工程设计方案（总平面图、建筑单体平立剖面图）'),
      material('designSchemeDigital', '设计方案电子报批文件', true, true),
      agentAuthorization,
    ],
    formSchema: form(
      '建设工程规划许可申请',
      [
        'projectName',
        'constructionUnit',
        'projectCode',
        'landCertificateNo',
        'projectType',
        'totalFloorArea',
        'buildingHeight',
        'aboveGroundStoreys',
        'plotRatio',
        'greenRatio',
        'phone',
      ],
      {
        projectName: text('项目名称', '南关区东岭南街社区综合服务中心建设项目', 100),
        constructionUnit: text('建设单位', '长春市南关区城市建设开发有限公司'),
        projectCode: {
          type: 'string',
          title: '投资项目统一代码',
          pattern: '^\\d{4}-\\d{6}-\\d{2}-\\d{2}-\\d{6}$',
          examples: ['2507-220102-04-01-318562'],
        },
        landCertificateNo: text('不动产权证号', '吉（2025）长春市不动产权第0218356号'),
        projectType: choice('建设类别', ['居住建筑', '公共建筑', '商业建筑', '工业建筑', '市政基础设施'], '公共建筑'),
        totalFloorArea: area('总建筑面积（平方米）', 18650.5, 2000000),
        buildingHeight: area('建筑高度（米）', 54, 300),
        aboveGroundStoreys: count('地上层数', 1, 100, 12),
        plotRatio: {
          type: 'number',
          title: '容积率',
          exclusiveMinimum: 0,
          maximum: 20,
          examples: [2.5],
        },
        greenRatio: {
          type: 'number',
          title: '绿地率（%）',
          minimum: 0,
          maximum: 100,
          examples: [30],
        },
        phone: phone('联系电话', '13804315276'),
      },
    ),
    workflowKey: 'construction-planning-permit',
  },
  {
    code: '2201-HB-0001',
    name: '固定污染源排污登记',
    departmentCode: 'ecology-environment',
    statutoryDays: 5,
    promisedDays: 1,
    materials: [
      material('dischargeRegistrationForm', '固定污染源排污登记表'),
      businessLicense(false),
      material('pollutionControlDescription', '污染防治设施及排放口情况说明', true, true),
    ],
    formSchema: form(
      '固定污染源排污登记',
      [
        'unitName',
        'uscc',
        'industryCategory',
        'premisesAddress',
        'annualWastewater',
        'fumePurifierInstalled',
        'hasHazardousWaste',
        'phone',
      ],
      {
        unitName: text('单位名称', '长春市南关区福顺餐饮有限公司'),
        uscc,
        industryCategory: choice(
          '行业类别',
          ['餐饮业', '汽车修理与维护', '洗染服务', '印刷', '医疗机构', '其他'],
          '餐饮业',
        ),
        premisesAddress: address('生产经营场所地址', '长春市南关区东岭南街1369号'),
        annualWastewater: {
          type: 'number',
          title: '年废水排放量（吨）',
          minimum: 0,
          maximum: 10000000,
          examples: [2800],
        },
        fumePurifierInstalled: flag('是否安装油烟净化设施', true),
        hasHazardousWaste: flag('是否产生危险废物', false),
        phone: phone(),
      },
    ),
    workflowKey: 'pollutant-discharge-registration',
  },
  {
    code: '2201-RS-0001',
    name: '就业创业证申领',
    departmentCode: 'human-resources',
    statutoryDays: 5,
    promisedDays: 1,
    materials: [
      applicantIdCard,
      material('oneInchPhoto', '近期一寸免冠白底彩色照片'),
      material('graduationCertificate', '毕业证书（毕业年度高校毕业生提交）', false),
      material('laborContractTermination', '解除或终止劳动合同证明（失业人员提交）', false),
    ],
    formSchema: form(
      '就业创业证申领',
      ['applicantName', 'idNumber', 'phone', 'education', 'employmentStatus', 'residenceAddress'],
      {
        applicantName: personName('申请人姓名', '张伟'),
        idNumber: idNumber(),
        phone: phone(),
        education: choice(
          '文化程度',
          ['初中及以下', '高中（中专）', '大专', '本科', '硕士研究生及以上'],
          '本科',
        ),
        employmentStatus: choice(
          '就业状态',
          ['登记失业', '灵活就业', '自主创业', '毕业年度高校毕业生'],
          '登记失业',
        ),
        residenceAddress: address('居住地址', '长春市南关区永吉街道亚泰大街2688号3栋2单元501室'),
      },
    ),
    workflowKey: 'employment-card',
  },
];

/** The items with their service guides (service-guides.ts). */
export const seedServiceItems: readonly ServiceItem[] = items.map((item) => {
  const guide = seedServiceGuides[item.code];
  if (!guide) throw new Error(`seed item ${item.code} has no service guide`);
  return { ...item, ...guide };
});
