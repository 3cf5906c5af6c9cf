import { Alert, App, Button, Card, Form, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ProblemAlert } from '../../components/problem-alert';
import { label, useT } from '../../i18n/i18n';
import { api, ApiError } from '../../lib/api';
import type { WorkflowMigration, WorkflowSummary } from '../../lib/types';

interface StepDoc {
  id: string;
  type: string;
  name?: string;
}

/** Step types where a case waits, which a migration maps (review, timer, 联办). */
const WAITING = ['review', 'timer', 'joint'];
const RESULT_COLOURS: Record<string, string> = { moved: 'green', would_move: 'blue', refused: 'red' };

const stepsOf = async (key: string, version: number) =>
  ((await api.get<{ steps: StepDoc[] }>(`/api/workflows/${encodeURIComponent(key)}/versions/${version}`)).steps ?? []).filter((s) => WAITING.includes(s.type));

/** Moving the open cases of an older version to the published one: the mapping, a dry run, then the real run. */
export function WorkflowMigrationCard({ workflow, fromVersion }: { workflow: WorkflowSummary; fromVersion: number }) {
  const t = useT();
  const { message } = App.useApp();
  const published = workflow.versions.find((v) => v.status === 'published')?.version;
  const [steps, setSteps] = useState<{ from: StepDoc[]; to: StepDoc[] }>();
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [result, setResult] = useState<WorkflowMigration>();
  const [failure, setFailure] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (published === undefined) return;
    setResult(undefined);
    setFailure(undefined);
    void Promise.all([stepsOf(workflow.key, fromVersion), stepsOf(workflow.key, published)]).then(([from, to]) => {
      setSteps({ from, to });
      // Same id, same kind: the obvious mapping is filled in; the admin changes what differs.
      setMapping(Object.fromEntries(from.flatMap((s) => (to.some((x) => x.id === s.id && x.type === s.type) ? [[s.id, s.id]] : []))));
    });
  }, [workflow.key, fromVersion, published]);

  if (published === undefined || published === fromVersion) return null;

  const send = async (dryRun: boolean) => {
    setBusy(true);
    setFailure(undefined);
    try {
      const answer = await api.post<WorkflowMigration>(`/api/workflows/${encodeURIComponent(workflow.key)}/migrations`, { fromVersion, toVersion: published, stepMapping: mapping, dryRun });
      setResult(answer);
      if (!dryRun) message.success(t.migrations.summaryDone(answer.moved, answer.refused));
    } catch (error) {
      if (error instanceof ApiError) setFailure(error);
      else throw error;
    } finally {
      setBusy(false);
    }
  };
  const change = (from: string, to: string | undefined) => {
    setResult(undefined);
    setMapping((current) => {
      const next = { ...current };
      if (to) next[from] = to;
      else delete next[from];
      return next;
    });
  };

  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.migrations.title}</h2>} size="small" style={{ marginTop: 16 }} data-testid="workflow-migration">
      <Typography.Paragraph type="secondary">{t.migrations.intro}</Typography.Paragraph>
      <Typography.Paragraph>
        {t.migrations.fromVersion}: <Tag>{t.workflows.versionLabel(fromVersion)}</Tag> → {t.migrations.toVersion}: <Tag color="green">{t.workflows.versionLabel(published)}</Tag>
      </Typography.Paragraph>
      <Form layout="horizontal" labelCol={{ span: 6 }} aria-label={t.migrations.mapping}>
        {steps?.from.map((step) => (
          <Form.Item key={step.id} label={<code>{step.name ? `${step.name} (${step.id})` : step.id}</code>} htmlFor={`map-${step.id}`}>
            <Select
              id={`map-${step.id}`}
              allowClear
              style={{ maxWidth: 320 }}
              placeholder={t.migrations.unmapped}
              value={mapping[step.id]}
              onChange={(value: string | undefined) => change(step.id, value)}
              options={steps.to.filter((s) => s.type === step.type).map((s) => ({ value: s.id, label: s.name ? `${s.name} (${s.id})` : s.id }))}
            />
          </Form.Item>
        ))}
      </Form>
      <ProblemAlert error={failure} />
      <Space style={{ marginBottom: 12 }}>
        <Button onClick={() => void send(true)} loading={busy}>
          {t.migrations.dryRun}
        </Button>
        <Popconfirm title={t.migrations.runConfirm} onConfirm={() => send(false)} okText={t.common.confirm} cancelText={t.common.cancel} disabled={!result?.dryRun || result.moved === 0}>
          <Button type="primary" danger disabled={!result?.dryRun || result.moved === 0} loading={busy}>
            {t.migrations.run}
          </Button>
        </Popconfirm>
      </Space>
      {result && (
        <div aria-live="polite" data-testid="migration-result">
          <Alert style={{ marginBottom: 8 }} type={result.refused > 0 ? 'warning' : 'info'} showIcon title={result.results.length === 0 ? t.migrations.none : (result.dryRun ? t.migrations.summary : t.migrations.summaryDone)(result.moved, result.refused)} />
          <Table
            rowKey="caseId"
            size="small"
            pagination={false}
            dataSource={result.results}
            columns={[
              { title: t.migrations.caseNo, dataIndex: 'caseNo' },
              { title: t.migrations.fromStep, dataIndex: 'fromStep', render: (s: string | null) => s ?? '—' },
              { title: t.migrations.toStep, dataIndex: 'toStep', render: (s: string | null) => s ?? '—' },
              {
                title: t.migrations.result,
                key: 'status',
                render: (_: unknown, row) => (
                  <Space orientation="vertical" size={0}>
                    <Tag color={RESULT_COLOURS[row.status]}>{label(t.migrations.results, row.status)}</Tag>
                    {row.problem && <Typography.Text type="secondary">{row.problem.detail}</Typography.Text>}
                  </Space>
                ),
              },
            ]}
          />
        </div>
      )}
    </Card>
  );
}
