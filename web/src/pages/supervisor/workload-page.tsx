import { Alert, App, Button, Card, Empty, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { LoadState } from '../../components/problem-alert';
import { UrgencyChip } from '../../components/urgency-chip';
import { label, useT } from '../../i18n/i18n';
import { api, ApiError, taskPath } from '../../lib/api';
import { useCatalogue } from '../../lib/catalogue';
import { formatDateTime } from '../../lib/dates';
import { useSession } from '../../lib/session';
import { useStepNames } from '../../lib/step-names';
import type { BulkResponse, Task, Workload } from '../../lib/types';
import { useApi } from '../../lib/use-api';

/**
 * 工作量与指派: each clerk of a department with the tasks they hold and how many are late, and the
 * department's tasks, each with an assign action (one, or the selected ones in one call).
 */
export function WorkloadPage() {
  const t = useT();
  const { message } = App.useApp();
  const session = useSession();
  const catalogue = useCatalogue();
  const [department, setDepartment] = useState<string | undefined>(session?.user.departmentCode ?? undefined);
  const [selected, setSelected] = useState<string[]>([]);
  const [bulkTo, setBulkTo] = useState<string>();
  const [summary, setSummary] = useState<{ ok: number; failed: number; details: string[] }>();
  const [choice, setChoice] = useState<Record<string, string>>({});
  const workload = useApi(() => (department ? api.get<Workload>('/api/tasks/workload', { departmentCode: department }) : Promise.resolve(undefined)), [department]);
  const data = workload.data;
  const tasks = data?.tasks ?? [];
  const stepNames = useStepNames(tasks.map((task) => catalogue?.item(task.serviceItemCode)?.workflowKey ?? '').filter(Boolean));
  const stepName = (task: Task) => stepNames[catalogue?.item(task.serviceItemCode)?.workflowKey ?? '']?.[task.stepId] ?? label(t.steps, task.stepId);
  const clerkOptions = (data?.clerks ?? []).map((c) => ({ value: c.userId, label: c.absent ? `${c.displayName}（${t.workload.absent}）` : c.displayName }));
  const nameOf = (id: string) => data?.clerks.find((c) => c.userId === id)?.displayName ?? id;
  const problemText = (code: string, detail: string) => (t.problems as Record<string, string>)[code] ?? detail;

  const assign = async (task: Task) => {
    const userId = choice[task.id];
    if (!userId) return;
    try {
      await api.post(taskPath(task.id, 'assign'), { userId });
      message.success(t.workload.assignedOk(nameOf(userId)));
    } catch (error) {
      if (error instanceof ApiError) message.error(t.common.failedWith(problemText(error.code ?? '', error.detail)));
    }
    workload.reload();
  };

  const assignSelected = async () => {
    if (!bulkTo) return;
    try {
      const { results } = await api.post<BulkResponse>('/api/tasks/bulk', { action: 'assign', taskIds: selected, userId: bulkTo });
      const refused = results.filter((r) => r.status !== 'applied');
      const caseNo = (id: string) => tasks.find((task) => task.id === id)?.caseNo ?? id;
      setSummary({ ok: results.length - refused.length, failed: refused.length, details: refused.map((r) => `${t.common.colon(caseNo(r.taskId))}${r.problem ? problemText(r.problem.code, r.problem.detail) : ''}`) });
    } catch (error) {
      if (error instanceof ApiError) message.error(t.common.failedWith(error.detail));
    }
    setSelected([]);
    workload.reload();
  };

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t.workload.title}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t.workload.intro}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Typography.Text>{t.common.colon(t.workload.department)}</Typography.Text>
        <Select
          aria-label={t.workload.department}
          placeholder={t.workload.chooseDepartment}
          showSearch
          optionFilterProp="label"
          style={{ minWidth: 260 }}
          value={department}
          onChange={(value: string) => {
            setDepartment(value);
            setSelected([]);
            setSummary(undefined);
          }}
          options={(catalogue?.departments ?? []).map((d) => ({ value: d.code, label: d.name }))}
        />
        <Button onClick={workload.reload} disabled={!department}>
          {t.common.refresh}
        </Button>
      </Space>
      <LoadState error={workload.error} />
      {data && (
        <>
          <Card title={t.workload.clerks} style={{ marginBottom: 16 }} extra={<Typography.Text type="secondary">{t.workload.open(data.open, data.openOverdue)}</Typography.Text>}>
            <Table
              rowKey="userId"
              size="small"
              pagination={false}
              dataSource={data.clerks}
              data-testid="workload-clerks"
              columns={[
                { title: t.workload.clerk, key: 'name', render: (_: unknown, c) => <Space>{c.displayName}{c.absent && <Tag color="orange">{t.workload.absent}</Tag>}</Space> },
                { title: t.workload.claimed, dataIndex: 'claimed' },
                { title: t.workload.overdue, dataIndex: 'overdue', render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n) },
              ]}
            />
          </Card>
          <Card title={t.workload.tasks}>
            <Space wrap style={{ marginBottom: 12 }}>
              <Select aria-label={t.workload.bulkAssign} placeholder={t.workload.assignTo} showSearch optionFilterProp="label" style={{ minWidth: 200 }} value={bulkTo} onChange={setBulkTo} options={clerkOptions} />
              <Button type="primary" disabled={selected.length === 0 || !bulkTo} onClick={assignSelected}>
                {t.workload.bulkAssign}
                {selected.length > 0 ? ` (${selected.length})` : ''}
              </Button>
            </Space>
            {summary && (
              <Alert
                type={summary.failed ? 'warning' : 'success'}
                showIcon
                role="status"
                style={{ marginBottom: 12 }}
                title={t.workload.bulkAssignDone(summary.ok, summary.failed)}
                description={summary.details.length ? <ul style={{ margin: 0, paddingInlineStart: 20 }}>{summary.details.map((d) => <li key={d}>{d}</li>)}</ul> : undefined}
                closable={{ onClose: () => setSummary(undefined) }}
              />
            )}
            <Table
              rowKey="id"
              size="small"
              dataSource={tasks}
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              locale={{ emptyText: <Empty description={t.workload.empty} /> }}
              rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)), getCheckboxProps: (task) => ({ 'aria-label': t.queue.selectRow(task.caseNo) }) }}
              columns={[
                { title: t.cases.caseNo, dataIndex: 'caseNo' },
                { title: t.cases.item, key: 'item', render: (_: unknown, task) => catalogue?.item(task.serviceItemCode)?.name ?? task.serviceItemCode ?? '—' },
                { title: t.queue.step, key: 'step', render: (_: unknown, task) => stepName(task) },
                { title: t.queue.dueAt, dataIndex: 'dueAt', render: (at: string | null) => formatDateTime(at, t.locale) },
                { title: t.queue.urgency, key: 'urgency', render: (_: unknown, task) => <UrgencyChip dueAt={task.dueAt} now={Date.now()} /> },
                { title: t.workload.holder, key: 'holder', render: (_: unknown, task) => task.claimedByName ?? <Typography.Text type="secondary">{t.workload.nobody}</Typography.Text> },
                {
                  title: t.workload.assignTo,
                  key: 'assign',
                  render: (_: unknown, task) => (
                    <Space>
                      <Select
                        aria-label={t.workload.assignTask(task.caseNo)}
                        size="small"
                        showSearch
                        optionFilterProp="label"
                        style={{ minWidth: 160 }}
                        value={choice[task.id]}
                        onChange={(value: string) => setChoice((previous) => ({ ...previous, [task.id]: value }))}
                        options={clerkOptions}
                      />
                      <Button size="small" disabled={!choice[task.id]} onClick={() => assign(task)} aria-label={`${t.workload.assign} ${task.caseNo}`}>
                        {t.workload.assign}
                      </Button>
                    </Space>
                  ),
                },
              ]}
            />
          </Card>
        </>
      )}
    </>
  );
}
