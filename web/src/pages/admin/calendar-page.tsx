import { Alert, App, Card, Checkbox, Form, Input, Modal, Select, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { LoadState } from '../../components/problem-alert';
import { useT } from '../../i18n/i18n';
import { api, ApiError } from '../../lib/api';
import { isoDay } from '../../lib/dates';
import { hasRole, useSession } from '../../lib/session';
import type { CalendarDay } from '../../lib/types';
import { useApi } from '../../lib/use-api';

interface Years {
  items: { year: number; source: string }[];
  provisionalYears: number[];
}

/** Consecutive dates as one range: ['2026-10-01', …, '2026-10-07', '2026-10-10'] → ['10-01 – 10-07', '10-10']. */
function runs(dates: string[]): string[] {
  const result: string[] = [];
  let start = 0;
  for (let i = 1; i <= dates.length; i++) {
    const previous = Date.parse(dates[i - 1]!);
    if (i < dates.length && Date.parse(dates[i]!) - previous === 86_400_000) continue;
    const [first, last] = [dates[start]!.slice(5), dates[i - 1]!.slice(5)];
    result.push(first === last ? first : `${first} – ${last}`);
    start = i;
  }
  return result;
}

const weekdayOf = (year: number, month: number, day: number) => (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7; // Monday 0
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function Month({ year, month, days, onPick }: { year: number; month: number; days: Map<string, CalendarDay>; onPick?: (day: CalendarDay) => void }) {
  const t = useT();
  const cells: (number | null)[] = [...Array<null>(weekdayOf(year, month, 1)).fill(null), ...Array.from({ length: daysIn(year, month) }, (_, i) => i + 1)];
  while (cells.length % 7) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
  return (
    <Card size="small" title={<h2 style={{ fontSize: 15, margin: 0 }}>{t.calendar.month(month)}</h2>} className="month">
      <table>
        <thead>
          <tr>
            {t.calendar.weekdays.map((w) => (
              <th key={w} scope="col">
                {w}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week, i) => (
            <tr key={i}>
              {week.map((n, j) => {
                if (n === null) return <td key={j} />;
                const date = isoDay(year, month, n);
                const day = days.get(date);
                const weekend = j >= 5;
                // Marks where the day departs from the weekly rhythm: a holiday (weekend days of it included), a weekend worked.
                const off = !!day && !day.isWorkday && (!weekend || !!day.note);
                const work = !!day && day.isWorkday && weekend;
                const mark = off ? t.calendar.off : work ? t.calendar.work : '';
                const kind = day?.isWorkday ? t.calendar.workdayWord : t.calendar.restWord;
                const className = ['day', weekend && !mark ? 'weekend' : '', off ? 'off' : '', work ? 'work' : '', day?.overridden ? 'overridden' : ''].filter(Boolean).join(' ');
                const content = (
                  <>
                    {n}
                    <span className="mark">{mark || '\u00a0'}</span>
                  </>
                );
                const description = t.calendar.dayLabel(date, kind, day?.note ?? '');
                return (
                  <td key={j}>
                    {onPick && day ? (
                      <button type="button" className={className} title={day.note ?? undefined} aria-label={description} onClick={() => onPick(day)} data-date={date}>
                        {content}
                      </button>
                    ) : (
                      <div className={className} title={day?.note ?? undefined} aria-label={description} data-date={date}>
                        {content}
                      </div>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}

/** The working-day calendar of a year: 休 and 班 where a day departs from the week, with the notices' notes. */
export function CalendarPage() {
  const t = useT();
  const { message } = App.useApp();
  const session = useSession();
  const admin = hasRole(session, 'admin');
  const [year, setYear] = useState(new Date().getFullYear());
  const [editing, setEditing] = useState<CalendarDay>();
  const [form] = Form.useForm<{ isWorkday: boolean; note: string }>();
  const years = useApi(() => api.get<Years>('/api/calendar/years'), []);
  const days = useApi(() => api.get<{ items: CalendarDay[] }>('/api/calendar/days', { from: `${year}-01-01`, to: `${year}-12-31` }), [year]);
  const byDate = new Map((days.data?.items ?? []).map((d) => [d.date, d]));
  const provisional = days.data?.items.some((d) => d.provisional) ?? false;
  const yearOptions = [...new Set([...(years.data?.items.map((y) => y.year) ?? []), ...(years.data?.provisionalYears ?? []), year])].sort();
  const notes = new Map<string, string[]>();
  for (const day of days.data?.items ?? []) if (day.note) notes.set(day.note, [...(notes.get(day.note) ?? []), day.date]);

  const save = async () => {
    if (!editing) return;
    const values = await form.validateFields();
    // Nothing changed: nothing to record (the server agrees, and keeps the calendar's version).
    if (values.isWorkday === editing.isWorkday && values.note.trim() === (editing.note ?? '') && !editing.provisional) {
      message.info(t.calendar.unchanged);
      setEditing(undefined);
      return;
    }
    try {
      const changed = await api.put<{ recomputedCases: number }>(`/api/calendar/days/${editing.date}`, { isWorkday: values.isWorkday, note: values.note.trim() });
      message.success(t.calendar.saved(changed.recomputedCases));
      setEditing(undefined);
      days.reload();
    } catch (error) {
      if (error instanceof ApiError) message.error(t.common.failedWith(error.detail));
    }
  };

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t.calendar.title}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t.calendar.intro}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <label htmlFor="calendar-year">{t.calendar.year}</label>
        <Select id="calendar-year" value={year} onChange={setYear} options={yearOptions.map((y) => ({ value: y, label: String(y) }))} style={{ width: 120 }} />
        {provisional && <Tag color="warning">※ {t.calendar.provisional}</Tag>}
      </Space>
      <Space wrap style={{ marginBottom: 16 }} aria-hidden="true">
        <span className="day off" style={{ display: 'inline-block', width: 'auto', padding: '2px 8px' }}>{t.calendar.legendOff}</span>
        <span className="day work" style={{ display: 'inline-block', width: 'auto', padding: '2px 8px' }}>{t.calendar.legendWork}</span>
        <span className="day weekend" style={{ display: 'inline-block', width: 'auto', padding: '2px 8px' }}>{t.calendar.legendWeekend}</span>
        <span className="day overridden" style={{ display: 'inline-block', width: 'auto', padding: '2px 8px' }}>{t.calendar.legendOverridden}</span>
      </Space>
      <LoadState error={days.error} />
      {days.loading && !days.data && <Spin />}
      {days.data && (
        <div className="calendar-grid">
          {Array.from({ length: 12 }, (_, i) => (
            <Month
              key={i}
              year={year}
              month={i + 1}
              days={byDate}
              onPick={
                admin
                  ? (day) => {
                      form.setFieldsValue({ isWorkday: day.isWorkday, note: day.note ?? '' });
                      setEditing(day);
                    }
                  : undefined
              }
            />
          ))}
        </div>
      )}
      {notes.size > 0 && (
        <Card size="small" title={<h2 style={{ fontSize: 15, margin: 0 }}>{t.calendar.notes}</h2>} style={{ marginTop: 16 }}>
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {[...notes.entries()].map(([note, dates]) => (
              <li key={note}>
                <strong>{t.common.colon(note)}</strong>
                {t.common.join(runs(dates))}
              </li>
            ))}
          </ul>
        </Card>
      )}
      {!admin && <Alert type="info" style={{ marginTop: 16 }} title={t.calendar.adminOnly} />}
      <Modal forceRender open={!!editing} title={editing ? t.calendar.edit(editing.date) : ''} okText={t.common.save} cancelText={t.common.cancel} onCancel={() => setEditing(undefined)} onOk={save}>
        <Form form={form} layout="vertical">
          <Form.Item name="isWorkday" valuePropName="checked">
            <Checkbox>{t.calendar.isWorkday}</Checkbox>
          </Form.Item>
          <Form.Item name="note" label={t.calendar.note} rules={[{ required: true, whitespace: true, message: t.validation.required }, { max: 200 }]}>
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
