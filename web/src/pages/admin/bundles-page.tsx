import { App, Button, Card, Col, Form, Input, Radio, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { LoadState, ProblemAlert } from '../../components/problem-alert';
import { SchemaFields } from '../../forms/schema-fields';
import { useT } from '../../i18n/i18n';
import { api, ApiError } from '../../lib/api';
import type { Bundle, BundleDetail, ServiceItem } from '../../lib/types';
import { useApi } from '../../lib/use-api';

interface MappingRow {
  item?: string;
  field?: string;
  target?: string;
}

interface BundleValues {
  code: string;
  name: string;
  serviceItemCodes: string[];
  failurePolicy: 'fail-bundle' | 'finish-rest';
  mapping: MappingRow[];
}

const rowsOf = (mapping: Record<string, Record<string, string>>): MappingRow[] =>
  Object.entries(mapping).flatMap(([item, fields]) => Object.entries(fields).map(([field, target]) => ({ item, field, target })));

function mappingOf(rows: MappingRow[]): Record<string, Record<string, string>> {
  const mapping: Record<string, Record<string, string>> = {};
  for (const row of rows) if (row.item && row.field && row.target) (mapping[row.item] ??= {})[row.field] = row.target;
  return mapping;
}

/** The merged form of a saved bundle: which items ask for each field, and the form as applicants see it. */
function MergedForm({ code, items }: { code: string; items: ServiceItem[] }) {
  const t = useT();
  const detail = useApi(() => api.get<BundleDetail>(`/api/bundles/${encodeURIComponent(code)}`), [code]);
  const [preview] = Form.useForm();
  if (detail.error) return <ProblemAlert error={detail.error} />;
  if (!detail.data) return null;
  const { formSchema, fieldOwners, itemFieldCount } = detail.data;
  const itemName = (c: string) => items.find((i) => i.code === c)?.name ?? c;
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.guide.mergedForm}</h2>} style={{ marginTop: 16 }} data-testid="merged-form">
      {formSchema && (
        <>
          <Typography.Paragraph strong>{t.guide.mergedSummary(Object.keys(formSchema.properties).length, itemFieldCount)}</Typography.Paragraph>
          <Table
            size="small"
            pagination={false}
            rowKey="field"
            dataSource={Object.entries(formSchema.properties).map(([field, property]) => ({ field, title: property.title ?? field, owners: fieldOwners[field] ?? [] }))}
            columns={[
              { title: t.guide.field, dataIndex: 'field', render: (field: string, row) => <><code>{field}</code> {row.title}</> },
              { title: t.guide.owners, dataIndex: 'owners', render: (owners: string[]) => owners.map((o) => <Tag key={o}>{itemName(o)}</Tag>) },
            ]}
          />
          <Card size="small" title={t.guide.preview} style={{ marginTop: 16 }}>
            <Form form={preview} layout="vertical">
              <SchemaFields schema={formSchema} />
            </Form>
          </Card>
        </>
      )}
    </Card>
  );
}

