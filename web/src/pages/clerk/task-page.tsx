import { Alert, App, Button, Card, Col, Descriptions, Form, Input, Radio, Row, Select, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { fieldOrder } from '../../forms/form-rules';
import { CaseTimeline } from '../../components/case-timeline';
import { ProblemAlert } from '../../components/problem-alert';
import { StatusTag } from '../../components/status-tag';
import { UrgencyChip } from '../../components/urgency-chip';
import { label, useT } from '../../i18n/i18n';
import { api, ApiError, download, taskPath } from '../../lib/api';
import { useCatalogue, type Catalogue } from '../../lib/catalogue';
import { formatDateTime } from '../../lib/dates';
import { Link, navigate } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useStepNames } from '../../lib/step-names';
import type { CaseDetail, ServiceItem, Task, TaskAction } from '../../lib/types';
import { useApi } from '../../lib/use-api';
import { CorrectionBuilder } from './correction-builder';

interface DecisionValues {
  action: TaskAction;
  comment?: string;
  missing?: { key: string; reason: string }[];
  toDepartmentCode?: string;
}

function Materials({ detail, item }: { detail: CaseDetail; item: ServiceItem | undefined }) {
  const t = useT();
  const { message } = App.useApp();
  const given = new Map(detail.materials.map((m) => [m.key, m.fileId]));
  const listed = item?.materials ?? detail.materials.map((m) => ({ key: m.key, name: m.key, required: true, tolerant: false }));
  return (
    <ul style={{ paddingInlineStart: 0, listStyle: 'none', margin: 0 }}>
      {listed.map((m) => {
        const fileId = given.get(m.key);
        return (
          <li key={m.key} style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }} data-material={m.key}>
            <Space wrap>
              <span>{m.name}</span>
              {m.required ? <Tag color="blue">{t.catalogue.required}</Tag> : <Tag>{t.catalogue.optional}</Tag>}
              {m.tolerant && <Tag color="gold">{t.catalogue.tolerant}</Tag>}
              {fileId ? (
                <Button
                  size="small"
                  onClick={() => download(`/api/files/${fileId}/content`, m.key).catch((e: unknown) => message.error(e instanceof ApiError ? e.detail : String(e)))}
                  aria-label={`${t.task.download} ${m.name}`}
                >
                  {t.task.download}
                </Button>
              ) : (
                <Typography.Text type={m.required ? 'danger' : 'secondary'}>{t.task.notSubmitted}</Typography.Text>
              )}
            </Space>
          </li>
        );
      })}
    </ul>
  );
}

function DecisionForm({ task, item, catalogue, onDecided }: { task: Task; item: ServiceItem | undefined; catalogue: Catalogue; onDecided: (status: string) => void }) {
  const t = useT();
  const [form] = Form.useForm<DecisionValues>();
  const action = Form.useWatch('action', form);
  const [failure, setFailure] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  const submit = async (values: DecisionValues) => {
    setBusy(true);
    setFailure(undefined);
    try {
      const result = await api.post<{ status: string }>(taskPath(task.id, 'decision'), {
        action: values.action,
        ...(values.comment ? { comment: values.comment } : {}),
        ...(values.action === 'correction' ? { missing: values.missing?.map((m) => ({ key: m.key, reason: m.reason.trim() })) } : {}),
        ...(values.action === 'transfer' ? { toDepartmentCode: values.toDepartmentCode } : {}),
      });
      onDecided(result.status);
    } catch (error) {
      if (error instanceof ApiError) setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} initialValues={{ missing: [{}] }}>
      <Form.Item name="action" label={t.task.action} rules={[{ required: true, message: t.task.pickAction }]}>
        <Radio.Group aria-label={t.task.action} optionType="button" options={task.allowedActions.map((a) => ({ label: label(t.actions, a), value: a }))} />
      </Form.Item>
      {action === 'correction' && <CorrectionBuilder item={item} />}
      {action === 'transfer' && (
        <Form.Item name="toDepartmentCode" label={t.task.toDepartment} rules={[{ required: true, message: t.task.pickDepartment }]}>
          <Select options={catalogue.departments.filter((d) => d.code !== task.departmentCode).map((d) => ({ label: d.name, value: d.code }))} />
        </Form.Item>
      )}
      <Form.Item name="comment" label={t.task.comment} rules={[{ max: 1000 }]}>
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
      <ProblemAlert error={failure} />
      <Button type="primary" htmlType="submit" loading={busy} style={{ marginTop: 8 }}>
        {t.task.decide}
      </Button>
    </Form>
  );
}

