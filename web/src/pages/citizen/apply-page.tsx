import { Alert, App, Button, Card, Form, Select, Spin, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { apiFieldErrors, SchemaFields } from '../../forms/schema-fields';
import { fieldProblem, formPayload } from '../../forms/form-rules';
import { hasChinese, useT } from '../../i18n/i18n';
import { api, ApiError, newIdempotencyKey } from '../../lib/api';
import { navigate } from '../../lib/router';
import type { BundleDetail, FieldError, FormSchema, ServiceItem } from '../../lib/types';
import { useApi } from '../../lib/use-api';
import { ProblemAlert } from '../../components/problem-alert';
import { bundleMaterials } from './catalogue-page';
import { MaterialUpload, without, type Uploaded } from './material-upload';
import type { Authorisation } from './authorise-form';

interface Subject {
  name: string;
  bundle: BundleDetail | null;
  items: ServiceItem[];
}

async function loadSubject(kind: string, code: string): Promise<Subject> {
  if (kind === 'bundle') {
    const bundle = await api.get<BundleDetail>(`/api/bundles/${encodeURIComponent(code)}`);
    const items = await Promise.all(bundle.serviceItemCodes.map((c) => api.get<ServiceItem>(`/api/service-items/${encodeURIComponent(c)}`)));
    return { name: bundle.name, bundle, items };
  }
  const item = await api.get<ServiceItem>(`/api/service-items/${encodeURIComponent(code)}`);
  return { name: item.name, bundle: null, items: [item] };
}

export interface Profile {
  name: string;
  idNumber: string | null;
  phone: string | null;
  enterprise: { name: string; uscc: string | null; legalRepresentative: string | null; district: string | null } | null;
}

/**
 * The form fields an account's own details fill (GET /api/my/profile), by the field names the service
 * items use: a person's name, ID number and phone; an enterprise's name and legal representative.
 */
export function prefillFrom(profile: Profile): Record<string, string> {
  const values: Record<string, string | null | undefined> = profile.enterprise
    ? {
        businessName: profile.enterprise.name,
        unitName: profile.enterprise.name,
        dischargerName: profile.enterprise.name,
        legalRepresentative: profile.enterprise.legalRepresentative,
        phone: profile.phone,
      }
    : {
        applicantName: profile.name,
        operatorName: profile.name,
        legalRepresentative: profile.name,
        idNumber: profile.idNumber,
        operatorIdNumber: profile.idNumber,
        phone: profile.phone,
      };
  return Object.fromEntries(Object.entries(values).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== ''));
}

