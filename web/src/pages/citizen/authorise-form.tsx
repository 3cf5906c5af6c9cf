import { App, Button, Form, Input, Select, Tag } from 'antd';
import { useState } from 'react';
import { ProblemAlert } from '../../components/problem-alert';
import { useT } from '../../i18n/i18n';
import { ApiError } from '../../lib/api';
import { useCatalogue } from '../../lib/catalogue';

/** An authorisation as the API shows it: 代办 between people, or a 经办人 (or legal representative) of an enterprise. */
export interface Authorisation {
  id: string;
  principal: { id: string; username: string; name: string };
  agent: { id: string; username: string; name: string };
  serviceItemCodes: string[] | null;
  validUntil: string;
  kind: string;
  status: 'active' | 'expired' | 'revoked';
}

export interface AuthoriseValues {
  agentUsername: string;
  serviceItemCodes?: string[];
  validUntil: string;
}

const STATUS_COLOURS = { active: 'green', expired: 'default', revoked: 'red' } as const;

export function AuthorisationStatus({ status }: { status: Authorisation['status'] }) {
  const t = useT();
  return <Tag color={STATUS_COLOURS[status]}>{t.identity.statusOf[status]}</Tag>;
}

/** The names of the items an authorisation covers, or 全部事项. */
export function useItemsOf(): (codes: string[] | null) => string {
  const t = useT();
  const catalogue = useCatalogue();
  const itemName = (code: string) => catalogue?.items.find((i) => i.code === code)?.name ?? code;
  return (codes) => (codes ? codes.map(itemName).join('、') : t.identity.allItems);
}

/**
 * Whom, for which items, until when: the form that authorises an agent (我的代办授权) or a 经办人 (我的企业).
 * `post` sends it; the API's field errors land on their fields, any other problem above the form.
 */
export function AuthoriseForm({ usernameLabel, submitLabel, doneMessage, post, onDone }: {
  usernameLabel: string;
  submitLabel: string;
  doneMessage: string;
  post: (body: AuthoriseValues) => Promise<unknown>;
  onDone: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<AuthoriseValues>();
  const catalogue = useCatalogue();
  const [failure, setFailure] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  const authorise = async (values: AuthoriseValues) => {
    setBusy(true);
    setFailure(undefined);
    try {
      await post({ ...values, serviceItemCodes: values.serviceItemCodes?.length ? values.serviceItemCodes : undefined });
      message.success(doneMessage);
      form.resetFields();
      onDone();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const fields = error.errors.filter((e) => ['agentUsername', 'validUntil'].includes(e.path));
      form.setFields(fields.map((e) => ({ name: e.path as 'agentUsername' | 'validUntil', errors: [e.message] })));
      if (fields.length === 0) setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const required = [{ required: true, message: t.login.required }];
  return (
    <>
      <Form form={form} layout="inline" onFinish={authorise} requiredMark={false} style={{ rowGap: 12 }}>
        <Form.Item name="agentUsername" label={usernameLabel} rules={required}>
          <Input />
        </Form.Item>
        <Form.Item name="serviceItemCodes" label={t.identity.items} style={{ minWidth: 320 }}>
          <Select mode="multiple" allowClear options={(catalogue?.items ?? []).map((i) => ({ value: i.code, label: i.name }))} />
        </Form.Item>
        <Form.Item name="validUntil" label={t.identity.validUntil} rules={required}>
          <Input type="date" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {submitLabel}
        </Button>
      </Form>
      <ProblemAlert error={failure} />
    </>
  );
}
