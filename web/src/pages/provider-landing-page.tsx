import { Alert, Button, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useT } from '../i18n/i18n';
import { api } from '../lib/api';
import { navigate } from '../lib/router';
import { homeOf, signIn, signOut } from '../lib/session';
import type { UserView } from '../lib/types';

/**
 * Where the provider sign-in lands: the tokens come in the URL fragment (never sent to a server, never
 * in a log), are taken into the session, and wiped from the address bar.
 */
export function ProviderLandingPage() {
  const t = useT();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const fragment = new URLSearchParams(location.hash.slice(1));
    history.replaceState(null, '', location.pathname);
    const token = fragment.get('accessToken');
    const refreshToken = fragment.get('refreshToken') ?? undefined;
    if (!token) {
      setFailed(true);
      return;
    }
    signIn({ token, refreshToken, user: { id: '', username: '', roles: ['citizen'], departmentCode: null, displayName: '' } });
    api.get<UserView>('/api/me').then(
      (user) => {
        signIn({ token, refreshToken, user });
        navigate(homeOf(user), { replace: true });
      },
      () => {
        signOut();
        setFailed(true);
      },
    );
  }, []);
  if (failed) return <Alert type="error" showIcon role="alert" title={t.identity.providerFailed} action={<Button onClick={() => navigate('/login')}>{t.app.login}</Button>} />;
  return <Spin aria-label={t.identity.providerSigningIn} />;
}
