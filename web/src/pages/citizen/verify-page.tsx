import { App, Button, Card, Descriptions, Form, Input, Modal, Result, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { api, ApiError } from '../../lib/api';
import { formatDate, formatDateTime } from '../../lib/dates';
import { navigate } from '../../lib/router';
import { hasRole, useSession } from '../../lib/session';
import type { CertificateVerification } from '../../lib/types';
import { ProblemAlert } from '../../components/problem-alert';

/** Public: anyone holding a licence number can check it (GET /api/certificates/:code/verify). */
export function VerifyPage({ params }: { params: Record<string, string> }) {
  const t = useT();
  const [answer, setAnswer] = useState<{ code: string; result?: CertificateVerification; error?: ApiError }>();

  useEffect(() => {
    const code = params.code;
    if (!code) return;
    let live = true;
    api.get<CertificateVerification>(`/api/certificates/${encodeURIComponent(code)}/verify`).then(
      (result) => live && setAnswer({ code, result }),
      (error: unknown) => live && error instanceof ApiError && setAnswer({ code, error }),
    );
    return () => {
      live = false;
    };
  }, [params.code]);

  // On /verify there is no code yet: nothing was asked, so nothing is shown (and `answer` may be unset).
  const current = params.code !== undefined && answer?.code === params.code ? answer : undefined;
  const result = current?.result;
  const error = current?.error;
  const session = useSession();
  const { message } = App.useApp();
  const [revoking, setRevoking] = useState(false);
  const [revokeError, setRevokeError] = useState<ApiError>();
  const [revokeForm] = Form.useForm<{ reason: string }>();

  const revoke = async ({ reason }: { reason: string }) => {
    if (!result) return;
    try {
      const revoked = await api.post<CertificateVerification>(`/api/certificates/${encodeURIComponent(result.code)}/revoke`, { reason });
      setAnswer({ code: params.code!, result: revoked });
      setRevoking(false);
      message.success(t.verify.revokeDone);
    } catch (error) {
      if (error instanceof ApiError) setRevokeError(error);
      else throw error;
    }
  };

  return (
    <Card style={{ maxWidth: 720, margin: '0 auto' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t.verify.title}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t.verify.intro}</Typography.Paragraph>
      <Form layout="inline" initialValues={{ code: params.code ?? '' }} key={params.code ?? ''} onFinish={(values: { code: string }) => navigate(`/verify/${encodeURIComponent(values.code.trim())}`)}>
        <Form.Item name="code" label={t.verify.code} rules={[{ required: true, whitespace: true, message: t.validation.required }]}>
          <Input style={{ width: 260 }} placeholder="XXXX-XXXX-XXXX-XXXX" />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t.verify.check}
        </Button>
      </Form>
      <div aria-live="polite" style={{ marginTop: 24 }}>
        {result && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Result
              status={result.valid ? 'success' : 'warning'}
              title={result.valid ? t.verify.valid : result.revokedAt ? t.verify.revoked : t.verify.invalid}
              subTitle={result.reason ? `${t.verify.revokedReason}：${result.reason}` : undefined}
              style={{ padding: 16 }}
              data-testid="verify-result"
            />
            <Descriptions
              bordered
              size="small"
              column={1}
              items={[
                { key: 'code', label: t.verify.code, children: result.code },
                { key: 'name', label: t.verify.name, children: result.name },
                { key: 'holder', label: result.holderKind === 'enterprise' ? t.verify.holderEnterprise : t.verify.holder, children: <span data-holder={result.holderKind ?? 'person'}>{result.holderName}</span> },
                ...(result.holderIdentifier ? [{ key: 'id', label: t.verify.holderId, children: result.holderIdentifier }] : []),
                { key: 'item', label: t.verify.item, children: result.serviceItemCode },
                { key: 'issued', label: t.verify.issuedAt, children: formatDateTime(result.issuedAt, t.locale) },
                { key: 'until', label: t.verify.validUntil, children: result.validUntil ? formatDate(result.validUntil, t.locale) : t.verify.longTerm },
                ...(result.revokedAt
                  ? [
                      { key: 'revokedAt', label: t.verify.revokedAt, children: formatDateTime(result.revokedAt, t.locale) },
                      { key: 'reason', label: t.verify.revokedReason, children: result.reason ?? '—' },
                    ]
                  : []),
              ]}
            />
            {hasRole(session, 'supervisor', 'admin') && !result.revokedAt && (
              <Button danger onClick={() => setRevoking(true)}>
                {t.verify.revoke}
              </Button>
            )}
            <Modal title={t.verify.revoke} open={revoking} onCancel={() => setRevoking(false)} onOk={() => revokeForm.submit()} okText={t.verify.revoke} okButtonProps={{ danger: true }} cancelText={t.common.cancel} destroyOnHidden>
              <Typography.Paragraph type="secondary">{t.verify.revokeConfirm}</Typography.Paragraph>
              <Form form={revokeForm} layout="vertical" onFinish={revoke}>
                <Form.Item name="reason" label={t.verify.revokeReason} rules={[{ required: true, whitespace: true, message: t.validation.required }, { max: 1000 }]}>
                  <Input.TextArea rows={3} maxLength={1000} />
                </Form.Item>
              </Form>
              <ProblemAlert error={revokeError} />
            </Modal>
          </Space>
        )}
        {error && (error.status === 404 ? <Result status="error" title={t.verify.notFound} style={{ padding: 16 }} /> : <ProblemAlert error={error} />)}
      </div>
    </Card>
  );
}
