import { Timeline, Typography } from 'antd';
import { label, useT } from '../i18n/i18n';
import { useCatalogue } from '../lib/catalogue';
import { formatDateTime } from '../lib/dates';
import type { TimelineEntry } from '../lib/types';

/** The case's history, oldest first: who did what, and how the status moved. */
export function CaseTimeline({ entries }: { entries: TimelineEntry[] }) {
  const t = useT();
  const catalogue = useCatalogue();
  return (
    <Timeline
      items={entries.map((entry, index) => ({
        key: index,
        title: formatDateTime(entry.at, t.locale),
        content: (
          <div>
            <Typography.Text strong>{label(t.actions, entry.action)}</Typography.Text>
            {entry.from !== entry.to && entry.to && (
              <Typography.Text type="secondary">
                {'  '}
                {entry.from ? `${label(t.status, entry.from)} → ` : ''}
                {label(t.status, entry.to)}
              </Typography.Text>
            )}
            <div>
              <Typography.Text type="secondary" data-actor>
                {t.caseDetail.by(label(t.actors, entry.actor))}
                {entry.onBehalfOf ? t.caseDetail.onBehalfOf(entry.onBehalfOf) : ''}
              </Typography.Text>
              {entry.department && (
                <Typography.Text type="secondary" data-department={entry.department}>
                  {' · '}
                  {catalogue?.departmentName(entry.department) ?? ''}
                </Typography.Text>
              )}
            </div>
            {entry.comment && <div>{entry.comment}</div>}
          </div>
        ),
      }))}
    />
  );
}
