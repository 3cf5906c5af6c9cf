import type { Bundle } from './seed-types.js';

// 一件事一次办: one application, materials shared by key, one child case per item.
export const seedBundles: readonly Bundle[] = [
  {
    // Licence, food permit, fire check, shop sign and drainage permit: four departments.
    // If the sign is refused the restaurant can still open, so the rest carry on.
    code: 'open-restaurant',
    name: '我要开餐馆',
    serviceItemCodes: ['2201-SC-0002', '2201-SC-0001', '2201-XF-0001', '2201-CG-0001', '2201-ZJ-0001'],
    failurePolicy: 'finish-rest',
    // 一表申请: the shop's registered name and its operator are one answer for every department;
    // 经营范围 (registration) and 经营项目 (food permit) share the name businessScope but not the meaning.
    fieldMapping: {
      '2201-SC-0001': { businessName: 'tradeName', legalRepresentative: 'operatorName', businessScope: 'foodBusinessScope' },
      '2201-XF-0001': { venueName: 'tradeName', fireSafetyOwner: 'operatorName' },
      '2201-ZJ-0001': { dischargerName: 'tradeName' },
    },
  },
  {
    code: 'open-beauty-salon',
    name: '我要开美容美发店',
    serviceItemCodes: ['2201-SC-0002', '2201-WJ-0001', '2201-CG-0001'],
    failurePolicy: 'finish-rest',
    fieldMapping: {
      '2201-WJ-0001': { placeName: 'tradeName', legalRepresentative: 'operatorName' },
    },
  },
  {
    // The subsidies depend on the certificate: without it the whole application fails.
    code: 'disability-services',
    name: '残疾人证办理及两项补贴申领一件事',
    serviceItemCodes: ['2201-CL-0001', '2201-MZ-0003'],
    failurePolicy: 'fail-bundle',
    fieldMapping: {},
  },
];
