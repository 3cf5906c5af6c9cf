import { App, Button, Form, Input, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { LoadState, ProblemAlert } from '../../components/problem-alert';
import { label, useT } from '../../i18n/i18n';
import { api, ApiError } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import type { CommitmentCheck, Page } from '../../lib/types';
import { useApi } from '../../lib/use-api';

/** 告知承诺 checks of the clerk's department, in its queue: confirm, or record a false commitment (which revokes the licence). */
export function CommitmentChecksPanel() {
  const t = useT();
  const { message } = App.useApp();
  const checks = useApi(() => api.get<Page<CommitmentCheck>>('/api/commitment-checks', { status: 'open', limit: 100 }), []);
  const [falseOf, setFalseOf] = useState<CommitmentCheck>();
  const [failure, setFailure] = useState<ApiError>();
  const [form] = Form.useForm<{ note: string }>();

  const decide = async (check: CommitmentCheck, body: { outcome: 'confirmed' | 'false_commitment'; note?: string }) => {
    try {
      setFailure(undefined);
      await api.post(`/api/commitment-checks/${check.id}/decision`, body);
      message.success(t.commitmentChecks.done);
      setFalseOf(undefined);
      form.resetFields();
    } catch (error) {
      if (error instanceof ApiError) setFailure(error);
      else throw error;
    }
    checks.reload();
  };

  return (
    <section aria-labelledby="commitment-checks-title" data-testid="commitment-checks" style={{ marginTop: 24 }}>
      <Typography.Title level={2} id="commitment-checks-title" style={{ fontSize: 18 }}>
        {t.commitmentChecks.title}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t.commitmentChecks.intro}</Typography.Paragraph>
      <LoadState error={checks.error} />
      <ProblemAlert error={failure} />
      <Table<CommitmentCheck>
        rowKey="id"
        size="small"
        loading={checks.loading}
        dataSource={checks.data?.items ?? []}
        locale={{ emptyText: t.commitmentChecks.empty }}
        pagination={false}
        columns={[
          { title: t.commitmentChecks.caseNo, dataIndex: 'caseNo' },
          {
            title: t.commitmentChecks.dueDate,
            key: 'due',
            render: (_: unknown, check) => (
              <Space size={4}>
                {formatDate(check.dueDate, t.locale)}
                {check.overdue && <Tag color="red">{t.commitmentChecks.overdue}</Tag>}
              </Space>
            ),
          },
          { title: t.commitmentChecks.status, dataIndex: 'status', render: (status: string) => label(t.commitmentChecks.statuses, status) },
          {
            title: t.common.actions,
            key: 'decide',
            render: (_: unknown, check) => (
              <Space>
                <Popconfirm title={t.commitmentChecks.confirmTitle} onConfirm={() => decide(check, { outcome: 'confirmed' })} okText={t.common.confirm} cancelText={t.common.cancel}>
                  <Button size="small" aria-label={`${t.commitmentChecks.confirm} ${check.caseNo}`}>{t.commitmentChecks.confirm}</Button>
                </Popconfirm>
                <Button size="small" danger onClick={() => setFalseOf(check)} aria-label={`${t.commitmentChecks.falseCommitment} ${check.caseNo}`}>
                  {t.commitmentChecks.falseCommitment}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={falseOf !== undefined}
        title={`${t.commitmentChecks.falseTitle} · ${falseOf?.caseNo ?? ''}`}
        okText={t.common.submit}
        cancelText={t.common.cancel}
        okButtonProps={{ danger: true }}
        onCancel={() => setFalseOf(undefined)}
        onOk={() => form.submit()}
      >
        <Form form={form} layout="vertical" name="false-commitment" onFinish={(values) => falseOf && decide(falseOf, { outcome: 'false_commitment', note: values.note })}>
          <Form.Item name="note" label={t.commitmentChecks.reason} rules={[{ required: true, whitespace: true, message: t.validation.required }, { max: 2000 }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </section>
  );
}
