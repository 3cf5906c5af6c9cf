import { Button, Space, Typography } from 'antd';
import { useEffect, useRef, type ReactNode } from 'react';
import { setLanguage, useLanguage, useT } from '../i18n/i18n';
import type { Dict } from '../i18n/zh';
import { api } from '../lib/api';
import { Link, navigate, useLocation } from '../lib/router';
import { hasRole, signOut, useSession, type Session } from '../lib/session';
import { InboxBell } from './inbox-bell';

type NavKey = keyof Dict['nav'];

function navFor(session: Session | null): [NavKey, string][] {
  const links: [NavKey, string][] = [];
  if (!session || hasRole(session, 'citizen')) links.push(['catalogue', '/portal']);
  if (hasRole(session, 'citizen')) links.push(['myCases', '/portal/cases'], ['benefits', '/portal/benefits'], ['agents', '/portal/agents'], ['enterprises', '/portal/enterprises']);
  if (hasRole(session, 'clerk')) links.push(['workbench', '/workbench'], ['counter', '/workbench/counter'], ['substitute', '/workbench/substitute']);
  if (hasRole(session, 'supervisor', 'admin')) links.push(['dashboard', '/dashboard'], ['workload', '/workload']);
  if (hasRole(session, 'clerk', 'supervisor', 'admin')) links.push(['tickets', '/tickets']);
  if (hasRole(session, 'admin')) links.push(['items', '/admin/items'], ['bundles', '/admin/bundles'], ['workflows', '/admin/workflows'], ['users', '/admin/users'], ['registry', '/admin/registry'], ['policies', '/admin/policies'], ['calendar', '/admin/calendar'], ['notifications', '/admin/notifications'], ['operations', '/admin/operations']);
  links.push(['verify', '/verify']);
  return links;
}

/** The frame of every page: who is signed in, where they can go, the language switch. */
export function AppLayout({ children }: { children: ReactNode }) {
  const t = useT();
  const language = useLanguage();
  const session = useSession();
  const { pathname } = useLocation();
  const main = useRef<HTMLElement>(null);

  // After a navigation, keyboard and screen-reader users continue from the new page's content.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
  }, [pathname]);

  const links = navFor(session);
  const active = links.filter(([, href]) => pathname === href || pathname.startsWith(`${href}/`)).sort((a, b) => b[1].length - a[1].length)[0]?.[1];

  return (
    <>
      <a className="skip-link" href="#main">
        {t.app.skipToContent}
      </a>
      <header className="app-header">
        <Link className="app-brand" to="/">
          {t.app.name}
          <small>{t.app.district}</small>
        </Link>
        <nav className="app-nav" aria-label={t.app.name}>
          {links.map(([key, href]) => (
            <Link key={key} to={href} aria-current={href === active ? 'page' : undefined}>
              {t.nav[key]}
            </Link>
          ))}
        </nav>
        <Space wrap>
          <Button type="text" lang={language === 'zh' ? 'en' : 'zh-CN'} aria-label={t.app.switchLanguageLabel} onClick={() => setLanguage(language === 'zh' ? 'en' : 'zh')}>
            {t.app.switchLanguage}
          </Button>
          {session ? (
            <>
              <InboxBell />
              <Typography.Text>
                {t.app.signedInAs(session.user.displayName ?? session.user.username, session.user.roles.map((r) => t.roles[r] ?? r).join(', '))}
              </Typography.Text>
              <Button
                onClick={() => {
                  // The session ends on the server too: its tokens stop working everywhere at once.
                  if (session.refreshToken) void api.post('/api/auth/logout', { refreshToken: session.refreshToken }).catch(() => undefined);
                  signOut();
                  navigate('/login');
                }}
              >
                {t.app.logout}
              </Button>
            </>
          ) : (
            pathname !== '/login' && (
              <Button type="primary" onClick={() => navigate(`/login?next=${encodeURIComponent(pathname)}`)}>
                {t.app.login}
              </Button>
            )
          )}
        </Space>
      </header>
      <main id="main" className="app-main" ref={main} tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
