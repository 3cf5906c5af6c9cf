import { App, Button, Card, Popconfirm, Table, Typography } from 'antd';
import { useState } from 'react';
import { LoadState, ProblemAlert } from '../../components/problem-alert';
import { useT } from '../../i18n/i18n';
import { api, ApiError } from '../../lib/api';
import { useApi } from '../../lib/use-api';
import { AuthorisationStatus, AuthoriseForm, useItemsOf, type Authorisation } from './authorise-form';

interface List {
  items: Authorisation[];
}

/** 我的代办授权: whom I let apply for me (and until when), and whom I may apply for. */
export function AgentsPage() {
  const t = useT();
  const { message } = App.useApp();
  const given = useApi(() => api.get<List>('/api/my/agents'), []);
  const received = useApi(() => api.get<List>('/api/my/principals'), []);
  const [failure, setFailure] = useState<ApiError>();
  const itemsOf = useItemsOf();

  const revoke = async (id: string) => {
    try {
      await api.delete(`/api/my/agents/${id}`);
      message.success(t.identity.revoked);
      given.reload();
    } catch (error) {
      if (error instanceof ApiError) setFailure(error);
    }
  };

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t.identity.agentsTitle}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t.identity.agentsIntro}</Typography.Paragraph>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.identity.authorise}</h2>} style={{ marginBottom: 16 }}>
        <AuthoriseForm
          usernameLabel={t.identity.agentUsername}
          submitLabel={t.identity.authorise}
          doneMessage={t.identity.authorised}
          post={(body) => api.post('/api/my/agents', body)}
          onDone={given.reload}
        />
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
            { title: t.identity.itemsColumn, render: (_, row: Authorisation) => itemsOf(row.serviceItemCodes) },
            { title: t.identity.validUntil, dataIndex: 'validUntil' },
            { title: t.identity.status, render: (_, row: Authorisation) => <AuthorisationStatus status={row.status} /> },
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
            { title: t.identity.itemsColumn, render: (_, row: Authorisation) => itemsOf(row.serviceItemCodes) },
            { title: t.identity.validUntil, dataIndex: 'validUntil' },
            { title: t.identity.status, render: (_, row: Authorisation) => <AuthorisationStatus status={row.status} /> },
          ]}
        />
      </Card>
    </>
  );
}
