import { App, Button, Card, Form, Input, Select, Typography } from 'antd';
import { useRef, useState } from 'react';
import { ProblemAlert } from '../../components/problem-alert';
import { apiFieldErrors, SchemaFields } from '../../forms/schema-fields';
import { formPayload } from '../../forms/form-rules';
import { useT } from '../../i18n/i18n';
import { api, ApiError, newIdempotencyKey } from '../../lib/api';
import { useCatalogue } from '../../lib/catalogue';
import { MaterialUpload, type Uploaded } from '../citizen/material-upload';

interface Entered {
  id: string;
  caseNo: string;
  accountReserved: boolean;
}

const APPLICANT_FIELDS = ['idNumber', 'name', 'phone'];

/** 窗口代录: the clerk enters an application for the person at the counter. */
export function CounterPage() {
  const t = useT();
  const { message } = App.useApp();
  const catalogue = useCatalogue();
  const [form] = Form.useForm<Record<string, unknown>>();
  const [applicant] = Form.useForm<{ idNumber: string; name: string; phone?: string }>();
  const [code, setCode] = useState<string>();
  const [uploads, setUploads] = useState<Record<string, Uploaded>>({});
  const [failure, setFailure] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const idempotencyKey = useRef(newIdempotencyKey());
  const item = catalogue?.item(code);

  const submit = async () => {
    if (!item) return;
    setFailure(undefined);
    let person: { idNumber: string; name: string; phone?: string };
    let values: Record<string, unknown>;
    try {
      person = await applicant.validateFields();
      values = await form.validateFields();
    } catch {
      message.error(t.common.fixFields);
      return;
    }
    setBusy(true);
    try {
      const entered = await api.post<Entered>(
        '/api/counter/cases',
        {
          serviceItemCode: item.code,
          applicant: { idNumber: person.idNumber.trim(), name: person.name.trim(), ...(person.phone ? { phone: person.phone.trim() } : {}) },
          form: formPayload(item.formSchema, values),
          materials: Object.entries(uploads).map(([key, file]) => ({ key, fileId: file.fileId })),
        },
        { 'Idempotency-Key': idempotencyKey.current },
      );
      message.success(t.identity.counterDone(entered.caseNo, entered.accountReserved));
      form.resetFields();
      applicant.resetFields();
      setUploads({});
      idempotencyKey.current = newIdempotencyKey();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      idempotencyKey.current = newIdempotencyKey();
      const own = error.errors.filter((e) => e.path.startsWith('applicant.') && APPLICANT_FIELDS.includes(e.path.slice(10)));
      applicant.setFields(own.map((e) => ({ name: e.path.slice(10) as 'idNumber' | 'name' | 'phone', errors: [e.message] })));
      const { fields, rest } = apiFieldErrors(error.errors.filter((e) => !own.includes(e)), { '': item.formSchema }, t);
      form.setFields(fields);
      if (rest.length > 0 || (own.length === 0 && fields.length === 0)) setFailure(error);
      else message.error(t.common.fixFields);
    } finally {
      setBusy(false);
    }
  };

  const required = [{ required: true, message: t.login.required }];
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t.identity.counterTitle}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t.identity.counterIntro}</Typography.Paragraph>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.identity.applicantSection}</h2>} style={{ marginBottom: 16 }}>
        {/* Named, so its field ids (walkIn_idNumber …) do not collide with the item form's idNumber and phone. */}
        <Form form={applicant} name="walkIn" layout="vertical" requiredMark={false}>
          <Form.Item name="idNumber" label={t.identity.idNumber} rules={required}>
            <Input maxLength={18} />
          </Form.Item>
          <Form.Item name="name" label={t.identity.name} rules={required}>
            <Input />
          </Form.Item>
          <Form.Item name="phone" label={t.identity.phone}>
            <Input maxLength={11} inputMode="numeric" />
          </Form.Item>
        </Form>
      </Card>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.identity.counterItem}</h2>} style={{ marginBottom: 16 }}>
        <Select
          showSearch
          optionFilterProp="label"
          aria-label={t.identity.counterItem}
          style={{ width: '100%' }}
          value={code}
          onChange={(value: string) => {
            setCode(value);
            setUploads({});
            form.resetFields();
          }}
          options={(catalogue?.items ?? []).map((i) => ({ value: i.code, label: `${i.name}（${i.code}）` }))}
        />
      </Card>
      {item && (
        <Form form={form} layout="vertical" onFinish={submit} scrollToFirstError>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.apply.form}</h2>} style={{ marginBottom: 16 }}>
            <SchemaFields schema={item.formSchema} />
          </Card>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.apply.materials}</h2>} style={{ marginBottom: 16 }}>
            {item.materials.map((material) => (
              <MaterialUpload
                key={material.key}
                material={material}
                uploaded={uploads[material.key]}
                onUploaded={(file) => setUploads((previous) => ({ ...previous, [material.key]: file }))}
              />
            ))}
          </Card>
          <ProblemAlert error={failure} />
          <Button type="primary" htmlType="submit" size="large" loading={busy} style={{ marginTop: 16 }}>
            {t.identity.counterSubmit}
          </Button>
        </Form>
      )}
    </>
  );
}
