import { App, Button, Card, Descriptions, Form, Input, Popconfirm, Select, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useState, type ComponentType } from 'react';
import { LoadState, ProblemAlert } from '../../components/problem-alert';
import { useT } from '../../i18n/i18n';
import { api, ApiError, withQuery } from '../../lib/api';
import { formatDate, formatDateTime } from '../../lib/dates';
import { Link } from '../../lib/router';
import { hasRole, useSession } from '../../lib/session';
import { TICKET_STATUSES, type RatingTicket, type TicketStatus } from '../../lib/types';
import { useApi } from '../../lib/use-api';

const STATUS_COLOURS: Record<TicketStatus, string> = { open: 'red', visited: 'orange', rectified: 'blue', appealed: 'purple', closed: 'default' };

function TicketStatusTag({ ticket }: { ticket: Pick<RatingTicket, 'status' | 'overdue' | 'outcome'> }) {
  const t = useT();
  return (
    <Space size={4}>
      <Tag color={STATUS_COLOURS[ticket.status]}>{t.tickets.statuses[ticket.status]}</Tag>
      {ticket.outcome === 'appeal_upheld' && <Tag>{t.tickets.appealUpheld}</Tag>}
      {ticket.overdue && <Tag color="red">{t.tickets.overdue}</Tag>}
    </Space>
  );
}

/** 差评 整改 tickets: the own department's for a clerk, every one for a supervisor. */
function TicketListPage() {
  const t = useT();
  const [status, setStatus] = useState<TicketStatus | ''>('');
  const loaded = useApi(() => api.get<{ items: RatingTicket[] }>(withQuery('/api/rating-tickets', { status, limit: 200 })), [status]);
  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t.tickets.title}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t.tickets.intro}</Typography.Paragraph>
      <Space style={{ marginBottom: 16 }}>
        <label htmlFor="ticket-status">{t.tickets.status}</label>
        <Select
          id="ticket-status"
          style={{ width: 160 }}
          value={status}
          onChange={setStatus}
          options={[{ value: '', label: t.tickets.all }, ...TICKET_STATUSES.map((s) => ({ value: s, label: t.tickets.statuses[s] }))]}
        />
      </Space>
      <LoadState error={loaded.error} />
      <Table<RatingTicket>
        rowKey="id"
        size="small"
        loading={loaded.loading}
        dataSource={loaded.data?.items ?? []}
        locale={{ emptyText: t.tickets.empty }}
        pagination={false}
        columns={[
          { title: t.tickets.caseNo, dataIndex: 'caseNo', render: (caseNo: string, row) => <Link to={`/tickets/${row.id}`}>{caseNo}</Link> },
          { title: t.tickets.score, dataIndex: 'scoreLabel', render: (label: string, row) => `${label}（${row.score}）` },
          { title: t.tickets.department, dataIndex: 'departmentCode' },
          { title: t.tickets.status, key: 'status', render: (_: unknown, row) => <TicketStatusTag ticket={row} /> },
          { title: t.tickets.dueDate, dataIndex: 'dueDate', render: (date: string) => formatDate(date, t.locale) },
        ]}
      />
    </Card>
  );
}

function NoteForm({ label, field, onSubmit, testId }: { label: string; field: 'note' | 'reason'; onSubmit: (text: string) => Promise<void>; testId: string }) {
  const t = useT();
  const [form] = Form.useForm<Record<string, string>>();
  return (
    <Form form={form} name={testId} layout="inline" data-testid={testId} onFinish={async (values) => {
      await onSubmit(values[field]!);
      form.resetFields();
    }}>
      <Form.Item name={field} label={label} rules={[{ required: true, whitespace: true, message: t.validation.required }, { max: 2000 }]}>
        <Input.TextArea rows={1} style={{ width: 360 }} maxLength={2000} />
      </Form.Item>
      <Button htmlType="submit">{t.common.submit}</Button>
    </Form>
  );
}

