import { Button, Empty, Table, Typography } from 'antd';
import { LoadState } from '../../components/problem-alert';
import { StatusTag } from '../../components/status-tag';
import { useT } from '../../i18n/i18n';
import { api } from '../../lib/api';
import { subjectName, useCatalogue } from '../../lib/catalogue';
import { formatDateTime } from '../../lib/dates';
import { Link } from '../../lib/router';
import type { CaseSummary, Page } from '../../lib/types';
import { useApi } from '../../lib/use-api';

export function MyCasesPage() {
  const t = useT();
  const catalogue = useCatalogue();
  const cases = useApi(() => api.get<Page<CaseSummary>>('/api/cases', { limit: 100 }), []);
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t.cases.title}
      </Typography.Title>
      <Button onClick={cases.reload} loading={cases.loading} style={{ marginBottom: 12 }}>
        {t.common.refresh}
      </Button>
      <LoadState error={cases.error} />
      <Table
        rowKey="id"
        loading={cases.loading && !cases.data}
        dataSource={cases.data?.items ?? []}
        locale={{ emptyText: <Empty description={t.cases.empty} /> }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t.cases.caseNo, dataIndex: 'caseNo', render: (no: string, c) => <Link to={`/portal/cases/${c.id}`}>{no}</Link> },
          { title: t.cases.item, key: 'item', render: (_: unknown, c) => subjectName(catalogue, c) },
          { title: t.cases.status, dataIndex: 'status', render: (s: string) => <StatusTag status={s} /> },
          { title: t.cases.submittedAt, dataIndex: 'submittedAt', render: (at: string) => formatDateTime(at, t.locale) },
          { title: t.cases.promised, dataIndex: 'promisedDeadline', render: (at: string | null) => formatDateTime(at, t.locale) },
        ]}
      />
    </>
  );
}