/** 一件事管理: bundles, their field mapping and the one merged form it gives. */
export function BundlesPage() {
  const t = useT();
  const { message } = App.useApp();
  const bundles = useApi(() => api.get<{ items: Bundle[] }>('/api/bundles'), []);
  const items = useApi(() => api.get<{ items: ServiceItem[] }>('/api/service-items'), []);
  const [form] = Form.useForm<BundleValues>();
  const [editing, setEditing] = useState<Bundle | 'new' | null>(null);
  const [failure, setFailure] = useState<ApiError>();
  const [saving, setSaving] = useState(false);
  const [round, setRound] = useState(0);
  const chosen: string[] = Form.useWatch('serviceItemCodes', form) ?? [];
  const allItems = items.data?.items ?? [];
  const itemName = (code: string) => allItems.find((i) => i.code === code)?.name ?? code;

  const open = (bundle: Bundle | 'new') => {
    setEditing(bundle);
    setFailure(undefined);
    form.resetFields();
    form.setFieldsValue(
      bundle === 'new'
        ? { serviceItemCodes: [], failurePolicy: 'finish-rest', mapping: [] }
        : { code: bundle.code, name: bundle.name, serviceItemCodes: bundle.serviceItemCodes, failurePolicy: bundle.failurePolicy ?? 'finish-rest', mapping: rowsOf(bundle.fieldMapping ?? {}) },
    );
  };

  const save = async (values: BundleValues) => {
    setFailure(undefined);
    const body = { name: values.name, serviceItemCodes: values.serviceItemCodes, failurePolicy: values.failurePolicy, fieldMapping: mappingOf(values.mapping ?? []) };
    setSaving(true);
    try {
      if (editing === 'new') await api.post('/api/bundles', { code: values.code, ...body });
      else if (editing) await api.put(`/api/bundles/${encodeURIComponent(editing.code)}`, body);
      message.success(t.guide.saved);
      setEditing(editing === 'new' ? { code: values.code, ...body } : { ...editing!, ...body });
      setRound((r) => r + 1);
      bundles.reload();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setFailure(error);
    } finally {
      setSaving(false);
    }
  };

  const fieldsOf = (code: string | undefined) => Object.keys(allItems.find((i) => i.code === code)?.formSchema.properties ?? {});
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t.guide.bundles}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t.guide.bundlesIntro}</Typography.Paragraph>
      <Button type="primary" onClick={() => open('new')} style={{ marginBottom: 16 }}>
        {t.guide.newBundle}
      </Button>
      <LoadState error={bundles.error} />
      <Table<Bundle>
        rowKey="code"
        size="small"
        pagination={false}
        dataSource={bundles.data?.items ?? []}
        columns={[
          { title: t.guide.bundleCode, dataIndex: 'code' },
          { title: t.guide.bundleName, dataIndex: 'name' },
          { title: t.guide.bundleItems, dataIndex: 'serviceItemCodes', render: (codes: string[]) => t.common.join(codes.map(itemName)) },
          { title: t.common.actions, key: 'actions', render: (_: unknown, bundle) => <Button size="small" onClick={() => open(bundle)} aria-label={`${t.guide.edit} ${bundle.name}`}>{t.guide.edit}</Button> },
        ]}
      />
      {editing && (
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{editing === 'new' ? t.guide.newBundle : t.guide.editItem(editing.name)}</h2>} style={{ marginTop: 16 }} data-testid="bundle-editor">
          <Form form={form} layout="vertical" onFinish={save}>
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <Form.Item name="code" label={t.guide.bundleCode} rules={[{ required: true }]}>
                  <Input disabled={editing !== 'new'} />
                </Form.Item>
              </Col>
              <Col xs={24} md={16}>
                <Form.Item name="name" label={t.guide.bundleName} rules={[{ required: true }]}>
                  <Input />
                </Form.Item>
              </Col>
              <Col xs={24}>
                <Form.Item name="serviceItemCodes" label={t.guide.bundleItems} rules={[{ required: true }]}>
                  <Select mode="multiple" options={allItems.map((i) => ({ value: i.code, label: `${i.name}（${i.code}）` }))} optionFilterProp="label" />
                </Form.Item>
              </Col>
              <Col xs={24}>
                <Form.Item name="failurePolicy" label={t.guide.failurePolicy}>
                  <Radio.Group options={Object.entries(t.guide.failurePolicies).map(([value, text]) => ({ value, label: text }))} />
                </Form.Item>
              </Col>
            </Row>
            <Typography.Title level={3} style={{ fontSize: 15 }}>
              {t.guide.mapping}
            </Typography.Title>
            <Typography.Paragraph type="secondary">{t.guide.mappingIntro}</Typography.Paragraph>
            <Form.List name="mapping">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field) => (
                    <Space key={field.key} align="start" wrap data-testid="mapping-row">
                      <Form.Item name={[field.name, 'item']} label={t.guide.mappingItem}>
                        <Select style={{ minWidth: 220 }} options={chosen.map((code) => ({ value: code, label: itemName(code) }))} />
                      </Form.Item>
                      <Form.Item noStyle shouldUpdate>
                        {() => (
                          <Form.Item name={[field.name, 'field']} label={t.guide.mappingField}>
                            <Select style={{ minWidth: 180 }} options={fieldsOf(form.getFieldValue(['mapping', field.name, 'item']) as string | undefined).map((f) => ({ value: f, label: f }))} />
                          </Form.Item>
                        )}
                      </Form.Item>
                      <Form.Item name={[field.name, 'target']} label={t.guide.mappingTarget}>
                        <Input style={{ minWidth: 180 }} />
                      </Form.Item>
                      <Button onClick={() => remove(field.name)} style={{ marginTop: 30 }}>
                        {t.guide.remove}
                      </Button>
                    </Space>
                  ))}
                  <div>
                    <Button onClick={() => add({})}>{t.guide.addMapping}</Button>
                  </div>
                </>
              )}
            </Form.List>
            {failure && <div style={{ margin: '16px 0' }}><ProblemAlert error={failure} /></div>}
            <Space style={{ marginTop: 16 }}>
              <Button type="primary" htmlType="submit" loading={saving}>
                {t.common.save}
              </Button>
              <Button onClick={() => setEditing(null)}>{t.common.cancel}</Button>
            </Space>
          </Form>
          {editing !== 'new' && <MergedForm key={`${editing.code}-${round}`} code={editing.code} items={allItems} />}
        </Card>
      )}
    </>
  );
}
