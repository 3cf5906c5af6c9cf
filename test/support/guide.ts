/** 实施清单 fields for a test's own service item (every item write needs them). */
export const GUIDE = {
  itemType: 'promised',
  subjectTypes: ['person', 'enterprise'],
  legalBasis: ['《中华人民共和国行政许可法》第十二条'],
  fee: { free: true },
  location: '长春市南关区政务服务中心综合窗口',
  officeHours: '工作日 8:30—11:30，13:00—17:00',
  consultPhone: '12345',
  complaintPhone: '12345',
  onlineDepth: 'online-acceptance',
} as const;