function TicketDetailPage({ params }: { params: Record<string, string> }) {
  const t = useT();
  const session = useSession();
  const { message } = App.useApp();
  const loaded = useApi(() => api.get<RatingTicket>(`/api/rating-tickets/${params.id}`), [params.id]);
  const [failure, setFailure] = useState<ApiError>();
  const ticket = loaded.data;
  const clerk = hasRole(session, 'clerk');
  const supervisor = hasRole(session, 'supervisor', 'admin');

  const act = async (action: string, body: object = {}) => {
    try {
      setFailure(undefined);
      await api.post(`/api/rating-tickets/${params.id}/${action}`, body);
      message.success(t.tickets.done);
      loaded.reload();
    } catch (error) {
      if (error instanceof ApiError) setFailure(error);
      else throw error;
    }
  };

  if (!ticket) return <LoadState error={loaded.error} />;
  const working = ticket.status !== 'closed' && ticket.status !== 'appealed';
  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t.tickets.detailTitle(ticket.caseNo)}
      </Typography.Title>
      <Descriptions
        bordered
        size="small"
        column={1}
        items={[
          { key: 'status', label: t.tickets.status, children: <span data-testid="ticket-status"><TicketStatusTag ticket={ticket} /></span> },
          { key: 'score', label: t.tickets.score, children: `${ticket.scoreLabel}（${ticket.score}）` },
          { key: 'comment', label: t.tickets.comment, children: ticket.comment ?? '—' },
          { key: 'department', label: t.tickets.department, children: ticket.departmentCode ?? '—' },
          { key: 'due', label: t.tickets.dueDate, children: formatDate(ticket.dueDate, t.locale) },
          { key: 'opened', label: t.tickets.openedAt, children: formatDateTime(ticket.openedAt, t.locale) },
          ...(ticket.closedAt ? [{ key: 'closed', label: t.tickets.closedAt, children: formatDateTime(ticket.closedAt, t.locale) }] : []),
        ]}
      />
      <Typography.Title level={2} style={{ fontSize: 16, marginTop: 16 }}>
        {t.tickets.records}
      </Typography.Title>
      <Timeline
        items={[
          ...ticket.visits.map((v) => ({ children: `${t.tickets.visit}：${v.note}（${v.byName}，${formatDateTime(v.at, t.locale)}）` })),
          ...(ticket.rectification ? [{ color: 'blue', children: `${t.tickets.rectify}：${ticket.rectification.note}（${ticket.rectification.byName}）` }] : []),
          ...(ticket.appeal
            ? [{
                color: 'purple',
                children: `${t.tickets.appeal}：${ticket.appeal.reason}（${ticket.appeal.byName}）${ticket.appeal.upheld === null ? '' : ticket.appeal.upheld ? ` — ${t.tickets.upheld}` : ` — ${t.tickets.rejected}`}`,
              }]
            : []),
        ]}
      />
      <ProblemAlert error={failure} />
      <Space orientation="vertical" style={{ width: '100%', marginTop: 16 }}>
        {clerk && working && <NoteForm label={t.tickets.visit} field="note" testId="visit-form" onSubmit={(note) => act('visit', { note })} />}
        {clerk && working && ticket.status !== 'open' && <NoteForm label={t.tickets.rectify} field="note" testId="rectify-form" onSubmit={(note) => act('rectify', { note })} />}
        {clerk && working && !ticket.appeal && <NoteForm label={t.tickets.appealReason} field="reason" testId="appeal-form" onSubmit={(reason) => act('appeal', { reason })} />}
        {supervisor && ticket.status === 'rectified' && (
          <Popconfirm title={t.tickets.closeConfirm} onConfirm={() => act('close')} okText={t.common.confirm} cancelText={t.common.cancel}>
            <Button type="primary">{t.tickets.close}</Button>
          </Popconfirm>
        )}
        {supervisor && ticket.status === 'appealed' && (
          <Space>
            <Button type="primary" onClick={() => act('appeal-decision', { upheld: true })}>{t.tickets.uphold}</Button>
            <Button onClick={() => act('appeal-decision', { upheld: false })}>{t.tickets.reject}</Button>
          </Space>
        )}
        <Link to="/tickets">{t.common.back}</Link>
      </Space>
    </Card>
  );
}

/** The 差评 整改 pages, loaded as one chunk. */
export const ticketPages: Record<string, ComponentType<{ params: Record<string, string> }>> = {
  list: TicketListPage,
  detail: TicketDetailPage,
};
