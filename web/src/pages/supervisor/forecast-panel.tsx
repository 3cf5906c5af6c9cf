import { Button, Empty, Form, Space, Table, Tag, Typography } from 'antd';
import { MomentInput } from '../../components/date-input';
import { useState } from 'react';
import { LoadState } from '../../components/problem-alert';
import { SeverityChip } from '../../components/urgency-chip';
import { label, useT } from '../../i18n/i18n';
import { api, download, withQuery } from '../../lib/api';
import { comingFridayFivePm, formatDateTime, toLocalInput } from '../../lib/dates';
import type { Forecast } from '../../lib/types';
import { useApi } from '../../lib/use-api';
import { caseNoOf } from './flags-panel';

/** "What will be late by Friday?": what a scan at the chosen time would flag, nothing stored. */
export function ForecastPanel() {
  const t = useT();
  const [asOf, setAsOf] = useState(() => toLocalInput(comingFridayFivePm()));
  const [input, setInput] = useState(asOf);
  const query = { asOf: new Date(asOf).toISOString(), limit: 500 };
  const forecast = useApi(() => api.get<Forecast>('/api/risk-monitor/forecast', query), [asOf]);

  return (
    <>
      <Typography.Paragraph>{t.dashboard.forecastQuestion}</Typography.Paragraph>
      <Form layout="inline" onFinish={() => input && setAsOf(input)} style={{ marginBottom: 12 }}>
        <Form.Item label={t.dashboard.asOf} htmlFor="forecast-as-of">
          <MomentInput id="forecast-as-of" value={input} onChange={(value) => value && setInput(value)} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={forecast.loading}>
            {t.dashboard.runForecast}
          </Button>
          <Button onClick={() => download(withQuery('/api/risk-monitor/forecast', { ...query, format: 'csv' }), 'forecast.csv')}>{t.common.exportCsv}</Button>
        </Space>
      </Form>
      <LoadState error={forecast.error} />
      {forecast.data && (
        <div aria-live="polite">
          <Typography.Paragraph strong data-testid="forecast-total">
            {formatDateTime(forecast.data.asOf, t.locale)} · {t.dashboard.forecastCount(forecast.data.total)}
          </Typography.Paragraph>
          <div style={{ marginBottom: 8 }}>
            {Object.entries(forecast.data.counts).map(([kind, count]) => (
              <Tag key={kind}>
                {t.common.colon(label(t.dashboard.kinds, kind))}{count}
              </Tag>
            ))}
          </div>
          <Table
            rowKey={(item) => `${item.kind}:${item.taskId ?? item.caseId ?? item.detail}`}
            size="small"
            dataSource={forecast.data.items}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: <Empty description={t.dashboard.forecastEmpty} /> }}
            columns={[
              { title: t.dashboard.severity, dataIndex: 'severity', render: (s: string) => <SeverityChip severity={s} /> },
              { title: t.dashboard.kind, dataIndex: 'kind', render: (k: string) => label(t.dashboard.kinds, k) },
              { title: t.dashboard.case, key: 'case', render: (_: unknown, item) => caseNoOf(item) },
              { title: t.dashboard.detail, dataIndex: 'detail' },
            ]}
          />
        </div>
      )}
    </>
  );
}
