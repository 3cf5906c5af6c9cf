import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useT } from '../i18n/i18n';

/**
 * Dates are picked in the page's language, not the browser's: antd's DatePicker with the dictionary's
 * formats (2026年12月18日, 2026年12月18日 17:00) and the antd/dayjs locale the app sets. A native
 * `<input type="date">` would follow the browser's locale instead.
 */
export function DayInput({ value, onChange, id, ...rest }: { value?: string; onChange?: (value: string | undefined) => void; id?: string; 'aria-label'?: string }) {
  const t = useT();
  return (
    <DatePicker
      id={id}
      aria-label={rest['aria-label']}
      value={value ? dayjs(value) : null}
      // Shown in the first format; typed text is also read in ISO form.
      format={[t.dates.day, 'YYYY-MM-DD']}
      onChange={(day: Dayjs | null) => onChange?.(day ? day.format('YYYY-MM-DD') : undefined)}
      style={{ width: '100%', minWidth: 180 }}
    />
  );
}

/** A moment to the minute, as `YYYY-MM-DDTHH:mm` in the viewer's time (what `new Date(value)` reads). */
export function MomentInput({ value, onChange, id, ...rest }: { value?: string; onChange?: (value: string | undefined) => void; id?: string; 'aria-label'?: string }) {
  const t = useT();
  return (
    <DatePicker
      id={id}
      aria-label={rest['aria-label']}
      showTime={{ format: 'HH:mm' }}
      value={value ? dayjs(value) : null}
      format={[t.dates.moment, 'YYYY-MM-DDTHH:mm', 'YYYY-MM-DD HH:mm']}
      needConfirm={false}
      onChange={(moment: Dayjs | null) => onChange?.(moment ? moment.format('YYYY-MM-DDTHH:mm') : undefined)}
      style={{ minWidth: 220 }}
    />
  );
}
