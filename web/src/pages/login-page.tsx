import { Alert, Button, Card, Divider, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../i18n/i18n';
import { api, ApiError } from '../lib/api';
import { Link, navigate, useLocation } from '../lib/router';
import { useApi } from '../lib/use-api';
import { homeOf, signIn } from '../lib/session';
import type { UserView } from '../lib/types';

interface LoginAnswer {
  accessToken: string;
  refreshToken?: string;
  user: UserView;
}

/** One sign-in for every role; each lands on its own pages (or back where the sign-in was asked for). */
export function LoginPage() {
  const t = useT();
  const { search } = useLocation();
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const providers = useApi(() => api.get<{ oidc: boolean }>('/api/auth/providers'), []);

  const submit = async (values: { username: string; password: string }) => {
    setBusy(true);
    setFailure(undefined);
    try {
      const answer = await api.post<LoginAnswer>('/api/auth/login', values);
      signIn({ token: answer.accessToken, refreshToken: answer.refreshToken, user: answer.user });
      const next = search.get('next');
      // Only a path of this site: a crafted ?next=https://… must not carry the user elsewhere.
      navigate(next && next.startsWith('/') && !next.startsWith('//') && next !== '/login' ? next : homeOf(answer.user), { replace: true });
    } catch (error) {
      setFailure(error instanceof ApiError && error.status === 401 ? t.login.failed : error instanceof ApiError ? t.common.failedWith(error.detail) : String(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card style={{ maxWidth: 420, margin: '48px auto' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t.login.title}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t.login.intro}</Typography.Paragraph>
      {failure && <Alert type="error" showIcon role="alert" title={failure} style={{ marginBottom: 16 }} />}
      <Form layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="username" label={t.login.username} rules={[{ required: true, message: t.login.required }]}>
          <Input autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item name="password" label={t.login.password} rules={[{ required: true, message: t.login.required }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block>
          {t.login.submit}
        </Button>
      </Form>
      {providers.data?.oidc && (
        <>
          <Divider plain />
          {/* A whole-page visit: the provider's pages take over, and come back to /login/provider. */}
          <Button block href="/api/auth/oidc/login">
            {t.identity.provider}
          </Button>
        </>
      )}
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
        {t.identity.noAccount} <Link to="/register">{t.identity.register}</Link>
      </Typography.Paragraph>
    </Card>
  );
}
