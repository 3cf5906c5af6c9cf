import { Alert, App, Button, Checkbox, Empty, Popconfirm, Radio, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { LoadState } from '../../components/problem-alert';
import { UrgencyChip } from '../../components/urgency-chip';
import { label, useT } from '../../i18n/i18n';
import { api, ApiError, taskPath } from '../../lib/api';
import { useCatalogue } from '../../lib/catalogue';
import { formatDateTime } from '../../lib/dates';
import { Link } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useStepNames } from '../../lib/step-names';
import type { BulkResponse, Page, Task } from '../../lib/types';
import { useApi } from '../../lib/use-api';
import { CommitmentChecksPanel } from './commitment-checks-panel';

const REFRESH_MS = 20_000;

interface BulkOutcome {
  task: Task;
  ok: boolean;
  detail: string;
}

type BulkKind = 'accept' | 'claim';

/** The department's queue, most urgent first, with claim/release, bulk claim and bulk acceptance (one call: POST /api/tasks/bulk). */
export function QueuePage() {
  const t = useT();
  const { message } = App.useApp();
  const session = useSession();
  const catalogue = useCatalogue();
  const [status, setStatus] = useState<'' | 'open' | 'claimed'>('');
  const [overdue, setOverdue] = useState(false);
  const [covering, setCovering] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const [bulk, setBulk] = useState<{ running: BulkKind | null; kind: BulkKind; outcomes: BulkOutcome[] }>({ running: null, kind: 'accept', outcomes: [] });
  const tasks = useApi(() => api.get<Page<Task>>('/api/tasks', { status, overdue: overdue || undefined, covering: covering || undefined, limit: 100 }), [status, overdue, covering]);
  const items = tasks.data?.items ?? [];
  const stepNames = useStepNames(items.map((task) => catalogue?.item(task.serviceItemCode)?.workflowKey ?? '').filter(Boolean));
  const [now, setNow] = useState(Date.now());

  useEffect(() => {
    const timer = setInterval(() => {
      setNow(Date.now());
      tasks.reload();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [tasks.reload]);
  useEffect(() => setNow(Date.now()), [tasks.data]);

  const stepName = (task: Task) => stepNames[catalogue?.item(task.serviceItemCode)?.workflowKey ?? '']?.[task.stepId] ?? label(t.steps, task.stepId);

  const claimOrRelease = async (task: Task, action: 'claim' | 'release') => {
    try {
      await api.post(taskPath(task.id, action));
      message.success(action === 'claim' ? t.queue.claimedOk : t.queue.releasedOk);
    } catch (error) {
      if (error instanceof ApiError) message.error(t.common.failedWith(error.detail));
    }
    tasks.reload();
  };

  // One call for all: the server applies or refuses each task on its own and answers for each.
  const runBulk = async (kind: BulkKind) => {
    const chosen = items.filter((task) => selected.includes(task.id));
    setBulk({ running: kind, kind, outcomes: [] });
    let outcomes: BulkOutcome[];
    try {
      const body = kind === 'accept' ? { action: 'decide', taskIds: chosen.map((task) => task.id), decision: { action: 'accept' } } : { action: 'claim', taskIds: chosen.map((task) => task.id) };
      const { results } = await api.post<BulkResponse>('/api/tasks/bulk', body);
      const byId = new Map(chosen.map((task) => [task.id, task]));
      outcomes = results.map((result) => ({
        task: byId.get(result.taskId)!,
        ok: result.status === 'applied',
        detail: result.status === 'applied' ? t.queue.applied : ((result.problem && (t.problems as Record<string, string>)[result.problem.code]) ?? result.problem?.detail ?? ''),
      }));
    } catch (error) {
      outcomes = chosen.map((task) => ({ task, ok: false, detail: error instanceof ApiError ? error.detail : String(error) }));
    }
    setBulk({ running: null, kind, outcomes });
    setSelected([]);
    tasks.reload();
  };

  const failed = bulk.outcomes.filter((o) => !o.ok).length;

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t.queue.title}
        {session?.user.departmentCode && catalogue && (
          <Typography.Text type="secondary" style={{ fontSize: 16, marginInlineStart: 12 }}>
            {catalogue.departmentName(session.user.departmentCode)}
          </Typography.Text>
        )}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t.queue.intro}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Radio.Group
          aria-label={t.queue.status}
          optionType="button"
          value={status}
          onChange={(e) => setStatus(e.target.value as typeof status)}
          options={[
            { label: t.queue.all, value: '' },
            { label: t.queue.open, value: 'open' },
            { label: t.queue.claimed, value: 'claimed' },
          ]}
        />
        <Checkbox checked={overdue} onChange={(e) => setOverdue(e.target.checked)}>
          {t.queue.overdueOnly}
        </Checkbox>
        <Checkbox checked={covering} onChange={(e) => setCovering(e.target.checked)}>
          {t.queue.coveringOnly}
        </Checkbox>
        <Button onClick={tasks.reload} loading={tasks.loading}>
          {t.common.refresh}
        </Button>
        <Popconfirm title={t.queue.bulkClaimConfirm(selected.length)} onConfirm={() => runBulk('claim')} okText={t.common.confirm} cancelText={t.common.cancel} disabled={selected.length === 0}>
          <Button disabled={selected.length === 0} loading={bulk.running === 'claim'}>
            {t.queue.bulkClaim}
            {selected.length > 0 ? ` (${selected.length})` : ''}
          </Button>
        </Popconfirm>
        <Popconfirm title={t.queue.bulkConfirm(selected.length)} onConfirm={() => runBulk('accept')} okText={t.common.confirm} cancelText={t.common.cancel} disabled={selected.length === 0}>
          <Button type="primary" disabled={selected.length === 0} loading={bulk.running === 'accept'}>
            {t.queue.bulkAccept}
            {selected.length > 0 ? ` (${selected.length})` : ''}
          </Button>
        </Popconfirm>
      </Space>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t.queue.bulkHint}
      </Typography.Paragraph>
      {bulk.outcomes.length > 0 && (
        <Alert
          type={failed ? 'warning' : 'success'}
          showIcon
          role="status"
          closable={{ onClose: () => setBulk({ running: null, kind: bulk.kind, outcomes: [] }) }}
          style={{ marginBottom: 12 }}
          title={
            bulk.kind === 'accept'
              ? `${t.common.colon(t.queue.bulkResult)}${t.queue.bulkDone(bulk.outcomes.length - failed, failed)}`
              : `${t.common.colon(t.queue.bulkClaimResult)}${t.queue.bulkClaimDone(bulk.outcomes.length - failed, failed)}`
          }
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {bulk.outcomes.map((o) => (
                <li key={o.task.id}>
                  {o.ok ? '✓' : '✗'} {t.common.colon(o.task.caseNo)}{o.detail}
                </li>
              ))}
            </ul>
          }
        />
      )}
      <LoadState error={tasks.error} />
      <Table
        rowKey="id"
        loading={tasks.loading && !tasks.data}
        dataSource={items}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={t.queue.empty} /> }}
        rowSelection={{
          selectedRowKeys: selected,
          onChange: (keys) => setSelected(keys.map(String)),
          getCheckboxProps: (task) => ({ 'aria-label': t.queue.selectRow(task.caseNo) }),
        }}
        columns={[
          { title: t.cases.caseNo, dataIndex: 'caseNo', render: (no: string, task) => <Link to={`/workbench/tasks/${encodeURIComponent(task.id)}`}>{no}</Link> },
          { title: t.cases.item, key: 'item', render: (_: unknown, task) => catalogue?.item(task.serviceItemCode)?.name ?? task.serviceItemCode ?? '—' },
          { title: t.queue.step, key: 'step', render: (_: unknown, task) => stepName(task) },
          { title: t.queue.dueAt, dataIndex: 'dueAt', render: (at: string | null) => formatDateTime(at, t.locale) },
          { title: t.queue.urgency, key: 'urgency', render: (_: unknown, task) => <UrgencyChip dueAt={task.dueAt} now={now} /> },
          {
            title: t.queue.claimedBy,
            key: 'claim',
            render: (_: unknown, task) => {
              if (!task.claimedBy) {
                return (
                  <Space>
                    <Typography.Text type="secondary">{t.queue.unclaimed}</Typography.Text>
                    <Button size="small" onClick={() => claimOrRelease(task, 'claim')}>
                      {t.queue.claim}
                    </Button>
                  </Space>
                );
              }
              if (task.claimedBy === session?.user.id) {
                return (
                  <Space>
                    <Typography.Text>{t.queue.byMe}</Typography.Text>
                    <Button size="small" onClick={() => claimOrRelease(task, 'release')}>
                      {t.queue.release}
                    </Button>
                  </Space>
                );
              }
              if (task.onBehalfOf) return <Tag color="purple">{t.queue.onBehalfOf(task.claimedByName ?? '')}</Tag>;
              return <Typography.Text type="secondary">{task.claimedByName ? t.queue.byNamed(task.claimedByName) : t.queue.byOther}</Typography.Text>;
            },
          },
          {
            title: t.common.actions,
            key: 'work',
            render: (_: unknown, task) => (
              <Link to={`/workbench/tasks/${encodeURIComponent(task.id)}`} aria-label={`${t.queue.work} ${task.caseNo}`}>
                {t.queue.work}
              </Link>
            ),
          },
        ]}
      />
      <CommitmentChecksPanel />
    </>
  );
}
