import { Alert, App, Button, Card, Col, Descriptions, Form, Input, Popconfirm, Rate, Row, Space, Spin, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { fieldOrder } from '../../forms/form-rules';
import { CaseTimeline } from '../../components/case-timeline';
import { ProblemAlert } from '../../components/problem-alert';
import { StatusTag } from '../../components/status-tag';
import { label, useT } from '../../i18n/i18n';
import { api, ApiError } from '../../lib/api';
import { subjectName, useCatalogue, type Catalogue } from '../../lib/catalogue';
import { formatDate, formatDateTime } from '../../lib/dates';
import { Link } from '../../lib/router';
import { FINAL_STATUSES, type CaseDetail } from '../../lib/types';
import { useApi } from '../../lib/use-api';
import { CorrectionAnswer } from './correction-answer';

/** An open case changes as clerks and workers act on it: look again now and then. */
const REFRESH_MS = 10_000;

function Deadlines({ detail }: { detail: CaseDetail }) {
  const t = useT();
  const { deadlines, clock } = detail;
  // A finished case that never started its clock (refused, withdrawn before acceptance) has no deadline to wait for.
  if (!deadlines.statutory && !deadlines.promised) {
    return <Typography.Text type="secondary">{FINAL_STATUSES.includes(detail.status) ? t.caseDetail.noDeadline : t.caseDetail.notStarted}</Typography.Text>;
  }
  return (
    <Space orientation="vertical" size={2}>
      <span>
        {t.common.colon(t.caseDetail.promised)}<strong>{formatDateTime(deadlines.promised, t.locale)}</strong>
      </span>
      <span>
        {t.common.colon(t.caseDetail.statutory)}{formatDateTime(deadlines.statutory, t.locale)}
      </span>
      {deadlines.provisional && <Typography.Text type="warning">※ {t.caseDetail.provisional}</Typography.Text>}
      {clock?.paused && <Typography.Text type="warning">⏸ {t.caseDetail.clockPaused}</Typography.Text>}
      {clock && clock.pausedWorkingDays > 0 && <Typography.Text type="secondary">{t.caseDetail.pausedDays(clock.pausedWorkingDays)}</Typography.Text>}
    </Space>
  );
}

function RatingForm({ detail, onRated }: { detail: CaseDetail; onRated: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [failure, setFailure] = useState<ApiError>();
  const [form] = Form.useForm<{ score: number; comment?: string }>();
  const score = Form.useWatch('score', form);
  if (detail.rating) return <Typography.Text>{t.caseDetail.yourRating(detail.rating.score)}</Typography.Text>;
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={async (values: { score: number; comment?: string }) => {
        try {
          await api.post(`/api/cases/${detail.id}/rating`, { score: values.score, ...(values.comment ? { comment: values.comment } : {}) });
          message.success(t.caseDetail.rated);
          onRated();
        } catch (error) {
          if (error instanceof ApiError) setFailure(error);
        }
      }}
    >
      <Form.Item name="score" label={t.caseDetail.score} rules={[{ required: true, message: t.validation.required }]}>
        <Rate tooltips={t.caseDetail.scoreLabels} aria-label={t.caseDetail.score} />
      </Form.Item>
      {/* The five levels by name (好差评: 非常满意 … 非常不满意), not only as stars. */}
      <Typography.Text data-testid="score-label" style={{ display: 'block', marginTop: -16, marginBottom: 16 }}>
        {score ? t.caseDetail.scoreLabels[score - 1] : t.caseDetail.scoreLabels.slice().reverse().join(' · ')}
      </Typography.Text>
      <Form.Item name="comment" label={t.caseDetail.ratingComment} rules={[{ max: 500 }]}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      <ProblemAlert error={failure} />
      <Button htmlType="submit">{t.caseDetail.rate}</Button>
    </Form>
  );
}

function FormAndMaterials({ detail, catalogue }: { detail: CaseDetail; catalogue: Catalogue }) {
  const t = useT();
  const item = catalogue.item(detail.serviceItemCode);
  if (!item) return null;
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.caseDetail.form}</h2>} size="small" style={{ marginBottom: 16 }}>
      <Descriptions
        size="small"
        column={1}
        items={fieldOrder(item.formSchema)
          .filter((name) => detail.form[name] !== undefined)
          .map((name) => ({
            key: name,
            label: item.formSchema.properties[name]?.title ?? name,
            children: typeof detail.form[name] === 'boolean' ? (detail.form[name] ? t.common.yes : t.common.no) : String(detail.form[name]),
          }))}
      />
      <Typography.Title level={3} style={{ fontSize: 14, marginTop: 12 }}>
        {t.caseDetail.materials}
      </Typography.Title>
      <ul style={{ paddingInlineStart: 20 }}>
        {detail.materials.map((m) => (
          <li key={m.key}>✓ {item.materials.find((x) => x.key === m.key)?.name ?? m.key}</li>
        ))}
      </ul>
    </Card>
  );
}

