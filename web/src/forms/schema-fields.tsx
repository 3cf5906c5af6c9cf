import { Col, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import type { Rule } from 'antd/es/form';
import { DayInput } from '../components/date-input';
import { useT } from '../i18n/i18n';
import type { FormProperty, FormSchema } from '../lib/types';
import { fieldOrder, fieldProblem, localizeMessage } from './form-rules';

/** Up to this many choices show as radio buttons (all visible at once); more go into a list. */
const RADIO_LIMIT = 4;

/** The input for one property; Form.Item hands it id, value and onChange, which go on to the antd control. */
function Control({ property, label, ...injected }: { property: FormProperty; label: string; id?: string; value?: unknown; onChange?: (value: unknown) => void }) {
  const t = useT();
  const bound = injected as Record<string, never>;
  const example = property.examples?.[0];
  const placeholder = example === undefined || typeof example === 'boolean' ? undefined : t.validation.example(String(example));
  if (property.type === 'boolean') {
    return <Radio.Group {...bound} aria-label={label} options={[{ label: t.common.yes, value: true }, { label: t.common.no, value: false }]} />;
  }
  if (property.enum) {
    const options = property.enum.map((value) => ({ label: String(value), value }));
    if (options.length <= RADIO_LIMIT) return <Radio.Group {...bound} aria-label={label} options={options} />;
    return <Select {...bound} options={options} allowClear showSearch placeholder={placeholder} />;
  }
  if (property.type === 'integer' || property.type === 'number') {
    return <InputNumber {...bound} style={{ width: '100%' }} placeholder={placeholder} />;
  }
  if (property.format === 'date') return <DayInput {...bound} aria-label={label} />;
  return <Input {...bound} placeholder={placeholder} />;
}

/** The fields of a service item's JSON Schema form, checked as the API checks them. */
export function SchemaFields({ schema, prefix = [], only }: { schema: FormSchema; prefix?: string[]; only?: string[] }) {
  const t = useT();
  const required = new Set(schema.required ?? []);
  const names = fieldOrder(schema).filter((name) => !only || only.includes(name));
  return (
    <Row gutter={16}>
      {names.map((name) => {
        const property = schema.properties[name]!;
        const label = property.title ?? name;
        const rule: Rule = {
          validator: async (_rule, value: unknown) => {
            const problem = fieldProblem(name, property, value, required.has(name));
            if (problem) throw new Error(localizeMessage(problem, t, property));
          },
        };
        return (
          <Col key={name} xs={24} md={12}>
            <Form.Item name={[...prefix, name]} label={label} required={required.has(name)} rules={[rule]} extra={property.description} validateFirst>
              <Control property={property} label={label} />
            </Form.Item>
          </Col>
        );
      })}
    </Row>
  );
}

/**
 * Field errors from the API (`form.floorArea`, or `form.<itemCode>.floorArea` in a bundle) onto the
 * form's fields; what is not a field of the schemas (materials, the bundle itself) is returned.
 */
export function apiFieldErrors(
  errors: { path: string; message: string }[],
  schemas: Record<string, FormSchema>,
  t: Parameters<typeof localizeMessage>[1],
): { fields: { name: string[]; errors: string[] }[]; rest: { path: string; message: string }[] } {
  const fields = new Map<string, { name: string[]; errors: string[] }>();
  const rest: { path: string; message: string }[] = [];
  for (const error of errors) {
    const segments = error.path.split('.');
    // A single item's schema is keyed '' (fields at the form's root); a bundle's by item code.
    const [prefix, field] = segments[0] === 'form' && segments.length === 3 ? [segments[1] ?? '', segments[2] ?? ''] : ['', segments[1] ?? ''];
    const property = segments[0] === 'form' ? schemas[prefix]?.properties[field] : undefined;
    if (!property) {
      rest.push(error);
      continue;
    }
    const name = prefix ? [prefix, field] : [field];
    const entry = fields.get(name.join('.')) ?? { name, errors: [] };
    entry.errors.push(localizeMessage(error.message, t, property));
    fields.set(name.join('.'), entry);
  }
  return { fields: [...fields.values()], rest };
}
