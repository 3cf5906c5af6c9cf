/**
 * What a notification says, in Chinese, for the inbox, SMS and e-mail. An SMS names the case number, the
 * item and what to do next, and keeps within 70 characters (one SMS segment) where it can: a long item
 * name is shortened first.
 */
export const SMS_LIMIT = 70;
const SIGNATURE = '【一网通办】';

export interface RenderedNotice {
  /** One line for the inbox and the e-mail subject. */
  title: string;
  /** The SMS and e-mail body; null when the template never goes out by SMS. */
  sms: string | null;
  /** Urgent messages (verification codes) ignore quiet hours. */
  urgent: boolean;
}

type Params = Readonly<Record<string, unknown>>;

const FINISHED: Record<string, string> = {
  approved: '已办结（准予许可），请登录查看结果',
  completed: '已办结，请登录查看结果',
  rejected: '已办结（不予许可），请登录查看决定及理由',
  refused: '未予受理，请登录查看理由后重新申请',
  withdrawn: '已撤回',
};

interface Template {
  title: (p: Params) => string;
  /** `item` is the (possibly shortened) item name. */
  sms?: (p: Params, item: string) => string;
  urgent?: boolean;
}

const str = (value: unknown, fallback = ''): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : fallback);
const caseNo = (p: Params) => str(p.caseNo, '—');

const TEMPLATES: Record<string, Template> = {
  'case.case_accepted': {
    title: (p) => `办件 ${caseNo(p)} 已受理`,
    sms: (p, item) => `办件${caseNo(p)}（${item}）已受理，请留意办理进度。`,
  },
  'case.correction_requested': {
    title: (p) => `办件 ${caseNo(p)} 需补正材料`,
    sms: (p, item) => `办件${caseNo(p)}（${item}）需补正材料，请登录一网通办查看并补交。`,
  },
  'case.case_finished': {
    title: (p) => `办件 ${caseNo(p)} ${FINISHED[str(p.status)] ? FINISHED[str(p.status)]!.split('，')[0] : '已办结'}`,
    sms: (p, item) => `办件${caseNo(p)}（${item}）${FINISHED[str(p.status)] ?? '已办结，请登录查看结果'}。`,
  },
  'case.certificate_issued': {
    title: (p) => `办件 ${caseNo(p)} 证照已签发`,
    sms: (p, item) => `办件${caseNo(p)}（${item}）证照已签发，请登录下载电子证照。`,
  },
  'case.rating_invitation': {
    title: (p) => `请为办件 ${caseNo(p)} 的服务评价`,
    sms: (p, item) => `办件${caseNo(p)}（${item}）已办结，请登录一网通办为本次服务评价（好差评）。`,
  },
  'case.deadlines_changed': { title: (p) => `办件 ${caseNo(p)} 的办理期限已调整` },
  'case.deadline_extended': { title: (p) => `办件 ${caseNo(p)} 已延期办理` },
  'case.bundle_finished': { title: (p) => `办件 ${caseNo(p)}（一件事）已办结` },
  'benefit.granted': { title: (p) => `您获得一项惠企惠民政策待遇${p.policyName ? `：${str(p.policyName)}` : ''}` },
  'benefit.revoked': { title: () => '一项政策待遇已撤销' },
  'certificate.revoked': {
    title: (p) => `电子证照「${str(p.itemName, '电子证照')}」已撤销${p.reason ? `：${str(p.reason)}` : ''}`,
    sms: (_p, item) => `您的电子证照（${item}）已被撤销，请登录一网通办查看原因。`,
  },
  'task.assigned': { title: (p) => `办件 ${caseNo(p)} 的任务已指派给您${p.by ? `（${str(p.by)}）` : ''}` },
  'account.created': { title: (p) => `账号 ${str(p.username)} 已开通` },
  'risk.flags_escalated': { title: () => '有预警未处理，已升级' },
  'auth.sms_code': {
    title: () => '验证码',
    sms: (p) => `验证码${str(p.code)}，5分钟内有效，请勿告诉他人。`,
    urgent: true,
  },
};

/** Templates with an SMS text: the ones that reach the applicant's phone. */
export function hasSms(template: string): boolean {
  return TEMPLATES[template]?.sms !== undefined;
}

export function renderNotice(template: string, params: Params): RenderedNotice {
  const found = TEMPLATES[template];
  if (!found) return { title: template, sms: null, urgent: false };
  const title = found.title(params);
  if (!found.sms) return { title, sms: null, urgent: found.urgent ?? false };
  const name = str(params.itemName, '政务服务事项');
  let text = SIGNATURE + found.sms(params, name);
  // Shorten the item name (never below 4 characters) until the text fits one segment.
  for (let keep = [...name].length - 1; [...text].length > SMS_LIMIT && keep >= 4; keep--) {
    text = SIGNATURE + found.sms(params, `${[...name].slice(0, keep).join('')}…`);
  }
  return { title, sms: text, urgent: found.urgent ?? false };
}

/** Notices that follow another: a finished case invites its applicant to rate the service (好差评). */
export function followUps(template: string, params: Params): string[] {
  if (template === 'case.case_finished' && str(params.status) !== 'withdrawn') return ['case.rating_invitation'];
  return [];
}
