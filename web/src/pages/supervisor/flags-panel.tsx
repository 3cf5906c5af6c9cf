import { App, Button, Empty, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { LoadState } from '../../components/problem-alert';
import { SeverityChip } from '../../components/urgency-chip';
import { label, useT } from '../../i18n/i18n';
import { api, ApiError, download, withQuery } from '../../lib/api';
import { formatDateTime } from '../../lib/dates';
import type { Page, RiskFlag } from '../../lib/types';
import { useApi } from '../../lib/use-api';

export const caseNoOf = (item: { facts?: Record<string, unknown> }) => (typeof item.facts?.caseNo === 'string' ? item.facts.caseNo : '—');

/** Open 红黄牌 by severity and kind; a supervisor acknowledges them or resolves them with a note. */
export function FlagsPanel() {
  const t = useT();
  const { message } = App.useApp();
  const [severity, setSeverity] = useState<string>();
  const [kind, setKind] = useState<string>();
  // Acknowledged flags leave the open list but are not done: they stay reachable to be resolved.
  const [status, setStatus] = useState<'open' | 'acknowledged' | 'resolved'>('open');
  const [resolving, setResolving] = useState<RiskFlag>();
  const [form] = Form.useForm<{ comment: string }>();
  const query = { status, severity, kind, limit: 100 };
  const flags = useApi(() => api.get<Page<RiskFlag>>('/api/risk-flags', query), [status, severity, kind]);
  const items = flags.data?.items ?? [];

  const counts = new Map<string, { severity: string; count: number }>();
  for (const flag of items) counts.set(flag.kind, { severity: flag.severity, count: (counts.get(flag.kind)?.count ?? 0) + 1 });

  const act = async (flag: RiskFlag, action: 'acknowledge' | 'resolve', comment?: string) => {
    try {
      await api.post(`/api/risk-flags/${encodeURIComponent(flag.id)}/${action}`, comment ? { comment } : {});
      message.success(action === 'acknowledge' ? t.dashboard.acknowledged : t.dashboard.resolved);
      flags.reload();
      return true;
    } catch (error) {
      message.error(error instanceof ApiError ? t.common.failedWith(error.detail) : String(error));
      return false;
    }
  };

  if (flags.error) return <LoadState error={flags.error} />;
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label={t.dashboard.flagStatus}
          style={{ width: 140 }}
          value={status}
          onChange={setStatus}
          options={(['open', 'acknowledged', 'resolved'] as const).map((s) => ({ label: label(t.dashboard.flagStatuses, s), value: s }))}
        />
        <Select
          aria-label={t.dashboard.severity}
          placeholder={t.dashboard.severity}
          allowClear
          style={{ width: 140 }}
          value={severity}
          onChange={setSeverity}
          options={['red', 'yellow'].map((s) => ({ label: label(t.dashboard.severities, s), value: s }))}
        />
        <Select
          aria-label={t.dashboard.kind}
          placeholder={t.dashboard.kind}
          allowClear
          style={{ width: 220 }}
          value={kind}
          onChange={setKind}
          options={Object.entries(t.dashboard.kinds).map(([code, name]) => ({ label: name, value: code }))}
        />
        <Button onClick={flags.reload} loading={flags.loading}>
          {t.common.refresh}
        </Button>
        <Button onClick={() => download(withQuery('/api/risk-flags', { ...query, format: 'csv' }), 'risk-flags.csv')}>{t.common.exportCsv}</Button>
      </Space>
      {counts.size > 0 && (
        <div style={{ marginBottom: 12 }} aria-label={t.dashboard.openFlags}>
          {[...counts.entries()]
            .sort((a, b) => (a[1].severity === b[1].severity ? b[1].count - a[1].count : a[1].severity === 'red' ? -1 : 1))
            .map(([code, c]) => (
              <Tag key={code} color={c.severity === 'red' ? 'error' : 'warning'} style={{ marginBottom: 4 }}>
                {c.severity === 'red' ? '■' : '▲'} {t.common.colon(label(t.dashboard.kinds, code))}{c.count}
              </Tag>
            ))}
        </div>
      )}
      <Table
        rowKey="id"
        size="small"
        loading={flags.loading && !flags.data}
        dataSource={items}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={t.dashboard.noFlagsWith(label(t.dashboard.flagStatuses, status))} /> }}
        columns={[
          { title: t.dashboard.severity, dataIndex: 'severity', render: (s: string) => <SeverityChip severity={s} /> },
          { title: t.dashboard.kind, dataIndex: 'kind', render: (k: string) => label(t.dashboard.kinds, k) },
          { title: t.dashboard.case, key: 'case', render: (_: unknown, f) => caseNoOf(f) },
          { title: t.dashboard.detail, dataIndex: 'detail' },
          { title: t.dashboard.detectedAt, dataIndex: 'detectedAt', render: (at: string) => formatDateTime(at, t.locale) },
          { title: t.dashboard.flagStatus, dataIndex: 'status', render: (s: string) => <Tag data-flag-status={s}>{label(t.dashboard.flagStatuses, s)}</Tag> },
          {
            title: t.common.actions,
            key: 'act',
            render: (_: unknown, flag) => (
              <Space>
                {flag.status === 'open' && (
                  <Button size="small" onClick={() => act(flag, 'acknowledge')}>
                    {t.dashboard.acknowledge}
                  </Button>
                )}
                {flag.status !== 'resolved' && (
                <Button
                  size="small"
                  onClick={() => {
                    form.resetFields();
                    setResolving(flag);
                  }}
                >
                  {t.dashboard.resolve}
                </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        forceRender
        open={!!resolving}
        title={t.dashboard.resolve}
        okText={t.common.confirm}
        cancelText={t.common.cancel}
        onCancel={() => setResolving(undefined)}
        onOk={async () => {
          const { comment } = await form.validateFields();
          if (resolving && (await act(resolving, 'resolve', comment.trim()))) setResolving(undefined);
        }}
      >
        {resolving && <Typography.Paragraph>{resolving.detail}</Typography.Paragraph>}
        <Form form={form} layout="vertical">
          <Form.Item name="comment" label={t.dashboard.resolveComment} rules={[{ required: true, whitespace: true, message: t.validation.required }, { max: 2000 }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
