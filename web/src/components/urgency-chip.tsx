import { Tag } from 'antd';
import { useT } from '../i18n/i18n';
import { urgencyOf, type Urgency } from '../lib/dates';

/** Colour and shape and words: the state never depends on telling red from green. */
const LOOK: Record<Urgency, { color: string; mark: string }> = {
  overdue: { color: 'error', mark: '■' },
  soon: { color: 'warning', mark: '▲' },
  ok: { color: 'success', mark: '●' },
  none: { color: 'default', mark: '○' },
};

export function UrgencyChip({ dueAt, now }: { dueAt: string | null | undefined; now?: number }) {
  const t = useT();
  const urgency = urgencyOf(dueAt, now);
  const { color, mark } = LOOK[urgency];
  return (
    <Tag color={color} data-urgency={urgency}>
      <span aria-hidden="true">{mark} </span>
      {t.urgency[urgency]}
    </Tag>
  );
}

/** A red or yellow flag, also said in words. */
export function SeverityChip({ severity }: { severity: string }) {
  const t = useT();
  const red = severity === 'red';
  return (
    <Tag color={red ? 'error' : 'warning'} data-severity={severity}>
      <span aria-hidden="true">{red ? '■ ' : '▲ '}</span>
      {t.dashboard.severities[severity] ?? severity}
    </Tag>
  );
}