/** Apply for a service item or a bundle: the form(s) from the items' JSON Schemas, the materials once. */
export function ApplyPage({ params }: { params: Record<string, string> }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Record<string, unknown>>();
  const subject = useApi(() => loadSubject(params.kind ?? 'item', params.code ?? ''), [params.kind, params.code]);
  const [uploads, setUploads] = useState<Record<string, Uploaded>>({});
  const [materialErrors, setMaterialErrors] = useState<Record<string, string>>({});
  const [otherErrors, setOtherErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  // One key per attempt: a repeat (double click, lost answer) returns the same case instead of a second one.
  const idempotencyKey = useRef(newIdempotencyKey());
  // 代办: the people who authorised the caller for this item (or for all items) may be applied for.
  const principals = useApi(() => api.get<{ items: Authorisation[] }>('/api/my/principals').catch(() => ({ items: [] })), []);
  const [onBehalfOf, setOnBehalfOf] = useState<string>('');
  const profile = useApi(() => api.get<Profile>('/api/my/profile').catch(() => null), []);
  // What the account filled in: applying for someone else (代办), those values are theirs to give, not ours.
  const prefilled = useRef<{ name: (string | number)[]; value: string }[]>([]);

  // Pre-fill what the account already says, once both are known; what the applicant typed is kept.
  useEffect(() => {
    if (!subject.data || !profile.data) return;
    const known = prefillFrom(profile.data);
    const fill = (schema: FormSchema, prefix: string[]) => {
      for (const [field, value] of Object.entries(known)) {
        const property = schema.properties[field];
        if (!property || form.getFieldValue([...prefix, field]) !== undefined) continue;
        if (fieldProblem(field, property, value, false) === null) {
          form.setFieldValue([...prefix, field], value);
          prefilled.current.push({ name: [...prefix, field], value });
        }
      }
    };
    // A bundle has one merged form (一表申请): its fields carry no item prefix.
    const schema = subject.data.bundle ? subject.data.bundle.formSchema : subject.data.items[0]!.formSchema;
    if (schema) fill(schema, []);
  }, [subject.data, profile.data, form]);

  if (subject.error) return <ProblemAlert error={subject.error} />;
  if (!subject.data) return <Spin aria-label={t.common.loading} />;
  const { name, bundle, items } = subject.data;
  const materials = bundleMaterials(items);
  // 一表申请: a bundle has one merged form, each field once, whatever number of items ask for it.
  const schema: FormSchema | null = bundle ? bundle.formSchema : items[0]!.formSchema;
  if (!schema) return <Alert type="error" showIcon title={t.guide.bundleConflict} />;
  const schemas: Record<string, FormSchema> = { '': schema };

  /** The materials still missing, marked on their rows: checked with the fields, so every problem shows at once. */
  const checkMaterials = () => {
    const missing = Object.fromEntries(
      materials.filter(({ material }) => material.required && !material.tolerant && !uploads[material.key]).map(({ material }) => [material.key, t.apply.missingMaterial(material.name)]),
    );
    setMaterialErrors(missing);
    return missing;
  };

  const submit = async () => {
    setFailure(undefined);
    setOtherErrors([]);
    const missing = checkMaterials();
    let values: Record<string, unknown>;
    try {
      values = await form.validateFields();
    } catch {
      message.error(t.common.fixFields);
      return;
    }
    if (Object.keys(missing).length > 0) {
      message.error(t.common.fixFields);
      return;
    }
    const body = {
      ...(bundle ? { bundleCode: bundle.code } : { serviceItemCode: items[0]!.code }),
      form: formPayload(schema, values),
      materials: Object.entries(uploads).map(([key, file]) => ({ key, fileId: file.fileId })),
      ...(onBehalfOf ? { onBehalfOf } : {}),
    };
    setBusy(true);
    try {
      const created = await api.post<{ id: string; caseNo: string }>('/api/cases', body, { 'Idempotency-Key': idempotencyKey.current });
      message.success(t.apply.submitted(created.caseNo));
      navigate(`/portal/cases/${created.id}`);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      // The server refused this body for good: a changed body needs a new key (the same key would be a 422).
      if (error.status >= 400 && error.status < 500) idempotencyKey.current = newIdempotencyKey();
      const { fields, rest } = apiFieldErrors(error.errors, schemas, t);
      form.setFields(fields);
      // A material the server still misses goes on its row, like the page's own check.
      const onRows: Record<string, string> = {};
      const others = rest.filter((e) => {
        const key = /"([^"]+)"/.exec(e.message)?.[1];
        const material = e.path === 'materials' && key ? materials.find((m) => m.material.key === key)?.material : undefined;
        if (material) onRows[material.key] = t.apply.missingMaterial(material.name);
        return !material;
      });
      setMaterialErrors((previous) => ({ ...previous, ...onRows }));
      setOtherErrors(others.map((e) => ({ ...e, message: hasChinese(e.message) || t.locale !== 'zh-CN' ? e.message : t.common.fieldInvalid })));
      if (rest.length === 0 && fields.length === 0) setFailure(error);
      else message.error(t.common.fixFields);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t.apply.title(name)}
      </Typography.Title>
      {bundle && <Typography.Paragraph type="secondary">{t.apply.sharedHint}</Typography.Paragraph>}
      {(() => {
        const codes = items.map((i) => i.code);
        const usable = (principals.data?.items ?? [])
          .filter((a) => a.status === 'active' && (a.serviceItemCodes === null || codes.every((code) => a.serviceItemCodes!.includes(code))))
          .filter((a, i, all) => all.findIndex((b) => b.principal.id === a.principal.id) === i);
        if (usable.length === 0) return null;
        const forEnterprise = (a: Authorisation) => a.kind === 'handler' || a.kind === 'legal_representative';
        const people = usable.filter((a) => !forEnterprise(a)).map((a) => ({ value: a.principal.id, label: t.identity.onBehalfOf(a.principal.name) }));
        const enterprises = usable.filter(forEnterprise).map((a) => ({ value: a.principal.id, label: t.identity.forEnterprise(a.principal.name) }));
        return (
          <Card style={{ marginBottom: 16 }}>
            <label htmlFor="apply-on-behalf-of" style={{ marginInlineEnd: 12 }}>
              {t.identity.applyFor}
            </label>
            <Select
              id="apply-on-behalf-of"
              style={{ minWidth: 280 }}
              value={onBehalfOf}
              onChange={(principal: string) => {
                setOnBehalfOf(principal);
                // For a principal, the applicant's own details go: what is still as the account filled it is cleared.
                if (principal) for (const { name, value } of prefilled.current) if (form.getFieldValue(name) === value) form.setFieldValue(name, undefined);
              }}
              options={[
                { value: '', label: t.identity.myself },
                ...(people.length ? [{ label: t.identity.agent, options: people }] : []),
                ...(enterprises.length ? [{ label: t.enterprise.apply, options: enterprises }] : []),
              ]}
            />
          </Card>
        );
      })()}
      <Form form={form} layout="vertical" onFinish={submit} onFinishFailed={checkMaterials} scrollToFirstError>
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{bundle ? t.guide.oneForm : t.apply.form}</h2>} style={{ marginBottom: 16 }}>
          {bundle && <Typography.Paragraph type="secondary">{t.guide.oneFormHint(Object.keys(schema.properties).length, bundle.itemFieldCount)}</Typography.Paragraph>}
          <SchemaFields schema={schema} />
        </Card>
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.apply.materials}</h2>} style={{ marginBottom: 16 }}>
          <Typography.Paragraph type="secondary">{t.apply.materialsHint}</Typography.Paragraph>
          {materials.map(({ material, usedBy }) => (
            <MaterialUpload
              key={material.key}
              material={material}
              usedBy={bundle ? t.common.join(usedBy.map((i) => i.name)) : undefined}
              uploaded={uploads[material.key]}
              error={materialErrors[material.key]}
              onUploaded={(file) => {
                setUploads((previous) => ({ ...previous, [material.key]: file }));
                setMaterialErrors((previous) => without(previous, material.key));
              }}
            />
          ))}
        </Card>
        {otherErrors.length > 0 && (
          <Alert
            type="error"
            showIcon
            role="alert"
            style={{ marginBottom: 16 }}
            title={t.apply.materialProblems}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {otherErrors.map((e, i) => (
                  <li key={i}>{e.message}</li>
                ))}
              </ul>
            }
          />
        )}
        <ProblemAlert error={failure} />
        <Button type="primary" htmlType="submit" size="large" loading={busy} style={{ marginTop: 16 }}>
          {t.apply.submit}
        </Button>
      </Form>
    </>
  );
}
