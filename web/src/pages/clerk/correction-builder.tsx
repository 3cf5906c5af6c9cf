import { Button, Col, Form, Input, Row, Select, Typography } from 'antd';
import { fieldOrder } from '../../forms/form-rules';
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
    { label: t.task.fieldsGroup, options: (item ? fieldOrder(item.formSchema) : []).map((name) => ({ label: item?.formSchema.properties[name]?.title ?? name, value: `form.${name}` })) },
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
              <Row key={row.key} gutter={12} align="bottom" data-missing-row={index}>
                <Col xs={24} md={11}>
                  <Form.Item name={[row.name, 'key']} label={`${t.task.missingItem} ${index + 1}`} rules={[{ required: true, message: t.task.pickItem }]}>
                    <Select options={options} showSearch optionFilterProp="label" placeholder={t.task.pickItem} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={10}>
                  <Form.Item name={[row.name, 'reason']} label={t.task.reason} rules={[{ required: true, whitespace: true, message: t.task.reasonRequired }, { max: 500 }]}>
                    <Input maxLength={500} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={3}>
                  <Form.Item>
                    <Button onClick={() => remove(row.name)} aria-label={`${t.task.removeItem} ${index + 1}`} block>
                      {t.task.removeItem}
                    </Button>
                  </Form.Item>
                </Col>
              </Row>
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
