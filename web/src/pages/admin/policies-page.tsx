import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Popconfirm, Radio, Row, Select, Space, Table, Tag, Typography } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useEffect, useRef, useState } from 'react';
import { LoadState } from '../../components/problem-alert';
import { label, useT } from '../../i18n/i18n';
import { api, ApiError } from '../../lib/api';
import { useCatalogue } from '../../lib/catalogue';
import type { BenefitPolicy, BenefitRun, FieldError, Page } from '../../lib/types';
import { useApi } from '../../lib/use-api';

interface PolicyValues {
  code: string;
  name: string;
  subjectType: 'person' | 'enterprise';
  rule: string;
  amount: number;
  period: string;
  departmentCode?: string | null;
}

const POLL_MS = 800;

async function finished(runId: string): Promise<BenefitRun> {
  for (;;) {
    const run = await api.get<BenefitRun>(`/api/benefit-runs/${runId}`);
    if (run.status === 'completed' || run.status === 'failed') return run;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** 免申即享 policies: the rule editor (type errors inline, at their place in the rule), a dry run, then the run. */
export function PoliciesPage() {
  const t = useT();
  const { message } = App.useApp();
  const catalogue = useCatalogue();
  const policies = useApi(() => api.get<Page<BenefitPolicy>>('/api/benefit-policies', { limit: 100 }), []);
  const [form] = Form.useForm<PolicyValues>();
  const [editing, setEditing] = useState<BenefitPolicy | null>(null);
  const [ruleErrors, setRuleErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<ApiError>();
  const [saving, setSaving] = useState(false);
  const [dryRun, setDryRun] = useState<{ code: string; version: number; run?: BenefitRun; busy: boolean }>();
  const [realRun, setRealRun] = useState<{ run?: BenefitRun; busy: boolean }>();
  const ruleEditor = useRef<TextAreaRef>(null);
  // The rule as typed, checked as the admin types (POST /api/benefit-policies/validate), and what it means.
  const typedRule = Form.useWatch('rule', form);
  const typedSubject = Form.useWatch('subjectType', form);
  const [plain, setPlain] = useState<string>();
  const dirty = !!editing && (typedRule ?? '') !== editing.rule;

  useEffect(() => {
    const rule = typedRule ?? '';
    if (rule.trim() === '') {
      setRuleErrors([]);
      setPlain(undefined);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      api.post<{ valid: boolean; errors?: FieldError[]; plain?: string }>('/api/benefit-policies/validate', { subjectType: typedSubject ?? 'person', rule }).then(
        (check) => {
          if (!live) return;
          setRuleErrors((check.errors ?? []).map((e) => ({ ...e, message: (e.code && t.problems[e.code]) || e.message })));
          setPlain(check.valid ? check.plain : undefined);
        },
        () => undefined,
      );
    }, 350);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [typedRule, typedSubject, t]);

  // A dry run counted the saved rule: once the rule is changed, its count says nothing about the new one.
  useEffect(() => {
    if (dirty) {
      setDryRun(undefined);
      setRealRun(undefined);
    }
  }, [dirty, typedRule]);

  const edit = (policy: BenefitPolicy | null) => {
    setEditing(policy);
    setRuleErrors([]);
    setFailure(undefined);
    setDryRun(undefined);
    setRealRun(undefined);
    form.resetFields();
    form.setFieldsValue(policy ? { ...policy, departmentCode: policy.departmentCode ?? undefined } : { subjectType: 'person', period: 'monthly', rule: '' });
  };

  const reveal = (error: FieldError) => {
    const area = ruleEditor.current?.resizableTextArea?.textArea;
    if (!area || error.start === undefined) return;
    area.focus();
    area.setSelectionRange(error.start, Math.max(error.end ?? error.start, error.start + 1));
  };

  const save = async (values: PolicyValues) => {
    setSaving(true);
    setRuleErrors([]);
    setFailure(undefined);
    try {
      const saved = editing
        ? await api.post<BenefitPolicy>(`/api/benefit-policies/${encodeURIComponent(editing.code)}/versions`, { name: values.name, rule: values.rule, amount: values.amount, period: values.period })
        : await api.post<BenefitPolicy>('/api/benefit-policies', { ...values, departmentCode: values.departmentCode ?? null });
      message.success(editing ? t.policies.versionSaved(saved.code, saved.version) : t.policies.created(saved.code));
      policies.reload();
      edit(saved);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const onRule = error.errors.filter((e) => e.path === 'rule');
      const fields = ['code', 'name', 'amount', 'period', 'subjectType', 'departmentCode'];
      setRuleErrors(onRule);
      form.setFields([
        ...error.errors.filter((e) => fields.includes(e.path)).map((e) => ({ name: e.path as keyof PolicyValues, errors: [e.message] })),
      ]);
      if (onRule.length === 0 && !error.errors.some((e) => fields.includes(e.path))) setFailure(error);
      if (onRule[0]) reveal(onRule[0]);
    } finally {
      setSaving(false);
    }
  };

  const startDryRun = async () => {
    if (!editing) return;
    setDryRun({ code: editing.code, version: editing.version, busy: true });
    setRealRun(undefined);
    try {
      const { runId } = await api.post<{ runId: string }>(`/api/benefit-policies/${encodeURIComponent(editing.code)}/runs`, { dryRun: true });
      setDryRun({ code: editing.code, version: editing.version, run: await finished(runId), busy: false });
    } catch (error) {
      setDryRun(undefined);
      if (error instanceof ApiError) message.error(t.common.failedWith(error.detail));
    }
  };

  const startRun = async () => {
    if (!editing) return;
    setRealRun({ busy: true });
    try {
      const { runId } = await api.post<{ runId: string }>(`/api/benefit-policies/${encodeURIComponent(editing.code)}/runs`, { dryRun: false });
      setRealRun({ run: await finished(runId), busy: false });
    } catch (error) {
      setRealRun(undefined);
      if (error instanceof ApiError) message.error(t.common.failedWith(error.detail));
    }
  };

  // A real run only after a dry run of this very version, so the admin has seen the count.
  const counted = dryRun?.run?.status === 'completed' && dryRun.code === editing?.code && dryRun.version === editing.version ? dryRun.run : undefined;

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t.policies.title}
      </Typography.Title>
      <Row gutter={16}>
        <Col xs={24} lg={9}>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.policies.list}</h2>} size="small" extra={<Button size="small" onClick={() => edit(null)}>+ {t.policies.newPolicy}</Button>}>
            <LoadState error={policies.error} />
            <Table
              size="small"
              rowKey="code"
              loading={policies.loading && !policies.data}
              dataSource={policies.data?.items ?? []}
              pagination={false}
              locale={{ emptyText: t.policies.empty }}
              columns={[
                {
                  title: t.policies.name,
                  dataIndex: 'name',
                  render: (name: string, p) => (
                    <Button type="link" style={{ padding: 0, whiteSpace: 'normal', textAlign: 'start', height: 'auto' }} onClick={() => edit(p)}>
                      {name}
                    </Button>
                  ),
                },
                { title: t.policies.subjectType, dataIndex: 'subjectType', width: 72, render: (s: string) => label(t.policies.subjects, s) },
                { title: t.policies.version, dataIndex: 'version', width: 96, render: (v: number, p) => <Space size={4}>v{v}{!p.active && <Tag>{t.policies.inactive}</Tag>}</Space> },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={15}>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{editing ? `${editing.code} · v${editing.version}` : t.policies.newPolicy}</h2>} size="small">
            <Form form={form} layout="vertical" onFinish={save} initialValues={{ subjectType: 'person', period: 'monthly' }}>
              <Row gutter={12}>
                <Col xs={24} md={12}>
                  <Form.Item name="code" label={t.policies.code} rules={[{ required: true, message: t.validation.required }, { pattern: /^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/, message: t.validation.pattern }]}>
                    <Input disabled={!!editing} placeholder="elderly-allowance-80" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name="name" label={t.policies.name} rules={[{ required: true, message: t.validation.required }, { max: 200 }]}>
                    <Input />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="subjectType" label={t.policies.subjectType}>
                <Radio.Group aria-label={t.policies.subjectType} disabled={!!editing} options={['person', 'enterprise'].map((s) => ({ label: label(t.policies.subjects, s), value: s }))} />
              </Form.Item>
              <Form.Item
                name="rule"
                label={t.policies.rule}
                extra={
                  plain && ruleErrors.length === 0 ? (
                    <span data-testid="rule-plain">{t.common.colon(t.policies.means)}{plain}</span>
                  ) : (
                    t.policies.ruleHelp
                  )
                }
                rules={[{ required: true, whitespace: true, message: t.validation.required }, { max: 4000 }]}
                // The server's type errors, each at its place in the rule: click one to select that text.
                validateStatus={ruleErrors.length > 0 ? 'error' : undefined}
                help={
                  ruleErrors.length > 0 ? (
                    <ul style={{ margin: '4px 0', paddingInlineStart: 0, listStyle: 'none' }} role="alert" data-testid="rule-errors">
                      {ruleErrors.map((error, i) => (
                        <li key={i}>
                          <Button type="link" danger size="small" style={{ padding: 0, height: 'auto' }} onClick={() => reveal(error)}>
                            {error.line !== undefined && error.column !== undefined ? t.policies.at(error.line, error.column) : error.path}
                          </Button>{' '}
                          {error.message.replace(/^\d+:\d+ /, '')}
                        </li>
                      ))}
                    </ul>
                  ) : undefined
                }
              >
                <Input.TextArea ref={ruleEditor} className="editor" autoSize={{ minRows: 3, maxRows: 10 }} spellCheck={false} />
              </Form.Item>
              <Row gutter={12}>
                <Col xs={24} md={8}>
                  <Form.Item name="amount" label={t.policies.amount} rules={[{ required: true, message: t.validation.required }, { type: 'number', min: 0.01, message: t.validation.exclusiveMinimum('0') }]}>
                    <InputNumber style={{ width: '100%' }} precision={2} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item name="period" label={t.policies.period} rules={[{ required: true, message: t.validation.required }]}>
                    <Select options={Object.entries(t.policies.periods).map(([value, name]) => ({ value, label: name }))} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item name="departmentCode" label={t.policies.department}>
                    <Select allowClear disabled={!!editing} options={(catalogue?.departments ?? []).map((d) => ({ value: d.code, label: d.name }))} />
                  </Form.Item>
                </Col>
              </Row>
              {failure && <Alert style={{ marginBottom: 12 }} type="error" showIcon role="alert" title={t.common.failedWith(failure.detail)} />}
              <Space wrap>
                <Button type="primary" htmlType="submit" loading={saving}>
                  {editing ? t.policies.saveVersion : t.policies.create}
                </Button>
                {editing && (
                  <>
                    <Button onClick={startDryRun} loading={dryRun?.busy} disabled={dirty} title={dirty ? t.policies.saveFirst : undefined}>
                      {dryRun?.busy ? t.policies.dryRunning : t.policies.dryRun}
                    </Button>
                    <Popconfirm
                      title={counted ? t.policies.runConfirm(counted.eligible - counted.skippedExisting) : ''}
                      onConfirm={startRun}
                      okText={t.common.confirm}
                      cancelText={t.common.cancel}
                      disabled={!counted}
                    >
                      <Button danger disabled={!counted} loading={realRun?.busy} title={counted ? undefined : t.policies.runNeedsDryRun}>
                        {realRun?.busy ? t.policies.running : t.policies.run}
                      </Button>
                    </Popconfirm>
                  </>
                )}
              </Space>
              <div aria-live="polite" style={{ marginTop: 12 }}>
                {editing && dirty && <Typography.Text type="warning">{t.policies.saveFirst}</Typography.Text>}
                {editing && !dirty && !counted && !dryRun?.busy && <Typography.Text type="secondary">{t.policies.runNeedsDryRun}</Typography.Text>}
                {dryRun?.run?.status === 'completed' && <Alert data-testid="dry-run-result" type="info" showIcon title={t.policies.dryRunResult(dryRun.run.evaluated, dryRun.run.eligible, dryRun.run.skippedExisting)} />}
                {dryRun?.run?.status === 'failed' && <Alert type="error" showIcon title={t.policies.runFailed(dryRun.run.error ?? '')} />}
                {realRun?.run?.status === 'completed' && <Alert type="success" showIcon style={{ marginTop: 8 }} title={t.policies.runResult(realRun.run.granted, realRun.run.skippedExisting)} />}
                {realRun?.run?.status === 'failed' && <Alert type="error" showIcon style={{ marginTop: 8 }} title={t.policies.runFailed(realRun.run.error ?? '')} />}
              </div>
            </Form>
          </Card>
        </Col>
      </Row>
    </>
  );
}
