import { Alert, App, Button, Card, Form, Typography } from 'antd';
import { useState } from 'react';
import { apiFieldErrors, SchemaFields } from '../../forms/schema-fields';
import { formPayload } from '../../forms/form-rules';
import { useT } from '../../i18n/i18n';
import { api, ApiError } from '../../lib/api';
import type { Catalogue } from '../../lib/catalogue';
import type { CaseDetail, FieldError, Material } from '../../lib/types';
import { ProblemAlert } from '../../components/problem-alert';
import { MaterialUpload, without, type Uploaded } from './material-upload';

/**
 * 一次性告知, answered at once: a new upload for every material named in the notice and a new value
 * for every `form.<field>` in it, sent together (the API refuses a partial answer).
 */
export function CorrectionAnswer({ detail, catalogue, onAnswered }: { detail: CaseDetail; catalogue: Catalogue; onAnswered: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Record<string, unknown>>();
  const [uploads, setUploads] = useState<Record<string, Uploaded>>({});
  const [missing, setMissing] = useState<Record<string, string>>({});
  const [otherErrors, setOtherErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const item = catalogue.item(detail.serviceItemCode);
  const notice = detail.correction!;
  const materialItems = notice.items.filter((i) => !i.key.startsWith('form.'));
  const fieldItems = notice.items.filter((i) => i.key.startsWith('form.'));
  const fields = fieldItems.map((i) => i.key.slice('form.'.length));
  const materialOf = (key: string): Material => item?.materials.find((m) => m.key === key) ?? { key, name: key, required: true, tolerant: false };

  const submit = async () => {
    setFailure(undefined);
    setOtherErrors([]);
    const unanswered = Object.fromEntries(materialItems.filter((i) => !uploads[i.key]).map((i) => [i.key, t.apply.missingMaterial(materialOf(i.key).name)]));
    setMissing(unanswered);
    let values: Record<string, unknown> = {};
    try {
      if (fields.length > 0) values = await form.validateFields();
    } catch {
      message.error(t.common.fixFields);
      return;
    }
    if (Object.keys(unanswered).length > 0) {
      message.error(t.common.fixFields);
      return;
    }
    setBusy(true);
    try {
      await api.post(`/api/cases/${detail.id}/corrections`, {
        materials: materialItems.map((i) => ({ key: i.key, fileId: uploads[i.key]!.fileId })),
        ...(fields.length > 0 && item ? { form: formPayload(item.formSchema, Object.fromEntries(fields.map((f) => [f, values[f]]))) } : {}),
      });
      message.success(t.caseDetail.correctionSent);
      onAnswered();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const { fields: onFields, rest } = apiFieldErrors(error.errors, item ? { '': item.formSchema } : {}, t);
      form.setFields(onFields);
      setOtherErrors(rest);
      if (rest.length === 0 && onFields.length === 0) setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.caseDetail.correctionTitle(notice.round)}</h2>} style={{ marginBottom: 16, borderColor: '#faad14' }} data-testid="correction">
      <Typography.Paragraph>{t.caseDetail.correctionIntro}</Typography.Paragraph>
      <ol style={{ paddingInlineStart: 20 }}>
        {notice.items.map((i) => (
          <li key={i.key}>
            <Typography.Text strong>{t.common.colon(i.key.startsWith('form.') ? (item?.formSchema.properties[i.key.slice(5)]?.title ?? i.key) : materialOf(i.key).name)}</Typography.Text>
            {i.reason}
            <Typography.Text type="secondary">{t.common.paren(`${t.common.colon(t.caseDetail.raisedBy)}${catalogue.departmentName(i.department)}`)}</Typography.Text>
          </li>
        ))}
      </ol>
      <Form form={form} layout="vertical" initialValues={detail.form} onFinish={submit}>
        {materialItems.length > 0 && (
          <>
            <Typography.Title level={3} style={{ fontSize: 15 }}>
              {t.caseDetail.newFile}
            </Typography.Title>
            {materialItems.map((i) => (
              <MaterialUpload
                key={i.key}
                material={materialOf(i.key)}
                uploaded={uploads[i.key]}
                error={missing[i.key]}
                onUploaded={(file) => {
                  setUploads((previous) => ({ ...previous, [i.key]: file }));
                  setMissing((previous) => without(previous, i.key));
                }}
              />
            ))}
          </>
        )}
        {fields.length > 0 && item && (
          <>
            <Typography.Title level={3} style={{ fontSize: 15, marginTop: 16 }}>
              {t.caseDetail.newValue}
            </Typography.Title>
            <SchemaFields schema={item.formSchema} only={fields} />
          </>
        )}
        {otherErrors.length > 0 && (
          <Alert type="error" showIcon role="alert" title={t.common.join(otherErrors.map((e) => e.message))} style={{ marginBottom: 16 }} />
        )}
        <ProblemAlert error={failure} />
        <Button type="primary" htmlType="submit" loading={busy} style={{ marginTop: 12 }}>
          {t.caseDetail.submitCorrection}
        </Button>
      </Form>
    </Card>
  );
}
