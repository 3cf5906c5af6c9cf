import { Button, Card, Col, Collapse, Empty, Row, Spin, Table } from 'antd';
import { EChart, type ChartOption } from '../../components/echart';
import { LoadState } from '../../components/problem-alert';
import { useT } from '../../i18n/i18n';
import { api, download, withQuery } from '../../lib/api';
import { isoDay } from '../../lib/dates';
import type { RatingRow, TurnaroundRow } from '../../lib/types';
import { useApi } from '../../lib/use-api';

const percent = (rate: number) => `${(rate * 100).toFixed(1)}%`;
/** Working time for people: hours to one decimal, minutes below one hour (a same-day decision is not "0"). */
export function workingTime(hours: number, t: { dashboard: { hours: (h: string) => string; minutes: (m: number) => string; underAMinute: string } }): string {
  if (hours >= 1) return t.dashboard.hours(hours.toFixed(1));
  const minutes = Math.round(hours * 60);
  return minutes >= 1 ? t.dashboard.minutes(minutes) : t.dashboard.underAMinute;
}
const nameOf = (row: { key: string; label: string | null }) => row.label ?? row.key;

function barOption(names: string[], series: { name: string; data: number[] }[], max?: number, format?: (value: number) => string): ChartOption {
  const label = format ? { show: true, position: 'right', formatter: (p: { value: number }) => format(p.value) } : { show: true, position: 'right' };
  return {
    tooltip: format ? { trigger: 'axis', valueFormatter: (value: number) => format(value) } : { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', max },
    yAxis: { type: 'category', data: names, inverse: true, axisLabel: { width: 180, overflow: 'truncate' } },
    // Patterned apart by the legend's names and the table below, not by colour alone.
    series: series.map((s, i) => ({ ...s, type: 'bar', label, itemStyle: { color: i === 0 ? '#4096ff' : '#002c8c' } })),
  };
}

function CsvButton({ path, query, name }: { path: string; query: Record<string, string>; name: string }) {
  const t = useT();
  return (
    <Button size="small" onClick={() => download(withQuery(path, { ...query, format: 'csv' }), name)}>
      {t.common.exportCsv}
    </Button>
  );
}

function Turnaround({ groupBy, title }: { groupBy: 'serviceItem' | 'department'; title: string }) {
  const t = useT();
  const report = useApi(() => api.get<{ items: TurnaroundRow[] }>('/api/analytics/turnaround', { groupBy }), [groupBy]);
  const rows = report.data?.items ?? [];
  return (
    <Card title={<h3 style={{ fontSize: 15, margin: 0 }}>{title}</h3>} size="small" extra={<CsvButton path="/api/analytics/turnaround" query={{ groupBy }} name={`turnaround-${groupBy}.csv`} />}>
      <LoadState error={report.error} />
      {report.loading && !report.data && <Spin />}
      {report.data && rows.length === 0 && <Empty description={t.dashboard.noData} />}
      {rows.length > 0 && (
        <>
          <EChart
            label={`${t.common.colon(t.dashboard.turnaround)}${title}`}
            height={Math.max(200, rows.length * 48 + 60)}
            option={barOption(
              rows.map(nameOf),
              [
                { name: t.dashboard.p50, data: rows.map((r) => r.p50Hours) },
                { name: t.dashboard.p90, data: rows.map((r) => r.p90Hours) },
              ],
              undefined,
              (value) => workingTime(value, t),
            )}
          />
          <Collapse
            size="small"
            items={[
              {
                key: 'table',
                label: t.dashboard.chartTable,
                children: (
                  <Table
                    size="small"
                    rowKey="key"
                    pagination={false}
                    dataSource={rows}
                    columns={[
                      { title: title, key: 'name', render: (_: unknown, r) => nameOf(r) },
                      { title: t.dashboard.count, dataIndex: 'count', align: 'right' },
                      { title: t.dashboard.p50, dataIndex: 'p50Hours', align: 'right', render: (h: number) => <span data-working-time>{workingTime(h, t)}</span> },
                      { title: t.dashboard.p90, dataIndex: 'p90Hours', align: 'right', render: (h: number) => <span data-working-time>{workingTime(h, t)}</span> },
                      { title: t.dashboard.overdueRate, dataIndex: 'overdueRate', align: 'right', render: percent },
                    ]}
                  />
                ),
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}

/** The last eight Monday-to-Monday weeks, oldest first (China dates). */
function lastWeeks(count = 8, today = new Date()): { from: string; to: string }[] {
  const monday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - ((today.getDay() + 6) % 7));
  return Array.from({ length: count }, (_, i) => {
    const start = new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() - 7 * (count - 1 - i));
    const end = new Date(start.getFullYear(), start.getMonth(), start.getDate() + 6);
    return { from: isoDay(start.getFullYear(), start.getMonth() + 1, start.getDate()), to: isoDay(end.getFullYear(), end.getMonth() + 1, end.getDate()) };
  });
}

/** The share of cases decided after their promised deadline, week by week, across all departments. */
function OverdueTrend() {
  const t = useT();
  const weeks = lastWeeks();
  const trend = useApi(
    () =>
      Promise.all(
        weeks.map(async (week) => {
          const { items } = await api.get<{ items: TurnaroundRow[] }>('/api/analytics/turnaround', { groupBy: 'department', ...week });
          const count = items.reduce((sum, r) => sum + r.count, 0);
          const overdue = items.reduce((sum, r) => sum + r.count * r.overdueRate, 0);
          return { week: week.from, count, rate: count ? overdue / count : 0 };
        }),
      ),
    [],
  );
  // Weeks without a decided case say nothing; an all-zero line would suggest a perfect record.
  const points = trend.data?.some((p) => p.count > 0) ? trend.data : [];
  return (
    <Card title={<h3 style={{ fontSize: 15, margin: 0 }}>{t.dashboard.overdueTrend}</h3>} size="small">
      <LoadState error={trend.error} />
      {trend.loading && !trend.data && <Spin />}
      {trend.data && points.length === 0 && <Empty description={t.dashboard.noData} />}
      {points.length > 0 && (
        <>
          <EChart
            label={t.dashboard.overdueTrend}
            height={240}
            option={{
              tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v}%` },
              grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
              xAxis: { type: 'category', data: points.map((p) => p.week.slice(5)) },
              yAxis: { type: 'value', axisLabel: { formatter: '{value}%' }, min: 0 },
              series: [{ name: t.dashboard.overdueRate, type: 'line', symbol: 'circle', symbolSize: 8, label: { show: true, formatter: '{c}%' }, data: points.map((p) => Number((p.rate * 100).toFixed(1))) }],
            }}
          />
          <Collapse
            size="small"
            items={[
              {
                key: 'table',
                label: t.dashboard.chartTable,
                children: (
                  <Table
                    size="small"
                    rowKey="week"
                    pagination={false}
                    dataSource={points}
                    columns={[
                      { title: t.dashboard.overdueTrend, dataIndex: 'week', render: (w: string) => t.dashboard.weekOf(w) },
                      { title: t.dashboard.count, dataIndex: 'count', align: 'right' },
                      { title: t.dashboard.overdueRate, dataIndex: 'rate', align: 'right', render: percent },
                    ]}
                  />
                ),
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}

function Ratings() {
  const t = useT();
  const report = useApi(() => api.get<{ items: RatingRow[] }>('/api/analytics/ratings', { groupBy: 'serviceItem' }), []);
  const rows = report.data?.items ?? [];
  return (
    <Card title={<h3 style={{ fontSize: 15, margin: 0 }}>{t.dashboard.ratings}</h3>} size="small" extra={<CsvButton path="/api/analytics/ratings" query={{ groupBy: 'serviceItem' }} name="ratings.csv" />}>
      <LoadState error={report.error} />
      {report.loading && !report.data && <Spin />}
      {report.data && rows.length === 0 && <Empty description={t.dashboard.noData} />}
      {rows.length > 0 && (
        <>
          <EChart label={t.dashboard.ratings} height={Math.max(200, rows.length * 40 + 60)} option={barOption(rows.map(nameOf), [{ name: t.dashboard.average, data: rows.map((r) => Number(r.average.toFixed(2))) }], 5)} />
          <Table
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={rows}
            columns={[
              { title: t.cases.item, key: 'name', render: (_: unknown, r) => nameOf(r) },
              { title: t.dashboard.count, dataIndex: 'count', align: 'right' },
              { title: t.dashboard.average, dataIndex: 'average', align: 'right', render: (a: number) => a.toFixed(2) },
              { title: t.dashboard.low, dataIndex: 'low', align: 'right' },
            ]}
          />
        </>
      )}
    </Card>
  );
}

export function AnalyticsPanel() {
  const t = useT();
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Turnaround groupBy="serviceItem" title={t.dashboard.byItem} />
      </Col>
      <Col xs={24} xl={12}>
        <Turnaround groupBy="department" title={t.dashboard.byDepartment} />
      </Col>
      <Col xs={24} xl={12}>
        <OverdueTrend />
      </Col>
      <Col xs={24} xl={12}>
        <Ratings />
      </Col>
    </Row>
  );
}
