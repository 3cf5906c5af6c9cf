import { Alert, App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useT } from '../i18n/i18n';
import { api, ApiError } from '../lib/api';
import { Link, navigate } from '../lib/router';
import { signIn } from '../lib/session';
import type { UserView } from '../lib/types';

interface Registered {
  id: string;
  username: string;
  realNameVerified: boolean;
  accessToken: string;
  refreshToken: string;
}

const FIELDS = ['phone', 'code', 'name', 'idNumber', 'password', 'username'];

/** 实名注册: phone and SMS code, name and ID number, a password; signed in at once. */
export function RegisterPage() {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Record<string, string>>();
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [wait, setWait] = useState(0);

  useEffect(() => {
    if (wait <= 0) return;
    const timer = setTimeout(() => setWait((w) => w - 1), 1000);
    return () => clearTimeout(timer);
  }, [wait]);

  /** A refusal names its field when it can; the rest goes above the button. */
  const show = (error: unknown) => {
    if (!(error instanceof ApiError)) throw error;
    const named = error.errors.filter((e) => FIELDS.includes(e.path));
    form.setFields(named.map((e) => ({ name: e.path, errors: [error.errors.length === 1 ? error.detail : e.message] })));
    setFailure(named.length === 0 ? error.detail : undefined);
  };

  const sendCode = async () => {
    setFailure(undefined);
    try {
      const { phone } = await form.validateFields(['phone']);
      await api.post('/api/auth/sms-code', { phone });
      message.success(t.identity.codeSent);
      setWait(60);
    } catch (error) {
      if (error instanceof ApiError) show(error);
    }
  };

  const submit = async (values: Record<string, string>) => {
    setBusy(true);
    setFailure(undefined);
    try {
      const body = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== ''));
      const registered = await api.post<Registered>('/api/auth/register', body);
      signIn({ token: registered.accessToken, refreshToken: registered.refreshToken, user: { id: registered.id, username: registered.username, roles: ['citizen'], departmentCode: null, displayName: '' } });
      const me = await api.get<UserView>('/api/me');
      signIn({ token: registered.accessToken, refreshToken: registered.refreshToken, user: me });
      message.success(t.identity.registered(registered.username, registered.realNameVerified));
      navigate('/portal', { replace: true });
    } catch (error) {
      show(error);
    } finally {
      setBusy(false);
    }
  };

  const required = [{ required: true, message: t.login.required }];
  return (
    <Card style={{ maxWidth: 480, margin: '32px auto' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t.identity.registerTitle}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t.identity.registerIntro}</Typography.Paragraph>
      {failure && <Alert type="error" showIcon role="alert" title={failure} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item label={t.identity.phone} required>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name="phone" noStyle rules={required}>
              <Input autoComplete="tel" inputMode="numeric" maxLength={11} aria-label={t.identity.phone} />
            </Form.Item>
            <Button onClick={sendCode} disabled={wait > 0}>
              {wait > 0 ? t.identity.resendIn(wait) : t.identity.sendCode}
            </Button>
          </Space.Compact>
        </Form.Item>
        <Form.Item name="code" label={t.identity.code} rules={required}>
          <Input inputMode="numeric" maxLength={6} autoComplete="one-time-code" />
        </Form.Item>
        <Form.Item name="name" label={t.identity.name} rules={required}>
          <Input autoComplete="name" />
        </Form.Item>
        <Form.Item name="idNumber" label={t.identity.idNumber} rules={required}>
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item name="password" label={t.identity.password} extra={t.identity.passwordHint} rules={required}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="username" label={t.identity.usernameOptional}>
          <Input autoComplete="username" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block>
          {t.identity.submitRegister}
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
        <Link to="/login">{t.identity.haveAccount}</Link>
      </Typography.Paragraph>
    </Card>
  );
}
