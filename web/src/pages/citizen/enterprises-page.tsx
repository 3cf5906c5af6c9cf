import { App, Button, Card, Form, Input, Popconfirm, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { LoadState, ProblemAlert } from '../../components/problem-alert';
import { useT } from '../../i18n/i18n';
import { api, ApiError } from '../../lib/api';
import { useApi } from '../../lib/use-api';
import { AuthorisationStatus, AuthoriseForm, useItemsOf, type Authorisation } from './authorise-form';

interface Enterprise {
  id: string;
  uscc: string;
  name: string;
  registryVerified: boolean;
  role: 'legal_representative' | 'handler';
  legalRepresentative: { id: string; name: string };
  authorisation: { id: string; status: Authorisation['status']; serviceItemCodes: string[] | null; validUntil: string };
}

/** 我的企业: register an enterprise account (法人账户), see the enterprises one acts for, manage 经办人. */
export function EnterprisesPage() {
  const t = useT();
  const { message } = App.useApp();
  const [registerForm] = Form.useForm<{ uscc: string; name: string }>();
  const mine = useApi(() => api.get<{ items: Enterprise[] }>('/api/my/enterprises'), []);
  const [managed, setManaged] = useState<Enterprise>();
  const [failure, setFailure] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const itemsOf = useItemsOf();
  const status = (value: Authorisation['status']) => <AuthorisationStatus status={value} />;

  const register = async (values: { uscc: string; name: string }) => {
    setBusy(true);
    setFailure(undefined);
    try {
      const made = await api.post<Enterprise>('/api/my/enterprises', { uscc: values.uscc.trim().toUpperCase(), name: values.name.trim() });
      message.success(t.enterprise.registered(made.name));
      registerForm.resetFields();
      mine.reload();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const fields = error.errors.filter((e) => e.path === 'uscc' || e.path === 'name');
      registerForm.setFields(fields.map((e) => ({ name: e.path as 'uscc' | 'name', errors: [e.message] })));
      if (fields.length === 0) setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const required = [{ required: true, message: t.login.required }];
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t.enterprise.title}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t.enterprise.intro}</Typography.Paragraph>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.enterprise.registerTitle}</h2>} style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">{t.enterprise.registerHint}</Typography.Paragraph>
        <Form form={registerForm} layout="inline" onFinish={register} requiredMark={false} style={{ rowGap: 12 }}>
          <Form.Item name="uscc" label={t.enterprise.uscc} rules={[...required, { len: 18, message: t.enterprise.uscc }]}>
            <Input maxLength={18} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="name" label={t.enterprise.name} rules={required}>
            <Input maxLength={100} style={{ width: 320 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t.enterprise.register}
          </Button>
        </Form>
        <ProblemAlert error={failure} />
      </Card>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.enterprise.listTitle}</h2>} style={{ marginBottom: 16 }}>
        <LoadState error={mine.error} />
        <Table
          rowKey="id"
          size="small"
          loading={mine.loading && !mine.data}
          dataSource={mine.data?.items ?? []}
          locale={{ emptyText: t.enterprise.none }}
          pagination={false}
          columns={[
            { title: t.enterprise.name, dataIndex: 'name' },
            { title: t.enterprise.uscc, dataIndex: 'uscc' },
            { title: t.enterprise.legalRepresentative, render: (_, row: Enterprise) => row.legalRepresentative.name },
            { title: t.enterprise.role, render: (_, row: Enterprise) => t.identity.kind[row.role] },
            { title: t.enterprise.verified, render: (_, row: Enterprise) => (row.registryVerified ? <Tag color="green">{t.enterprise.verifiedYes}</Tag> : <Tag>{t.enterprise.verifiedNo}</Tag>) },
            {
              title: t.enterprise.myAuthorisation,
              render: (_, row: Enterprise) =>
                row.role === 'legal_representative' ? (
                  status(row.authorisation.status)
                ) : (
                  <>
                    {status(row.authorisation.status)} {itemsOf(row.authorisation.serviceItemCodes)}（{t.identity.validUntil} {row.authorisation.validUntil}）
                  </>
                ),
            },
            {
              title: t.common.actions,
              render: (_, row: Enterprise) =>
                row.role === 'legal_representative' && (
                  <Button size="small" onClick={() => setManaged(row)}>
                    {t.enterprise.manage}
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      {managed && <Handlers key={managed.id} enterprise={managed} />}
    </>
  );
}

/** The 经办人 of one enterprise, for its legal representative: authorise, list, revoke. */
function Handlers({ enterprise }: { enterprise: Enterprise }) {
  const t = useT();
  const { message } = App.useApp();
  const itemsOf = useItemsOf();
  const handlers = useApi(() => api.get<{ items: Authorisation[] }>(`/api/my/enterprises/${enterprise.id}/handlers`), [enterprise.id]);
  const [failure, setFailure] = useState<ApiError>();

  const revoke = async (id: string) => {
    setFailure(undefined);
    try {
      await api.delete(`/api/my/enterprises/${enterprise.id}/handlers/${id}`);
      message.success(t.identity.revoked);
      handlers.reload();
    } catch (error) {
      if (error instanceof ApiError) setFailure(error);
    }
  };

  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.enterprise.handlersTitle(enterprise.name)}</h2>} data-handlers={enterprise.id}>
      <div style={{ marginBottom: 16 }}>
        <AuthoriseForm
          usernameLabel={t.enterprise.handlerUsername}
          submitLabel={t.enterprise.authorise}
          doneMessage={t.enterprise.authorised}
          post={(body) => api.post(`/api/my/enterprises/${enterprise.id}/handlers`, body)}
          onDone={handlers.reload}
        />
      </div>
      <ProblemAlert error={failure} />
      <LoadState error={handlers.error} />
      <Table
        rowKey="id"
        size="small"
        loading={handlers.loading && !handlers.data}
        dataSource={handlers.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t.enterprise.handler, render: (_, row: Authorisation) => `${row.agent.name}（${row.agent.username}）` },
          { title: t.enterprise.role, render: (_, row: Authorisation) => t.identity.kind[row.kind] ?? row.kind },
          { title: t.identity.itemsColumn, render: (_, row: Authorisation) => itemsOf(row.serviceItemCodes) },
          { title: t.identity.validUntil, render: (_, row: Authorisation) => (row.kind === 'legal_representative' ? '—' : row.validUntil) },
          { title: t.identity.status, render: (_, row: Authorisation) => <AuthorisationStatus status={row.status} /> },
          {
            title: t.common.actions,
            render: (_, row: Authorisation) =>
              row.kind === 'handler' &&
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
  );
}
