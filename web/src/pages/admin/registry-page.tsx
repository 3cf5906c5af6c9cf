import { Alert, Button, Card, Progress, Radio, Space, Table, Typography } from 'antd';
import { useRef, useState } from 'react';
import { ProblemAlert } from '../../components/problem-alert';
import { useT } from '../../i18n/i18n';
import { ApiError } from '../../lib/api';
import { currentSession } from '../../lib/session';

interface ImportResult {
  id?: string;
  read?: number;
  imported: number;
  updated: number;
  rejected: { line: number; code: string; message: string }[];
}

/**
 * Sends a file as the raw body with upload progress (fetch reports none): XMLHttpRequest's upload
 * events drive the bar; the answer comes once the server has read and stored every line.
 */
function uploadWithProgress(path: string, file: File, onProgress: (fraction: number) => void): Promise<ImportResult> {
  const jsonLines = /\.(jsonl|ndjson)$/i.test(file.name) || file.type === 'application/x-ndjson';
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', path);
    request.setRequestHeader('Content-Type', jsonLines ? 'application/x-ndjson' : 'text/csv');
    request.setRequestHeader('Accept', 'application/json, application/problem+json');
    const token = currentSession()?.token;
    if (token) request.setRequestHeader('Authorization', `Bearer ${token}`);
    request.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    request.upload.onload = () => onProgress(1);
    request.onerror = () => reject(new ApiError(0, 'network', 'network error'));
    request.onload = () => {
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(request.responseText) as Record<string, unknown>;
      } catch {
        // not JSON: reported below by status
      }
      if (request.status >= 200 && request.status < 300) resolve(body as unknown as ImportResult);
      else reject(new ApiError(request.status, String(body.code ?? `http.${request.status}`), String(body.detail ?? request.statusText), (body.errors as { path: string; message: string }[]) ?? []));
    };
    request.send(file);
  });
}

/** 数据导入: population and enterprise registry files, with upload progress and every rejected line shown. */
export function RegistryPage() {
  const t = useT();
  const [kind, setKind] = useState<'persons' | 'enterprises'>('persons');
  const [progress, setProgress] = useState<number>();
  const [result, setResult] = useState<ImportResult>();
  const [failure, setFailure] = useState<ApiError>();
  const input = useRef<HTMLInputElement>(null);

  const start = async (file: File) => {
    setResult(undefined);
    setFailure(undefined);
    setProgress(0);
    try {
      setResult(await uploadWithProgress(`/api/registry/${kind}/import`, file, setProgress));
    } catch (error) {
      setFailure(error instanceof ApiError ? error : new ApiError(0, 'client', String(error)));
    } finally {
      setProgress(undefined);
      if (input.current) input.current.value = '';
    }
  };

  const percent = progress === undefined ? 0 : Math.round(progress * 100);
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t.guide.registry}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t.guide.registryIntro}</Typography.Paragraph>
      <Card style={{ marginBottom: 16 }}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Radio.Group
            aria-label={t.guide.registryKind}
            value={kind}
            onChange={(e) => setKind(e.target.value as 'persons' | 'enterprises')}
            options={[
              { value: 'persons', label: t.guide.persons },
              { value: 'enterprises', label: t.guide.enterprises },
            ]}
          />
          <input
            ref={input}
            type="file"
            accept=".csv,.jsonl,.ndjson,text/csv,application/x-ndjson"
            aria-label={t.guide.chooseFile}
            style={{ display: 'none' }}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void start(file);
            }}
          />
          <Button type="primary" onClick={() => input.current?.click()} loading={progress !== undefined}>
            {t.guide.chooseFile}
          </Button>
          {progress !== undefined && (
            <div role="status">
              <Progress percent={percent} status="active" />
              <Typography.Text type="secondary">{percent < 100 ? t.guide.uploading(percent) : t.guide.processing}</Typography.Text>
            </div>
          )}
        </Space>
      </Card>
      <ProblemAlert error={failure} />
      {result && (
        <>
          <Alert role="status" type={result.rejected.length ? 'warning' : 'success'} showIcon title={t.guide.importDone(result.imported, result.updated, result.rejected.length)} style={{ marginBottom: 16 }} />
          {result.rejected.length > 0 && (
            <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.guide.rejectedLines}</h2>}>
              <Table
                size="small"
                rowKey={(row) => `${row.line}-${row.code}`}
                pagination={{ pageSize: 50, hideOnSinglePage: true }}
                dataSource={result.rejected}
                columns={[
                  { title: t.guide.line, dataIndex: 'line', width: 80 },
                  { title: t.guide.errorCode, dataIndex: 'code', width: 220, render: (code: string) => <code>{code}</code> },
                  { title: t.guide.reason, dataIndex: 'message' },
                ]}
              />
            </Card>
          )}
        </>
      )}
    </>
  );
}
