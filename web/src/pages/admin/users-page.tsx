import { App, Button, Card, Checkbox, Col, Form, Input, Modal, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { LoadState, ProblemAlert } from '../../components/problem-alert';
import { label, useT } from '../../i18n/i18n';
import { api, ApiError } from '../../lib/api';
import type { Department, Page, Role, StaffUser } from '../../lib/types';
import { useApi } from '../../lib/use-api';

const ROLES: Role[] = ['clerk', 'supervisor', 'admin', 'citizen'];

interface NewUser {
  username: string;
  displayName: string;
  password: string;
  roles: Role[];
  departmentCode?: string;
}

/** All staff accounts, page by page (the list is keyset-paginated). */
async function allUsers(): Promise<StaffUser[]> {
  const users: StaffUser[] = [];
  let cursor: string | null | undefined;
  do {
    const page = await api.get<Page<StaffUser>>('/api/users', { limit: 100, cursor: cursor ?? undefined });
    users.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return users;
}

/** 账号管理: staff accounts — create, disable, roles and department, reset a password (set, never read). */
export function UsersPage() {
  const t = useT();
  const { message } = App.useApp();
  const users = useApi(allUsers, []);
  const departments = useApi(() => api.get<{ items: Department[] }>('/api/departments'), []);
  const [createForm] = Form.useForm<NewUser>();
  const [editForm] = Form.useForm<{ roles: Role[]; departmentCode?: string; displayName: string }>();
  const [passwordForm] = Form.useForm<{ password: string }>();
  const [failure, setFailure] = useState<ApiError>();
  const [editing, setEditing] = useState<StaffUser>();
  const [resetting, setResetting] = useState<StaffUser>();
  const [busy, setBusy] = useState(false);
  const departmentOptions = [{ value: '', label: t.guide.noDepartment }, ...(departments.data?.items ?? []).map((d) => ({ value: d.code, label: d.name }))];
  const departmentName = (code: string | null) => (code ? (departments.data?.items.find((d) => d.code === code)?.name ?? code) : '—');

  const run = async (action: () => Promise<unknown>, done: () => void) => {
    setFailure(undefined);
    setBusy(true);
    try {
      await action();
      message.success(t.guide.saved);
      done();
      users.reload();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const create = (values: NewUser) =>
    run(() => api.post('/api/users', { ...values, departmentCode: values.departmentCode || null }), () => createForm.resetFields());

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t.guide.users}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t.guide.usersIntro}</Typography.Paragraph>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.guide.newUser}</h2>} style={{ marginBottom: 16 }}>
        <Form form={createForm} name="create-user" layout="vertical" onFinish={create} initialValues={{ roles: ['clerk'], departmentCode: '' }}>
          <Row gutter={16}>
            <Col xs={24} md={6}>
              <Form.Item name="username" label={t.guide.username} rules={[{ required: true }]}>
                <Input autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name="displayName" label={t.guide.displayName} rules={[{ required: true }]}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name="password" label={t.guide.password} rules={[{ required: true }, { min: 10, message: t.guide.passwordHelp }]} extra={t.guide.passwordHelp}>
                <Input.Password autoComplete="new-password" />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name="departmentCode" label={t.guide.department}>
                <Select options={departmentOptions} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="roles" label={t.guide.roles} rules={[{ required: true }]}>
                <Checkbox.Group options={ROLES.map((r) => ({ value: r, label: label(t.roles, r) }))} />
              </Form.Item>
            </Col>
          </Row>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t.guide.newUser}
          </Button>
        </Form>
      </Card>
      {failure && <div style={{ marginBottom: 16 }}><ProblemAlert error={failure} /></div>}
      <LoadState error={users.error} />
      <Table<StaffUser>
        rowKey="id"
        size="small"
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        dataSource={users.data ?? []}
        columns={[
          { title: t.guide.username, dataIndex: 'username' },
          { title: t.guide.displayName, dataIndex: 'displayName' },
          { title: t.guide.roles, dataIndex: 'roles', render: (roles: Role[]) => roles.map((r) => <Tag key={r}>{label(t.roles, r)}</Tag>) },
          { title: t.guide.department, dataIndex: 'departmentCode', render: departmentName },
          { title: t.guide.status, dataIndex: 'disabled', render: (disabled: boolean) => (disabled ? <Tag color="red">{t.guide.disabled}</Tag> : <Tag color="green">{t.guide.active}</Tag>) },
          {
            title: t.common.actions,
            key: 'actions',
            render: (_: unknown, user) => (
              <Space wrap>
                <Button
                  size="small"
                  aria-label={`${t.guide.edit} ${user.username}`}
                  onClick={() => {
                    setEditing(user);
                    editForm.setFieldsValue({ roles: user.roles, departmentCode: user.departmentCode ?? '', displayName: user.displayName });
                  }}
                >
                  {t.guide.edit}
                </Button>
                <Button size="small" aria-label={`${user.disabled ? t.guide.enable : t.guide.disable} ${user.username}`} danger={!user.disabled} onClick={() => run(() => api.patch(`/api/users/${user.id}`, { disabled: !user.disabled }), () => undefined)}>
                  {user.disabled ? t.guide.enable : t.guide.disable}
                </Button>
                <Button
                  size="small"
                  aria-label={`${t.guide.resetPassword} ${user.username}`}
                  onClick={() => {
                    setResetting(user);
                    passwordForm.resetFields();
                  }}
                >
                  {t.guide.resetPassword}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={!!editing}
        title={editing ? t.guide.editUser(editing.username) : ''}
        onCancel={() => setEditing(undefined)}
        onOk={() => editForm.submit()}
        okText={t.common.save}
        cancelText={t.common.cancel}
        confirmLoading={busy}
        destroyOnHidden
      >
        <Form
          form={editForm}
          name="edit-user"
          layout="vertical"
          onFinish={(values) => run(() => api.patch(`/api/users/${editing!.id}`, { ...values, departmentCode: values.departmentCode || null }), () => setEditing(undefined))}
        >
          <Form.Item name="displayName" label={t.guide.displayName} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="departmentCode" label={t.guide.department}>
            <Select options={departmentOptions} />
          </Form.Item>
          <Form.Item name="roles" label={t.guide.roles} rules={[{ required: true }]}>
            <Checkbox.Group options={ROLES.map((r) => ({ value: r, label: label(t.roles, r) }))} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={!!resetting}
        title={resetting ? t.guide.resetFor(resetting.username) : ''}
        onCancel={() => setResetting(undefined)}
        onOk={() => passwordForm.submit()}
        okText={t.common.save}
        cancelText={t.common.cancel}
        confirmLoading={busy}
        destroyOnHidden
      >
        <Form form={passwordForm} name="reset-password" layout="vertical" onFinish={(values) => run(() => api.patch(`/api/users/${resetting!.id}`, { password: values.password }), () => setResetting(undefined))}>
          <Form.Item name="password" label={t.guide.newPassword} rules={[{ required: true }, { min: 10, message: t.guide.passwordHelp }]} extra={t.guide.passwordHelp}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
