import type { Department } from './seed-types.js';

// The departments of the reference district, 长春市南关区. Codes are stable identifiers
// (queues, clerk accounts and workflow definitions refer to them); names are the official
// ones shown to applicants. The two 分局 are branches of city bureaus seated in the district.
export const seedDepartments = [
  { code: 'government-services', name: '南关区政务服务中心' },
  { code: 'market-regulation', name: '南关区市场监督管理局' },
  { code: 'fire-rescue', name: '长春市南关区消防救援大队' },
  { code: 'urban-management', name: '南关区城市管理局' },
  { code: 'civil-affairs', name: '南关区民政局' },
  { code: 'human-resources', name: '南关区人力资源和社会保障局' },
  { code: 'health', name: '南关区卫生健康局' },
  { code: 'housing-construction', name: '南关区住房和城乡建设局' },
  { code: 'disabled-persons', name: '南关区残疾人联合会' },
  { code: 'natural-resources', name: '长春市自然资源局南关分局' },
  { code: 'ecology-environment', name: '长春市生态环境局南关区分局' },
] as const satisfies readonly Department[];

export type DepartmentCode = (typeof seedDepartments)[number]['code'];
