import { App as AntApp, Button, ConfigProvider, Result, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { lazy, Suspense, useEffect, type ComponentType, type LazyExoticComponent } from 'react';
import { AppLayout } from './components/app-layout';
import { useLanguage, useT } from './i18n/i18n';
import type { Role } from './lib/types';
import { matchPath, navigate, useLocation } from './lib/router';
import { hasRole, homeOf, useSession } from './lib/session';
import { LoginPage } from './pages/login-page';
import { ProviderLandingPage } from './pages/provider-landing-page';
import { RegisterPage } from './pages/register-page';

type Page = LazyExoticComponent<ComponentType<{ params: Record<string, string> }>>;

// One chunk per role: a citizen's browser never loads the admin console.
const citizen = (name: string) => lazy(() => import('./pages/citizen/citizen-pages').then((m) => ({ default: m.citizenPages[name]! })));
const clerk = (name: string) => lazy(() => import('./pages/clerk/clerk-pages').then((m) => ({ default: m.clerkPages[name]! })));
const supervisor = (name: string) => lazy(() => import('./pages/supervisor/dashboard-page').then((m) => ({ default: m.supervisorPages[name]! })));
const tickets = (name: string) => lazy(() => import('./pages/tickets/tickets-page').then((m) => ({ default: m.ticketPages[name]! })));
const inbox = lazy(() => import('./pages/inbox/inbox-page').then((m) => ({ default: m.InboxPage })));
const admin = (name: string) => lazy(() => import('./pages/admin/admin-pages').then((m) => ({ default: m.adminPages[name]! })));

interface Route {
  path: string;
  page: Page;
  /** Who may open it; public when absent. */
  roles?: Role[];
}

const routes: Route[] = [
  { path: '/portal', page: citizen('catalogue') },
  { path: '/portal/items/:code', page: citizen('guide') },
  { path: '/portal/apply/:kind/:code', page: citizen('apply'), roles: ['citizen'] },
  { path: '/portal/cases', page: citizen('cases'), roles: ['citizen'] },
  { path: '/portal/cases/:id', page: citizen('case'), roles: ['citizen'] },
  { path: '/portal/benefits', page: citizen('benefits'), roles: ['citizen'] },
  { path: '/portal/agents', page: citizen('agents'), roles: ['citizen'] },
  { path: '/portal/enterprises', page: citizen('enterprises'), roles: ['citizen'] },
  { path: '/verify', page: citizen('verify') },
  { path: '/verify/:code', page: citizen('verify') },
  { path: '/workbench', page: clerk('queue'), roles: ['clerk'] },
  { path: '/workbench/tasks/:id', page: clerk('task'), roles: ['clerk'] },
  { path: '/workbench/counter', page: clerk('counter'), roles: ['clerk'] },
  { path: '/workbench/substitute', page: clerk('substitute'), roles: ['clerk'] },
  { path: '/tickets', page: tickets('list'), roles: ['clerk', 'supervisor', 'admin'] },
  { path: '/tickets/:id', page: tickets('detail'), roles: ['clerk', 'supervisor', 'admin'] },
  { path: '/dashboard', page: supervisor('dashboard'), roles: ['supervisor', 'admin'] },
  { path: '/workload', page: supervisor('workload'), roles: ['supervisor', 'admin'] },
  { path: '/admin/items', page: admin('items'), roles: ['admin'] },
  { path: '/admin/bundles', page: admin('bundles'), roles: ['admin'] },
  { path: '/admin/users', page: admin('users'), roles: ['admin'] },
  { path: '/admin/registry', page: admin('registry'), roles: ['admin'] },
  { path: '/admin/workflows', page: admin('workflows'), roles: ['admin'] },
  { path: '/admin/policies', page: admin('policies'), roles: ['admin'] },
  { path: '/admin/calendar', page: admin('calendar'), roles: ['admin'] },
  { path: '/admin/notifications', page: admin('notifications'), roles: ['admin'] },
  { path: '/admin/operations', page: admin('operations'), roles: ['admin'] },
  { path: '/inbox', page: inbox, roles: ['citizen', 'clerk', 'supervisor', 'admin'] },
];

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

function Routes() {
  const t = useT();
  const session = useSession();
  const { pathname } = useLocation();
  if (pathname === '/') return <Redirect to={session ? homeOf(session.user) : '/portal'} />;
  if (pathname === '/login') return <LoginPage />;
  if (pathname === '/login/provider') return <ProviderLandingPage />;
  if (pathname === '/register') return <RegisterPage />;
  for (const route of routes) {
    const params = matchPath(route.path, pathname);
    if (!params) continue;
    if (route.roles && !session) return <Redirect to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} />;
    if (route.roles && !hasRole(session, ...route.roles)) {
      return <Result status="403" title={t.common.forbidden} extra={<Button onClick={() => navigate(homeOf(session?.user))}>{t.common.backHome}</Button>} />;
    }
    const Page = route.page;
    return <Page params={params} />;
  }
  return <Result status="404" title={t.common.notFound} extra={<Button onClick={() => navigate('/')}>{t.common.backHome}</Button>} />;
}

export function App() {
  const language = useLanguage();
  const t = useT();
  useEffect(() => {
    document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
    // Month and weekday names in the pickers follow the page's language, not the browser's.
    dayjs.locale(language === 'zh' ? 'zh-cn' : 'en');
    document.title = t.app.name;
  }, [language, t]);
  return (
    <ConfigProvider locale={language === 'zh' ? zhCN : enUS} theme={{ token: { colorPrimary: '#0958d9' } }}>
      <AntApp>
        <AppLayout>
          <Suspense fallback={<Spin aria-label={t.common.loading} />}>
            <Routes />
          </Suspense>
        </AppLayout>
      </AntApp>
    </ConfigProvider>
  );
}
