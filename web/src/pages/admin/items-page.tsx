import { App, Button, Card, Checkbox, Col, Form, Input, InputNumber, Radio, Row, Select, Space, Switch, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { LoadState, ProblemAlert } from '../../components/problem-alert';
import { SchemaFields } from '../../forms/schema-fields';
import { label, useT } from '../../i18n/i18n';
import { api, ApiError } from '../../lib/api';
import type { Department, FormSchema, ServiceItem } from '../../lib/types';
import { useApi } from '../../lib/use-api';

interface ItemValues {
  code: string;
  name: string;
  departmentCode: string;
  statutoryDays: number;
  promisedDays: number;
  workflowKey: string;
  itemType: string;
  subjectTypes: string[];
  legalBasis: string;
  feeFree: boolean;
  feeStandard?: string;
  feeBasis?: string;
  location: string;
  officeHours: string;
  consultPhone: string;
  complaintPhone: string;
  onlineDepth: string;
  materials: string;
  formSchema: string;
}

const json = (value: unknown) => JSON.stringify(value, null, 2);

const NEW_SCHEMA = { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', required: ['applicantName'], additionalProperties: false, properties: { applicantName: { type: 'string', title: '申请人姓名', minLength: 2, maxLength: 20, examples: ['张伟'] } } };

/** The form's values as the API's body; JSON that does not parse is reported at its field. */
function bodyOf(values: ItemValues, editing: boolean): { body?: Record<string, unknown>; problems: { name: keyof ItemValues; message: string }[] } {
  const problems: { name: keyof ItemValues; message: string }[] = [];
  const parse = (name: 'materials' | 'formSchema') => {
    try {
      return JSON.parse(values[name]) as unknown;
    } catch (error) {
      problems.push({ name, message: (error as Error).message });
      return undefined;
    }
  };
  const materials = parse('materials');
  const formSchema = parse('formSchema');
  if (problems.length > 0) return { problems };
  return {
    problems,
    body: {
      ...(editing ? {} : { code: values.code }),
      name: values.name,
      departmentCode: values.departmentCode,
      statutoryDays: values.statutoryDays,
      promisedDays: values.promisedDays,
      workflowKey: values.workflowKey,
      materials,
      formSchema,
      itemType: values.itemType,
      subjectTypes: values.subjectTypes ?? [],
      legalBasis: (values.legalBasis ?? '').split('\n').map((line) => line.trim()).filter(Boolean),
      fee: values.feeFree ? { free: true } : { free: false, standard: values.feeStandard ?? '', basis: values.feeBasis ?? '' },
      location: values.location,
      officeHours: values.officeHours,
      consultPhone: values.consultPhone,
      complaintPhone: values.complaintPhone,
      onlineDepth: values.onlineDepth,
    },
  };
}

/** API paths (`legalBasis[1]`, `fee.standard`, `formSchema.properties.x.examples`) → the form's field. */
function fieldOf(path: string): keyof ItemValues | null {
  const head = path.split(/[.[]/)[0] ?? '';
  if (path.startsWith('fee.free')) return 'feeFree';
  if (path.startsWith('fee.standard')) return 'feeStandard';
  if (path.startsWith('fee.basis')) return 'feeBasis';
  const known: (keyof ItemValues)[] = ['code', 'name', 'departmentCode', 'statutoryDays', 'promisedDays', 'workflowKey', 'itemType', 'subjectTypes', 'legalBasis', 'location', 'officeHours', 'consultPhone', 'complaintPhone', 'onlineDepth', 'materials', 'formSchema'];
  return (known as string[]).includes(head) ? (head as keyof ItemValues) : null;
}

/** The form-schema editor's live preview: what an applicant would see, or why it cannot be shown. */
function SchemaPreview({ text }: { text: string }) {
  const t = useT();
  const [preview] = Form.useForm();
  const parsed = useMemo(() => {
    try {
      const schema = JSON.parse(text) as FormSchema;
      if (!schema || typeof schema !== 'object' || typeof schema.properties !== 'object') throw new Error('properties');
      return { schema };
    } catch (error) {
      return { error: (error as Error).message };
    }
  }, [text]);
  return (
    <Card size="small" title={t.guide.preview} data-testid="schema-preview">
      {'schema' in parsed && parsed.schema ? (
        <Form form={preview} layout="vertical">
          <SchemaFields schema={parsed.schema} />
        </Form>
      ) : (
        <Typography.Text type="danger">{t.guide.invalidJson(parsed.error ?? '')}</Typography.Text>
      )}
    </Card>
  );
}

/** 事项管理: the catalogue's items with their 实施清单 and form. */
export function ItemsPage() {
  const t = useT();
  const { message } = App.useApp();
  const items = useApi(() => api.get<{ items: ServiceItem[] }>('/api/service-items'), []);
  const departments = useApi(() => api.get<{ items: Department[] }>('/api/departments'), []);
  const [form] = Form.useForm<ItemValues>();
  const [editing, setEditing] = useState<ServiceItem | 'new' | null>(null);
  const [failure, setFailure] = useState<ApiError>();
  const [saving, setSaving] = useState(false);
  const schemaText = Form.useWatch('formSchema', form) ?? '';
  const feeFree = Form.useWatch('feeFree', form);

  const open = (item: ServiceItem | 'new') => {
    setEditing(item);
    setFailure(undefined);
    form.resetFields();
    if (item === 'new') {
      form.setFieldsValue({ statutoryDays: 20, promisedDays: 10, itemType: 'promised', subjectTypes: ['person'], feeFree: true, onlineDepth: 'online-acceptance', materials: '[]', formSchema: json(NEW_SCHEMA), legalBasis: '' });
      return;
    }
    form.setFieldsValue({
      ...item,
      itemType: item.itemType ?? undefined,
      subjectTypes: item.subjectTypes ?? [],
      legalBasis: (item.legalBasis ?? []).join('\n'),
      feeFree: item.fee?.free ?? true,
      feeStandard: item.fee?.standard,
      feeBasis: item.fee?.basis,
      location: item.location ?? '',
      officeHours: item.officeHours ?? '',
      consultPhone: item.consultPhone ?? '',
      complaintPhone: item.complaintPhone ?? '',
      onlineDepth: item.onlineDepth ?? undefined,
      materials: json(item.materials),
      formSchema: json(item.formSchema),
    } as ItemValues);
  };

  const save = async (values: ItemValues) => {
    setFailure(undefined);
    const isEdit = editing !== 'new' && editing !== null;
    const { body, problems } = bodyOf(values, isEdit);
    if (!body) {
      form.setFields(problems.map((p) => ({ name: p.name, errors: [t.guide.invalidJson(p.message)] })));
      return;
    }
    setSaving(true);
    try {
      if (isEdit) await api.put(`/api/service-items/${encodeURIComponent((editing as ServiceItem).code)}`, body);
      else await api.post('/api/service-items', body);
      message.success(t.guide.saved);
      setEditing(null);
      items.reload();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const byField = new Map<keyof ItemValues, string[]>();
      for (const e of error.errors) {
        const field = fieldOf(e.path);
        if (field) byField.set(field, [...(byField.get(field) ?? []), e.path === field ? e.message : `${e.path}: ${e.message}`]);
      }
      form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
      setFailure(error);
    } finally {
      setSaving(false);
    }
  };

  const departmentName = (code: string) => departments.data?.items.find((d) => d.code === code)?.name ?? code;
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t.guide.items}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t.guide.itemsIntro}</Typography.Paragraph>
      <Button type="primary" onClick={() => open('new')} style={{ marginBottom: 16 }}>
        {t.guide.newItem}
      </Button>
      <LoadState error={items.error} />
      <Table<ServiceItem>
        rowKey="code"
        size="small"
        pagination={false}
        dataSource={items.data?.items ?? []}
        columns={[
          { title: t.guide.code, dataIndex: 'code' },
          { title: t.guide.name, dataIndex: 'name' },
          { title: t.guide.department, dataIndex: 'departmentCode', render: (code: string) => departmentName(code) },
          { title: t.guide.itemType, dataIndex: 'itemType', render: (v: string | null) => (v ? label(t.guide.itemTypes, v) : t.guide.notPublished) },
          { title: t.guide.onlineDepth, dataIndex: 'onlineDepth', render: (v: string | null) => (v ? label(t.guide.depths, v) : t.guide.notPublished) },
          { title: t.common.actions, key: 'actions', render: (_: unknown, item) => <Button size="small" onClick={() => open(item)} aria-label={`${t.guide.edit} ${item.name}`}>{t.guide.edit}</Button> },
        ]}
      />
      {editing && (
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{editing === 'new' ? t.guide.newItem : t.guide.editItem(editing.name)}</h2>} style={{ marginTop: 16 }} data-testid="item-editor">
          <Form form={form} layout="vertical" onFinish={save}>
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <Form.Item name="code" label={t.guide.code} rules={[{ required: true }]}>
                  <Input disabled={editing !== 'new'} />
                </Form.Item>
              </Col>
              <Col xs={24} md={16}>
                <Form.Item name="name" label={t.guide.name} rules={[{ required: true }]}>
                  <Input />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="departmentCode" label={t.guide.department} rules={[{ required: true }]}>
                  <Select options={(departments.data?.items ?? []).map((d) => ({ value: d.code, label: d.name }))} />
                </Form.Item>
              </Col>
              <Col xs={12} md={4}>
                <Form.Item name="statutoryDays" label={t.guide.statutoryDays} rules={[{ required: true }]}>
                  <InputNumber min={1} max={365} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={12} md={4}>
                <Form.Item name="promisedDays" label={t.guide.promisedDays} rules={[{ required: true }]}>
                  <InputNumber min={1} max={365} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="workflowKey" label={t.guide.workflowKey} rules={[{ required: true }]}>
                  <Input />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="itemType" label={t.guide.itemType}>
                  <Radio.Group options={['instant', 'promised'].map((v) => ({ value: v, label: label(t.guide.itemTypes, v) }))} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="subjectTypes" label={t.guide.subjectTypes}>
                  <Checkbox.Group options={['person', 'enterprise'].map((v) => ({ value: v, label: label(t.guide.subjects, v) }))} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="onlineDepth" label={t.guide.onlineDepth}>
                  <Select options={Object.entries(t.guide.depths).map(([value, text]) => ({ value, label: text }))} />
                </Form.Item>
              </Col>
              <Col xs={24}>
                <Form.Item name="legalBasis" label={t.guide.legalBasis} extra={t.guide.legalBasisHelp}>
                  <Input.TextArea rows={3} />
                </Form.Item>
              </Col>
              <Col xs={24} md={6}>
                <Form.Item name="feeFree" label={t.guide.feeFree} valuePropName="checked">
                  <Switch />
                </Form.Item>
              </Col>
              {feeFree === false && (
                <>
                  <Col xs={24} md={9}>
                    <Form.Item name="feeStandard" label={t.guide.feeStandard}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={9}>
                    <Form.Item name="feeBasis" label={t.guide.feeBasisLabel}>
                      <Input />
                    </Form.Item>
                  </Col>
                </>
              )}
              <Col xs={24} md={12}>
                <Form.Item name="location" label={t.guide.location}>
                  <Input />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="officeHours" label={t.guide.officeHours}>
                  <Input />
                </Form.Item>
              </Col>
              <Col xs={12}>
                <Form.Item name="consultPhone" label={t.guide.consultPhone}>
                  <Input />
                </Form.Item>
              </Col>
              <Col xs={12}>
                <Form.Item name="complaintPhone" label={t.guide.complaintPhone}>
                  <Input />
                </Form.Item>
              </Col>
              <Col xs={24}>
                <Form.Item name="materials" label={t.guide.materialsJson}>
                  <Input.TextArea rows={4} spellCheck={false} style={{ fontFamily: 'monospace' }} />
                </Form.Item>
              </Col>
              <Col xs={24} lg={12}>
                <Form.Item name="formSchema" label={t.guide.formSchemaJson} extra={t.guide.formSchemaHelp}>
                  <Input.TextArea rows={18} spellCheck={false} style={{ fontFamily: 'monospace' }} />
                </Form.Item>
              </Col>
              <Col xs={24} lg={12}>
                <SchemaPreview text={schemaText} />
              </Col>
            </Row>
            {failure && <div style={{ marginBottom: 16 }}><ProblemAlert error={failure} /></div>}
            <Space>
              <Button type="primary" htmlType="submit" loading={saving}>
                {t.common.save}
              </Button>
              <Button onClick={() => setEditing(null)}>{t.common.cancel}</Button>
            </Space>
          </Form>
        </Card>
      )}
    </>
  );
}
