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
  },
  {
    code: 'open-beauty-salon',
    name: '我要开美容美发店',
    serviceItemCodes: ['2201-SC-0002', '2201-WJ-0001', '2201-CG-0001'],
    failurePolicy: 'finish-rest',
  },
  {
    // The subsidies depend on the certificate: without it the whole application fails.
    code: 'disability-services',
    name: '残疾人证办理及两项补贴申领一件事',
    serviceItemCodes: ['2201-CL-0001', '2201-MZ-0003'],
    failurePolicy: 'fail-bundle',
  },
];
