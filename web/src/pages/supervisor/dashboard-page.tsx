import { Card, Typography } from 'antd';
import type { ComponentType } from 'react';
import { useT } from '../../i18n/i18n';
import { AnalyticsPanel } from './analytics-panel';
import { FlagsPanel } from './flags-panel';
import { ForecastPanel } from './forecast-panel';
import { WorkloadPage } from './workload-page';

/** 电子监察: open flags, the forecast, and how fast and how well each item and department serves. */
export function DashboardPage() {
  const t = useT();
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t.dashboard.title}
      </Typography.Title>
      <Card title={<h2 style={{ fontSize: 17, margin: 0 }}>{t.dashboard.openFlags}</h2>} style={{ marginBottom: 16 }}>
        <FlagsPanel />
      </Card>
      <Card title={<h2 style={{ fontSize: 17, margin: 0 }}>{t.dashboard.forecast}</h2>} style={{ marginBottom: 16 }} data-testid="forecast">
        <ForecastPanel />
      </Card>
      <Typography.Title level={2} style={{ fontSize: 17 }}>
        {t.dashboard.turnaround}
      </Typography.Title>
      <AnalyticsPanel />
    </>
  );
}

export const supervisorPages: Record<string, ComponentType<{ params: Record<string, string> }>> = { dashboard: DashboardPage, workload: WorkloadPage };
