import { Button, Form, Input, Select, Space, Typography } from 'antd';
import { useT } from '../../i18n/i18n';
import type { ServiceItem } from '../../lib/types';

/**
 * 一次性告知: every missing material and every form field to fix, each with its reason, in one notice.
 * Lives inside the decision form as its `missing` list ([{ key, reason }]).
 */
export function CorrectionBuilder({ item }: { item: ServiceItem | undefined }) {
  const t = useT();
  const options = [
    { label: t.task.materialsGroup, options: (item?.materials ?? []).map((m) => ({ label: m.name, value: m.key })) },
    { label: t.task.fieldsGroup, options: Object.entries(item?.formSchema.properties ?? {}).map(([name, p]) => ({ label: p.title ?? name, value: `form.${name}` })) },
  ];
  return (
    <fieldset style={{ border: '1px solid #ffe58f', borderRadius: 8, padding: 16, marginBottom: 16, background: '#fffbe6' }}>
      <legend style={{ padding: '0 8px', fontWeight: 600, width: 'auto', border: 0, marginBottom: 0, fontSize: 15 }}>{t.task.builderTitle}</legend>
      <Typography.Paragraph type="secondary">{t.task.builderIntro}</Typography.Paragraph>
      <Form.List
        name="missing"
        rules={[
          {
            validator: async (_rule, rows: { key?: string }[] | undefined) => {
              if (!rows || rows.length === 0) throw new Error(t.task.atLeastOne);
              const keys = rows.map((r) => r?.key).filter(Boolean);
              if (new Set(keys).size !== keys.length) throw new Error(t.task.duplicate);
            },
          },
        ]}
      >
        {(rows, { add, remove }, { errors }) => (
          <>
            {rows.map((row, index) => (
              <Space key={row.key} align="start" wrap style={{ display: 'flex', marginBottom: 8 }} data-missing-row={index}>
                <Form.Item name={[row.name, 'key']} label={`${t.task.missingItem} ${index + 1}`} rules={[{ required: true, message: t.task.pickItem }]} style={{ minWidth: 320 }}>
                  <Select options={options} showSearch optionFilterProp="label" placeholder={t.task.pickItem} />
                </Form.Item>
                <Form.Item name={[row.name, 'reason']} label={t.task.reason} rules={[{ required: true, whitespace: true, message: t.task.reasonRequired }, { max: 500 }]} style={{ minWidth: 320 }}>
                  <Input maxLength={500} />
                </Form.Item>
                <Button onClick={() => remove(row.name)} aria-label={`${t.task.removeItem} ${index + 1}`} style={{ marginTop: 30 }}>
                  {t.task.removeItem}
                </Button>
              </Space>
            ))}
            <Button type="dashed" onClick={() => add({})}>
              + {t.task.addItem}
            </Button>
            <Form.ErrorList errors={errors} />
          </>
        )}
      </Form.List>
    </fieldset>
  );
}
