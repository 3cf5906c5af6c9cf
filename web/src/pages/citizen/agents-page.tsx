import { DayInput } from '../../components/date-input';
import { App, Button, Card, Form, Input, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { LoadState, ProblemAlert } from '../../components/problem-alert';
import { useT } from '../../i18n/i18n';
import { api, ApiError } from '../../lib/api';
import { useCatalogue } from '../../lib/catalogue';
import { useApi } from '../../lib/use-api';

export interface Authorisation {
  id: string;
  principal: { id: string; username: string; name: string };
  agent: { id: string; username: string; name: string };
  serviceItemCodes: string[] | null;
  validUntil: string;
  kind: string;
  status: 'active' | 'expired' | 'revoked';
}

interface List {
  items: Authorisation[];
}

const STATUS_COLOURS = { active: 'green', expired: 'default', revoked: 'red' } as const;

/** 我的代办授权: whom I let apply for me (and until when), and whom I may apply for. */
export function AgentsPage() {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ agentUsername: string; serviceItemCodes?: string[]; validUntil: string }>();
  const catalogue = useCatalogue();
  const given = useApi(() => api.get<List>('/api/my/agents'), []);
  const received = useApi(() => api.get<List>('/api/my/principals'), []);
  const [failure, setFailure] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  const itemName = (code: string) => catalogue?.items.find((i) => i.code === code)?.name ?? code;
  const itemsOf = (row: Authorisation) => (row.serviceItemCodes ? row.serviceItemCodes.map(itemName).join('、') : t.identity.allItems);
  const status = (row: Authorisation) => <Tag color={STATUS_COLOURS[row.status]}>{t.identity.statusOf[row.status]}</Tag>;

  const authorise = async (values: { agentUsername: string; serviceItemCodes?: string[]; validUntil: string }) => {
    setBusy(true);
    setFailure(undefined);
    try {
      await api.post('/api/my/agents', { ...values, serviceItemCodes: values.serviceItemCodes?.length ? values.serviceItemCodes : undefined });
      message.success(t.identity.authorised);
      form.resetFields();
      given.reload();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const fields = error.errors.filter((e) => ['agentUsername', 'validUntil'].includes(e.path));
      form.setFields(fields.map((e) => ({ name: e.path as 'agentUsername' | 'validUntil', errors: [e.message] })));
      if (fields.length === 0) setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (id: string) => {
    try {
      await api.delete(`/api/my/agents/${id}`);
      message.success(t.identity.revoked);
      given.reload();
    } catch (error) {
      if (error instanceof ApiError) setFailure(error);
    }
  };

  const required = [{ required: true, message: t.login.required }];
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t.identity.agentsTitle}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t.identity.agentsIntro}</Typography.Paragraph>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.identity.authorise}</h2>} style={{ marginBottom: 16 }}>
        <Form form={form} layout="inline" onFinish={authorise} requiredMark={false} style={{ rowGap: 12 }}>
          <Form.Item name="agentUsername" label={t.identity.agentUsername} rules={required}>
            <Input />
          </Form.Item>
          <Form.Item name="serviceItemCodes" label={t.identity.items} style={{ minWidth: 320 }}>
            <Select mode="multiple" allowClear options={(catalogue?.items ?? []).map((i) => ({ value: i.code, label: i.name }))} />
          </Form.Item>
          <Form.Item name="validUntil" label={t.identity.validUntil} rules={required}>
            <DayInput />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t.identity.authorise}
          </Button>
        </Form>
        <ProblemAlert error={failure} />
      </Card>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.identity.given}</h2>} style={{ marginBottom: 16 }}>
        <LoadState error={given.error} />
        <Table
          rowKey="id"
          size="small"
          loading={given.loading && !given.data}
          dataSource={given.data?.items ?? []}
          pagination={false}
          columns={[
            { title: t.identity.agent, render: (_, row: Authorisation) => `${row.agent.name}（${row.agent.username}）` },
            { title: t.identity.itemsColumn, render: (_, row: Authorisation) => itemsOf(row) },
            { title: t.identity.validUntil, dataIndex: 'validUntil' },
            { title: t.identity.status, render: (_, row: Authorisation) => status(row) },
            {
              title: t.common.actions,
              render: (_, row: Authorisation) =>
                row.status === 'active' && (
                  <Popconfirm title={t.identity.revoke} onConfirm={() => revoke(row.id)}>
                    <Button size="small" danger>
                      {t.identity.revoke}
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      </Card>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.identity.received}</h2>}>
        <LoadState error={received.error} />
        <Table
          rowKey="id"
          size="small"
          loading={received.loading && !received.data}
          dataSource={received.data?.items ?? []}
          pagination={false}
          columns={[
            { title: t.identity.principal, render: (_, row: Authorisation) => row.principal.name },
            { title: t.identity.itemsColumn, render: (_, row: Authorisation) => itemsOf(row) },
            { title: t.identity.validUntil, dataIndex: 'validUntil' },
            { title: t.identity.status, render: (_, row: Authorisation) => status(row) },
          ]}
        />
      </Card>
    </>
  );
}
