import { Alert, App, Button, Card, Descriptions, Space, Table, Typography } from 'antd';
import { LoadState } from '../../components/problem-alert';
import { useT } from '../../i18n/i18n';
import { api, ApiError } from '../../lib/api';
import { formatDateTime } from '../../lib/dates';
import type { Page } from '../../lib/types';
import { useApi } from '../../lib/use-api';

interface QueuesView {
  backend: string;
  backendAvailable: boolean;
  queues: { name: string; waiting: number; active: number; delayed: number; failed: number }[];
  outbox: { pending: number; oldestAgeSeconds: number | null };
  timers: { pending: number; overdue: number; nextDueAt: string | null };
}

interface FailedJob {
  id: string;
  queue: string;
  jobName: string;
  error: string;
  attempts: number;
  failedAt: string;
  retriedAt: string | null;
}

/**
 * Opens the dashboard: the tab is opened at the click (a tab opened after an await is a blocked pop-up),
 * then sent to the board once the POST has set its ticket cookie (the board cannot read our bearer token).
 */
async function openBoard(): Promise<void> {
  const tab = window.open('about:blank', '_blank');
  try {
    const ticket = await api.post<{ url: string }>('/api/operations/board/session');
    if (tab) {
      tab.opener = null;
      tab.location.href = ticket.url;
    } else {
      window.location.assign(ticket.url);
    }
  } catch (error) {
    tab?.close();
    throw error;
  }
}

export function OperationsPage() {
  const t = useT();
  const { message } = App.useApp();
  const queues = useApi(() => api.get<QueuesView>('/api/operations/queues'), []);
  const failed = useApi(() => api.get<Page<FailedJob>>('/api/operations/failed-jobs', { limit: 50 }), []);

  const retry = async (job: FailedJob) => {
    try {
      await api.post(`/api/operations/failed-jobs/${job.id}/retry`);
      failed.reload();
      queues.reload();
    } catch (error) {
      message.error(error instanceof ApiError ? error.message : String(error));
    }
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={t.operations.title}
        extra={
          <Button type="primary" onClick={() => openBoard().catch((error: unknown) => message.error(error instanceof ApiError ? error.message : String(error)))}>
            {t.operations.openBoard}
          </Button>
        }
      >
        <Typography.Paragraph type="secondary">{t.operations.intro}</Typography.Paragraph>
        <Typography.Paragraph type="secondary">{t.operations.boardHint}</Typography.Paragraph>
        <LoadState error={queues.error} />
        {queues.data && !queues.data.backendAvailable ? <Alert type="error" showIcon message={t.operations.backendDown} /> : null}
        <Table
          rowKey="name"
          size="small"
          loading={queues.loading}
          pagination={false}
          dataSource={queues.data?.queues ?? []}
          columns={[
            { title: t.operations.queue, dataIndex: 'name' },
            { title: t.operations.waiting, dataIndex: 'waiting' },
            { title: t.operations.active, dataIndex: 'active' },
            { title: t.operations.delayed, dataIndex: 'delayed' },
            { title: t.operations.failed, dataIndex: 'failed' },
          ]}
        />
        {queues.data ? (
          <Descriptions size="small" column={1} style={{ marginTop: 16 }}>
            <Descriptions.Item label={t.operations.outbox}>
              {queues.data.outbox.pending}
              {queues.data.outbox.oldestAgeSeconds === null ? '' : ` (${queues.data.outbox.oldestAgeSeconds} s)`}
            </Descriptions.Item>
            <Descriptions.Item label={t.operations.timers}>
              {queues.data.timers.pending} · {t.operations.overdue} {queues.data.timers.overdue}
              {queues.data.timers.nextDueAt ? ` · ${t.operations.nextDue} ${formatDateTime(queues.data.timers.nextDueAt, t.locale)}` : ''}
            </Descriptions.Item>
          </Descriptions>
        ) : null}
      </Card>
      <Card title={t.operations.failedJobs}>
        <LoadState error={failed.error} />
        <Table
          rowKey="id"
          size="small"
          loading={failed.loading}
          pagination={false}
          locale={{ emptyText: t.operations.noFailed }}
          dataSource={failed.data?.items ?? []}
          columns={[
            { title: t.operations.failedAt, dataIndex: 'failedAt', render: (at: string) => formatDateTime(at, t.locale) },
            { title: t.operations.queue, dataIndex: 'queue' },
            { title: t.operations.job, dataIndex: 'jobName' },
            { title: t.operations.error, dataIndex: 'error', ellipsis: true },
            {
              title: '',
              key: 'retry',
              render: (_: unknown, job: FailedJob) => (
                <Button size="small" disabled={job.retriedAt !== null} onClick={() => void retry(job)}>
                  {t.operations.retry}
                </Button>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
