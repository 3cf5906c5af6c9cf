import { Tag } from 'antd';
import { label, useT } from '../i18n/i18n';

const COLORS: Record<string, string> = {
  submitted: 'processing',
  accepted: 'processing',
  in_review: 'processing',
  awaiting_correction: 'warning',
  paused: 'default',
  approved: 'success',
  completed: 'success',
  rejected: 'error',
  refused: 'error',
  withdrawn: 'default',
};

export function StatusTag({ status }: { status: string }) {
  const t = useT();
  return (
    <Tag color={COLORS[status] ?? 'default'} data-status={status}>
      {label(t.status, status)}
    </Tag>
  );
}