/** 联办: each participating department and where it stands, while the joint step runs. */
function JointProgress({ joint, catalogue }: { joint: NonNullable<CaseDetail['joint']>; catalogue: Catalogue }) {
  const t = useT();
  const colors: Record<string, string> = { deciding: 'processing', approved: 'success', rejected: 'error', awaiting_correction: 'warning' };
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.caseDetail.jointTitle(label(t.steps, joint.stepId))}</h2>} size="small" style={{ marginBottom: 16 }} data-testid="joint-progress">
      <Table
        size="small"
        pagination={false}
        rowKey="department"
        dataSource={joint.participants}
        columns={[
          { title: t.catalogue.department, dataIndex: 'department', render: (code: string) => catalogue.departmentName(code) },
          {
            title: t.cases.status,
            dataIndex: 'status',
            render: (status: string, p) => (
              <Tag color={colors[status]} data-joint-state={status} data-joint-department={p.department}>
                {label(t.caseDetail.jointStates, status)}
              </Tag>
            ),
          },
        ]}
      />
    </Card>
  );
}

/** One case for its applicant: where it is, by when, what happened, and what they can do now. */
export function CasePage({ params }: { params: Record<string, string> }) {
  const t = useT();
  const { message } = App.useApp();
  const catalogue = useCatalogue();
  const loaded = useApi(() => api.get<CaseDetail>(`/api/cases/${encodeURIComponent(params.id ?? '')}`), [params.id]);
  const detail = loaded.data;
  const finished = detail ? FINAL_STATUSES.includes(detail.status) : false;

  useEffect(() => {
    if (!detail || finished) return;
    const timer = setInterval(loaded.reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [detail, finished, loaded.reload]);

  if (loaded.error && !detail) return <ProblemAlert error={loaded.error} />;
  if (!detail || !catalogue) return <Spin aria-label={t.common.loading} />;

  const withdraw = async () => {
    try {
      await api.post(`/api/cases/${detail.id}/withdraw`);
      message.success(t.caseDetail.withdrawn);
      loaded.reload();
    } catch (error) {
      if (error instanceof ApiError) message.error(t.common.failedWith(error.detail));
    }
  };

  // A joint step waits on each department still deciding, not on "the departments" as one.
  const waiting = detail.joint
    ? detail.joint.participants.filter((p) => p.status === 'deciding').map((p) => t.caseDetail.waitingWith(catalogue.departmentName(p.department), label(t.steps, detail.joint!.stepId)))
    : detail.currentSteps.map((step) => t.caseDetail.waitingWith(catalogue.departmentName(detail.departmentCode), label(t.steps, step)));

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {t.caseDetail.title(detail.caseNo)} <StatusTag status={detail.status} />
        </Typography.Title>
        <Space>
          <Button onClick={loaded.reload} loading={loaded.loading}>
            {t.common.refresh}
          </Button>
          {!finished && (
            <Popconfirm title={t.caseDetail.withdrawConfirm} onConfirm={withdraw} okText={t.common.confirm} cancelText={t.common.cancel}>
              <Button danger>{t.caseDetail.withdraw}</Button>
            </Popconfirm>
          )}
        </Space>
      </Space>
      {detail.applicant && (
        <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }} data-case-parties>
          {t.identity.applyFor}：{detail.applicant.name}
          {detail.agent ? ` · ${t.identity.agent}：${detail.agent.name}` : ''}
          {detail.channel ? ` · ${t.identity.channel[detail.channel]}` : ''}
        </Typography.Paragraph>
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {subjectName(catalogue, detail)}
      </Typography.Paragraph>
      {detail.correction && detail.status === 'awaiting_correction' && <CorrectionAnswer detail={detail} catalogue={catalogue} onAnswered={loaded.reload} />}
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.caseDetail.overview}</h2>} size="small" style={{ marginBottom: 16 }}>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'status', label: t.cases.status, children: <StatusTag status={detail.status} /> },
                { key: 'waiting', label: t.caseDetail.waitingAt, children: waiting.length ? t.common.join(waiting) : '—' },
                { key: 'submitted', label: t.cases.submittedAt, children: formatDateTime(detail.submittedAt, t.locale) },
                { key: 'deadlines', label: t.caseDetail.deadlines, children: <Deadlines detail={detail} /> },
                ...(detail.finishedAt ? [{ key: 'finished', label: t.caseDetail.finishedAt, children: formatDateTime(detail.finishedAt, t.locale) }] : []),
              ]}
            />
          </Card>
          {detail.joint && <JointProgress joint={detail.joint} catalogue={catalogue} />}
          {detail.certificates.length > 0 && (
            <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.caseDetail.certificates}</h2>} size="small" style={{ marginBottom: 16 }} data-testid="certificates">
              <Table
                size="small"
                pagination={false}
                rowKey="code"
                dataSource={detail.certificates}
                columns={[
                  { title: t.verify.name, dataIndex: 'name' },
                  { title: t.caseDetail.certificateCode, dataIndex: 'code', render: (code: string) => <Typography.Text copyable code>{code}</Typography.Text> },
                  { title: t.caseDetail.issuedAt, dataIndex: 'issuedAt', render: (at: string) => formatDateTime(at, t.locale) },
                  { title: t.common.actions, key: 'verify', render: (_: unknown, c) => <Link to={`/verify/${encodeURIComponent(c.code)}`}>{t.caseDetail.verify}</Link> },
                ]}
              />
            </Card>
          )}
          {detail.materialsOwed.length > 0 && (
            <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.caseDetail.owed}</h2>} size="small" style={{ marginBottom: 16 }}>
              <ul style={{ paddingInlineStart: 20, margin: 0 }}>
                {detail.materialsOwed.map((owed) => (
                  <li key={owed.key}>
                    {t.common.colon(owed.name)}{owed.deliveredAt ? t.caseDetail.delivered : owed.dueAt ? t.caseDetail.owedDue(formatDate(owed.dueAt, t.locale)) : '—'}
                  </li>
                ))}
              </ul>
            </Card>
          )}
          {detail.children.length > 0 && (
            <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.caseDetail.children}</h2>} size="small" style={{ marginBottom: 16 }}>
              <Table
                size="small"
                pagination={false}
                rowKey="id"
                dataSource={detail.children}
                columns={[
                  { title: t.cases.caseNo, dataIndex: 'caseNo', render: (no: string, c) => <Link to={`/portal/cases/${c.id}`}>{no}</Link> },
                  { title: t.cases.item, key: 'item', render: (_: unknown, c) => subjectName(catalogue, c) },
                  { title: t.cases.status, dataIndex: 'status', render: (s: string) => <StatusTag status={s} /> },
                ]}
              />
            </Card>
          )}
          <FormAndMaterials detail={detail} catalogue={catalogue} />
          {finished && (
            <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.caseDetail.ratingTitle}</h2>} size="small" style={{ marginBottom: 16 }} data-testid="rating">
              <RatingForm detail={detail} onRated={loaded.reload} />
            </Card>
          )}
        </Col>
        <Col xs={24} lg={10}>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.caseDetail.timeline}</h2>} size="small">
            <CaseTimeline entries={detail.timeline} />
          </Card>
        </Col>
      </Row>
      {loaded.error && <Alert type="warning" title={t.common.failedWith(loaded.error.detail)} />}
    </>
  );
}
