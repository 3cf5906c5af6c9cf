import { App, Button, Empty, Popconfirm, Table, Tag, Typography } from 'antd';
import { LoadState } from '../../components/problem-alert';
import { label, useT } from '../../i18n/i18n';
import { api, ApiError } from '../../lib/api';
import type { BenefitGrant, Page } from '../../lib/types';
import { useApi } from '../../lib/use-api';

/** 免申即享: what the citizen receives without applying, and why; any of it can be declined. */
export function BenefitsPage() {
  const t = useT();
  const { message } = App.useApp();
  const grants = useApi(() => api.get<Page<BenefitGrant>>('/api/my/benefits', { limit: 100 }), []);

  const decline = async (grant: BenefitGrant) => {
    try {
      await api.post(`/api/my/benefits/${encodeURIComponent(grant.id)}/decline`);
      message.success(t.benefits.declined);
      grants.reload();
    } catch (error) {
      if (error instanceof ApiError) message.error(t.common.failedWith(error.detail));
    }
  };

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t.benefits.title}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t.benefits.intro}</Typography.Paragraph>
      <LoadState error={grants.error} />
      {!grants.error && (
        <Table
          rowKey="id"
          loading={grants.loading && !grants.data}
          dataSource={grants.data?.items ?? []}
          locale={{ emptyText: <Empty description={t.benefits.empty} /> }}
          pagination={false}
          expandable={{
            rowExpandable: (g) => !!g.explanation,
            // In words, not code: the rule and the facts as the server says them from the rule's syntax tree.
            expandedRowRender: (g) => (
              <div data-testid="benefit-basis">
                <div>
                  <Typography.Text strong>{t.common.colon(t.benefits.basis)}</Typography.Text>
                  <Typography.Text>{g.explanation?.plain?.rule ?? t.benefits.generalCondition}</Typography.Text>
                </div>
                {(g.explanation?.plain?.facts.length ?? 0) > 0 && (
                  <div>
                    <Typography.Text strong>{t.common.colon(t.benefits.yourFacts(g.explanation!.asOf))}</Typography.Text>
                    <Typography.Text>{t.common.join(g.explanation!.plain!.facts)}</Typography.Text>
                  </div>
                )}
              </div>
            ),
          }}
          columns={[
            { title: t.benefits.policy, dataIndex: 'policyName' },
            { title: t.benefits.period, dataIndex: 'period' },
            { title: t.benefits.amount, dataIndex: 'amount', align: 'right', render: (a: number) => a.toFixed(2) },
            {
              title: t.benefits.status,
              dataIndex: 'status',
              render: (s: string) => <Tag color={s === 'granted' ? 'success' : 'default'}>{label(t.benefits.statuses, s)}</Tag>,
            },
            {
              title: t.common.actions,
              key: 'decline',
              render: (_: unknown, g) =>
                g.status === 'granted' && (
                  <Popconfirm title={t.benefits.declineConfirm} onConfirm={() => decline(g)} okText={t.common.confirm} cancelText={t.common.cancel}>
                    <Button size="small">{t.benefits.decline}</Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      )}
    </>
  );
}
