import { App, Button, Card, Checkbox, Drawer, Empty, Form, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { LoadState, ProblemAlert } from '../../components/problem-alert';
import { useT } from '../../i18n/i18n';
import { api, ApiError } from '../../lib/api';
import { formatDateTime } from '../../lib/dates';
import type { Page } from '../../lib/types';
import { useApi } from '../../lib/use-api';

const EVENTS = ['case.submitted', 'case.status_changed', 'case.finished', 'certificate.issued', 'grant.created'];

interface Webhook {
  id: string;
  url: string;
  events: string[];
  active: boolean;
  createdAt: string;
}

interface Delivery {
  id: string;
  event: string;
  orderKey: string;
  status: string;
  attempts: { at: string; statusCode: number | null; error: string | null }[];
  createdAt: string;
}

interface Outgoing {
  id: string;
  channel: string;
  template: string;
  status: string;
  deliveryAttempts: number;
  lastError: string | null;
  caseId: string | null;
  notBefore: string | null;
  createdAt: string;
}

const statusColor = (status: string) => (status === 'delivered' ? 'green' : status === 'failed' ? 'red' : 'blue');

function Deliveries({ webhook, onClose }: { webhook: Webhook; onClose: () => void }) {
  const t = useT();
  const deliveries = useApi(() => api.get<Page<Delivery>>(`/api/webhooks/${webhook.id}/deliveries`, { limit: 100 }), [webhook.id]);
  return (
    <Drawer open width={720} title={`${t.outbound.deliveries}: ${webhook.url}`} onClose={onClose}>
      <LoadState error={deliveries.error} />
      <Table
        rowKey="id"
        size="small"
        loading={deliveries.loading}
        dataSource={deliveries.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t.outbound.createdAt, dataIndex: 'createdAt', render: (at: string) => formatDateTime(at, t.locale) },
          { title: t.outbound.events, dataIndex: 'event' },
          { title: t.outbound.status, dataIndex: 'status', render: (s: string) => <Tag color={statusColor(s)}>{s}</Tag> },
          {
            title: t.outbound.attempts,
            dataIndex: 'attempts',
            render: (attempts: Delivery['attempts']) => attempts.map((a) => a.statusCode ?? a.error ?? '—').join(' → '),
          },
        ]}
      />
    </Drawer>
  );
}

function Webhooks() {
  const t = useT();
  const { message } = App.useApp();
  const webhooks = useApi(() => api.get<{ items: Webhook[] }>('/api/webhooks'), []);
  const [form] = Form.useForm<{ url: string; events: string[]; secret: string }>();
  const [problem, setProblem] = useState<ApiError | undefined>();
  const [open, setOpen] = useState<Webhook | null>(null);

  const add = async (values: { url: string; events: string[]; secret: string }) => {
    setProblem(undefined);
    try {
      await api.post('/api/webhooks', values);
      form.resetFields();
      webhooks.reload();
      void message.success(t.outbound.add);
    } catch (error) {
      setProblem(error instanceof ApiError ? error : undefined);
    }
  };

  return (
    <Card title={t.outbound.webhooksTitle} style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">{t.outbound.webhooksIntro}</Typography.Paragraph>
      <LoadState error={webhooks.error} />
      <Table
        rowKey="id"
        size="small"
        loading={webhooks.loading && !webhooks.data}
        dataSource={webhooks.data?.items ?? []}
        locale={{ emptyText: <Empty description={t.outbound.noWebhooks} /> }}
        pagination={false}
        columns={[
          { title: t.outbound.url, dataIndex: 'url' },
          { title: t.outbound.events, dataIndex: 'events', render: (events: string[]) => events.map((e) => <Tag key={e}>{e}</Tag>) },
          { title: t.outbound.active, dataIndex: 'active', render: (active: boolean) => (active ? t.common.yes : t.common.no) },
          {
            title: t.common.actions,
            key: 'actions',
            render: (_: unknown, hook: Webhook) => (
              <Space>
                <Button size="small" onClick={() => setOpen(hook)}>
                  {t.outbound.deliveries}
                </Button>
                {hook.active && (
                  <Button size="small" danger onClick={() => void api.delete(`/api/webhooks/${hook.id}`).then(webhooks.reload)}>
                    {t.outbound.deactivate}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Form form={form} layout="vertical" onFinish={(values) => void add(values)} style={{ marginTop: 16, maxWidth: 640 }} initialValues={{ events: EVENTS }}>
        <Form.Item name="url" label={t.outbound.url} rules={[{ required: true }]}>
          <Input placeholder="https://" />
        </Form.Item>
        <Form.Item name="events" label={t.outbound.events} rules={[{ required: true }]}>
          <Checkbox.Group options={EVENTS} />
        </Form.Item>
        <Form.Item name="secret" label={t.outbound.secret} rules={[{ required: true, min: 16 }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {problem && <ProblemAlert error={problem} />}
        <Button type="primary" htmlType="submit">
          {t.outbound.add}
        </Button>
      </Form>
      {open && <Deliveries webhook={open} onClose={() => setOpen(null)} />}
    </Card>
  );
}

function Outgoing({ status }: { status: 'failed' | 'held' }) {
  const t = useT();
  const rows = useApi(() => api.get<{ items: Outgoing[] }>('/api/notifications', { status }), [status]);
  return (
    <Card title={status === 'failed' ? t.outbound.failedTitle : t.outbound.held} style={{ marginBottom: 16 }}>
      {status === 'failed' && <Typography.Paragraph type="secondary">{t.outbound.failedIntro}</Typography.Paragraph>}
      <LoadState error={rows.error} />
      <Table
        rowKey="id"
        size="small"
        loading={rows.loading && !rows.data}
        dataSource={rows.data?.items ?? []}
        locale={{ emptyText: <Empty description={status === 'failed' ? t.outbound.noFailed : t.outbound.noHeld} /> }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t.outbound.createdAt, dataIndex: 'createdAt', render: (at: string) => formatDateTime(at, t.locale) },
          { title: t.outbound.channel, dataIndex: 'channel' },
          { title: t.outbound.template, dataIndex: 'template' },
          { title: t.outbound.attempts, dataIndex: 'deliveryAttempts' },
          status === 'failed'
            ? { title: t.outbound.lastError, dataIndex: 'lastError' }
            : { title: t.outbound.sendAt, dataIndex: 'notBefore', render: (at: string | null) => formatDateTime(at, t.locale) },
          ...(status === 'failed'
            ? [
                {
                  title: t.common.actions,
                  key: 'retry',
                  render: (_: unknown, row: Outgoing) => (
                    <Button size="small" onClick={() => void api.post(`/api/notifications/${row.id}/retry`).then(rows.reload)}>
                      {t.outbound.retry}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

/** Admin: webhooks for other systems, and the SMS and e-mail that did not go out. */
export function NotificationsPage() {
  const t = useT();
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t.outbound.title}
      </Typography.Title>
      <Webhooks />
      <Outgoing status="failed" />
      <Outgoing status="held" />
    </>
  );
}
