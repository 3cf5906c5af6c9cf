import { App, Button, Card, Empty, Form, List, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { MomentInput } from '../../components/date-input';
import { ProblemAlert, LoadState } from '../../components/problem-alert';
import { useT } from '../../i18n/i18n';
import { api, ApiError } from '../../lib/api';
import { formatDateTime } from '../../lib/dates';
import type { MySubstitutes } from '../../lib/types';
import { useApi } from '../../lib/use-api';

interface Values {
  userId: string;
  from: string;
  to: string;
}

/** 代岗: a clerk names a colleague who works their held tasks while they are away, and sees whom they cover for. */
export function SubstitutePage() {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const state = useApi(() => api.get<MySubstitutes>('/api/my/substitute'), []);
  const mine = state.data?.mine ?? null;
  const window = (from: string, to: string) => t.substitute.window(formatDateTime(from, t.locale), formatDateTime(to, t.locale));

  const save = async (values: Values) => {
    setBusy(true);
    setFailure(undefined);
    try {
      await api.put('/api/my/substitute', { userId: values.userId, from: new Date(values.from).toISOString(), to: new Date(values.to).toISOString() });
      message.success(t.substitute.saved);
      form.resetFields();
      state.reload();
    } catch (error) {
      if (error instanceof ApiError) setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const clear = async () => {
    try {
      await api.delete('/api/my/substitute');
      message.success(t.substitute.cleared);
    } catch (error) {
      if (error instanceof ApiError) message.error(t.common.failedWith(error.detail));
    }
    state.reload();
  };

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t.substitute.title}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t.substitute.intro}</Typography.Paragraph>
      <LoadState error={state.error} />
      <Card title={t.substitute.mine} style={{ marginBottom: 16 }} data-testid="my-substitute">
        {mine ? (
          <Space wrap>
            <Typography.Text strong>{mine.userName}</Typography.Text>
            <Typography.Text>{window(String(mine.from), String(mine.to))}</Typography.Text>
            {mine.active ? <Tag color="green">{t.substitute.active}</Tag> : <Tag>{t.substitute.upcoming}</Tag>}
            <Popconfirm title={t.substitute.clear} onConfirm={clear} okText={t.common.confirm} cancelText={t.common.cancel}>
              <Button danger size="small">
                {t.substitute.clear}
              </Button>
            </Popconfirm>
          </Space>
        ) : (
          <Typography.Text type="secondary">{t.substitute.none}</Typography.Text>
        )}
        <Form form={form} layout="inline" onFinish={save} style={{ marginTop: 16, rowGap: 12 }} data-testid="substitute-form">
          <Form.Item name="userId" label={t.substitute.colleague} rules={[{ required: true }]}>
            <Select showSearch optionFilterProp="label" style={{ minWidth: 180 }} options={(state.data?.colleagues ?? []).map((c) => ({ value: c.id, label: c.displayName }))} />
          </Form.Item>
          <Form.Item name="from" label={t.substitute.from} rules={[{ required: true }]}>
            <MomentInput />
          </Form.Item>
          <Form.Item name="to" label={t.substitute.to} rules={[{ required: true }]}>
            <MomentInput />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t.substitute.save}
            </Button>
          </Form.Item>
        </Form>
        <ProblemAlert error={failure} />
      </Card>
      <Card title={t.substitute.covering}>
        {state.data?.covering.length ? (
          <List
            dataSource={state.data.covering}
            renderItem={(c) => (
              <List.Item>
                <Space wrap>
                  <Typography.Text>{t.substitute.coveringLine(c.absentName)}</Typography.Text>
                  <Typography.Text type="secondary">{window(String(c.from), String(c.to))}</Typography.Text>
                  {c.active ? <Tag color="green">{t.substitute.active}</Tag> : <Tag>{t.substitute.upcoming}</Tag>}
                </Space>
              </List.Item>
            )}
          />
        ) : (
          <Empty description={t.substitute.coveringNone} />
        )}
      </Card>
    </>
  );
}