/** One task: the case with its form, materials and history, and the decisions this step allows. */
export function TaskPage({ params }: { params: Record<string, string> }) {
  const t = useT();
  const { message } = App.useApp();
  const session = useSession();
  const catalogue = useCatalogue();
  const id = params.id ?? '';
  const loaded = useApi(async () => {
    const task = await api.get<Task>(taskPath(id));
    return { task, detail: await api.get<CaseDetail>(`/api/cases/${task.caseId}`) };
  }, [id]);
  const item = catalogue?.item(loaded.data?.task.serviceItemCode);
  const stepNames = useStepNames(item ? [item.workflowKey] : []);

  if (loaded.error && !loaded.data) return <ProblemAlert error={loaded.error} />;
  if (!loaded.data || !catalogue) return <Spin aria-label={t.common.loading} />;
  const { task, detail } = loaded.data;
  const live = task.status === 'open' || task.status === 'claimed';
  const stepName = stepNames[item?.workflowKey ?? '']?.[task.stepId] ?? label(t.steps, task.stepId);

  const claimOrRelease = async (action: 'claim' | 'release') => {
    try {
      await api.post(taskPath(task.id, action));
      message.success(action === 'claim' ? t.queue.claimedOk : t.queue.releasedOk);
    } catch (error) {
      if (error instanceof ApiError) message.error(t.common.failedWith(error.detail));
    }
    loaded.reload();
  };

  return (
    <>
      <Link to="/workbench">← {t.task.backToQueue}</Link>
      <Typography.Title level={1} style={{ fontSize: 24, marginTop: 8 }}>
        {t.task.title(task.caseNo)} <StatusTag status={detail.status} />
      </Typography.Title>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'item', label: t.cases.item, children: item?.name ?? task.serviceItemCode },
            { key: 'step', label: t.queue.step, children: stepName },
            { key: 'due', label: t.queue.dueAt, children: <Space>{formatDateTime(task.dueAt, t.locale)}<UrgencyChip dueAt={task.dueAt} /></Space> },
            { key: 'submitted', label: t.cases.submittedAt, children: formatDateTime(detail.submittedAt, t.locale) },
            { key: 'promised', label: t.caseDetail.promised, children: formatDateTime(detail.deadlines.promised, t.locale) },
            {
              key: 'claim',
              label: t.queue.claimedBy,
              children: !live ? (
                '—'
              ) : task.claimedBy === session?.user.id ? (
                <Space>
                  {t.queue.byMe}
                  <Button size="small" onClick={() => claimOrRelease('release')}>
                    {t.queue.release}
                  </Button>
                </Space>
              ) : task.claimedBy ? (
                t.queue.byOther
              ) : (
                <Space>
                  {t.queue.unclaimed}
                  <Button size="small" onClick={() => claimOrRelease('claim')}>
                    {t.queue.claim}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.task.decision}</h2>} size="small" style={{ marginBottom: 16 }}>
            {live ? (
              <DecisionForm
                task={task}
                item={item}
                catalogue={catalogue}
                onDecided={(status) => {
                  message.success(t.task.decided(label(t.status, status)));
                  navigate('/workbench');
                }}
              />
            ) : (
              <Alert type="info" title={t.task.closed} />
            )}
          </Card>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.task.form}</h2>} size="small" style={{ marginBottom: 16 }}>
            <Descriptions
              size="small"
              column={1}
              bordered
              items={(item ? fieldOrder(item.formSchema) : []).map((name) => ({
                key: name,
                label: item?.formSchema.properties[name]?.title ?? name,
                children: detail.form[name] === undefined ? '—' : typeof detail.form[name] === 'boolean' ? (detail.form[name] ? t.common.yes : t.common.no) : String(detail.form[name]),
              }))}
            />
          </Card>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.task.materials}</h2>} size="small" style={{ marginBottom: 16 }}>
            <Materials detail={detail} item={item} />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.caseDetail.timeline}</h2>} size="small">
            <CaseTimeline entries={detail.timeline} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
