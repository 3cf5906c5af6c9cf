import { Alert, App, Button, Card, Col, Empty, Input, List, Popconfirm, Radio, Row, Space, Spin, Tag, Typography } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useEffect, useRef, useState } from 'react';
import { LoadState } from '../../components/problem-alert';
import { label, useT } from '../../i18n/i18n';
import { api, ApiError } from '../../lib/api';
import type { FieldError, GraphEdge, GraphNode, WorkflowSummary } from '../../lib/types';
import { useApi } from '../../lib/use-api';
import { convertDefinition, locatePath, readDefinition, writeDefinition, type DefinitionFormat } from './definition-text';
import { WorkflowGraph } from './workflow-graph';
import { WorkflowMigrationCard } from './workflow-migration';

const VALIDATE_DELAY_MS = 400;

const TEMPLATE = {
  key: 'new-workflow',
  name: '新流程',
  limits: { statutoryDays: 20, promisedDays: 10 },
  steps: [
    {
      id: 'accept',
      type: 'review',
      name: '受理',
      queue: { department: 'government-services', role: 'clerk' },
      sla: { workingDays: 1 },
      outcomes: { accept: 'approval', correction: 'accept', refuse: 'end:refused' },
    },
    {
      id: 'approval',
      type: 'review',
      name: '审批决定',
      queue: { department: 'government-services', role: 'clerk' },
      outcomes: { approve: 'end:approved', reject: 'end:rejected' },
    },
  ],
};

type Check = { state: 'idle' | 'checking' } | { state: 'unparsable'; message: string } | { state: 'valid' } | { state: 'invalid'; errors: FieldError[] };

/** Definitions as JSON or YAML, checked by the server's validator as they are typed. */
export function WorkflowsPage() {
  const t = useT();
  const { message } = App.useApp();
  const list = useApi(() => api.get<{ items: WorkflowSummary[] }>('/api/workflows'), []);
  const [selected, setSelected] = useState<{ key: string; version: number }>();
  const [format, setFormat] = useState<DefinitionFormat>('json');
  const [text, setText] = useState('');
  const [check, setCheck] = useState<Check>({ state: 'idle' });
  const [graph, setGraph] = useState<{ nodes: GraphNode[]; edges: GraphEdge[] }>();
  const [busy, setBusy] = useState(false);
  const editor = useRef<TextAreaRef>(null);
  const round = useRef(0);

  const open = async (key: string, version: number) => {
    setSelected({ key, version });
    setGraph(undefined);
    const [document, drawn] = await Promise.all([
      api.get<unknown>(`/api/workflows/${encodeURIComponent(key)}/versions/${version}`),
      api.get<{ nodes: GraphNode[]; edges: GraphEdge[] }>(`/api/workflows/${encodeURIComponent(key)}/versions/${version}/graph`).catch(() => undefined),
    ]);
    setText(writeDefinition(document, format));
    setGraph(drawn);
  };

  // Live validation: the latest text only, a little after typing stops.
  useEffect(() => {
    if (!text.trim()) {
      setCheck({ state: 'idle' });
      return;
    }
    const mine = ++round.current;
    const timer = setTimeout(async () => {
      const read = readDefinition(text, format);
      if (read.error !== undefined) {
        setCheck({ state: 'unparsable', message: read.error });
        return;
      }
      setCheck({ state: 'checking' });
      try {
        const result = await api.post<{ valid: boolean; errors?: FieldError[] }>('/api/workflows/validate', read.value);
        // Each problem by its code in the page's language (the server's sentence is English).
        const errors = (result.errors ?? []).map((e) => ({ ...e, message: (e.code && t.problems[e.code]) || e.message }));
        if (mine === round.current) setCheck(result.valid ? { state: 'valid' } : { state: 'invalid', errors });
      } catch (error) {
        if (mine === round.current) setCheck({ state: 'invalid', errors: error instanceof ApiError ? (error.errors.length ? error.errors : [{ path: '$', message: error.detail }]) : [] });
      }
    }, VALIDATE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, format, t]);

  /** Selects the text a validator path points at, and scrolls it into view. */
  const reveal = (path: string) => {
    const area = editor.current?.resizableTextArea?.textArea;
    const range = locatePath(text, path);
    if (!area || !range) return;
    area.focus();
    area.setSelectionRange(range[0], range[1]);
    const line = text.slice(0, range[0]).split('\n').length - 1;
    const lineHeight = parseFloat(getComputedStyle(area).lineHeight) || 20;
    area.scrollTop = Math.max(0, line * lineHeight - area.clientHeight / 3);
  };

  const switchFormat = (next: DefinitionFormat) => {
    const converted = convertDefinition(text, format, next);
    if (converted === null) {
      message.error(t.workflows.unparsable(check.state === 'unparsable' ? check.message : ''));
      return;
    }
    setFormat(next);
    setText(converted);
  };

  const saveDraft = async () => {
    const read = readDefinition(text, format);
    if (read.error !== undefined) return;
    setBusy(true);
    try {
      const saved = await api.post<{ key: string; version: number }>('/api/workflows', read.value);
      message.success(t.workflows.savedDraft(saved.key, saved.version));
      list.reload();
      await open(saved.key, saved.version);
    } catch (error) {
      if (error instanceof ApiError) {
        setCheck({ state: 'invalid', errors: error.errors.length ? error.errors : [{ path: '$', message: error.detail }] });
        message.error(t.common.failedWith(error.detail));
      }
    } finally {
      setBusy(false);
    }
  };

  const publish = async () => {
    if (!selected) return;
    try {
      await api.post(`/api/workflows/${encodeURIComponent(selected.key)}/versions/${selected.version}/publish`);
      message.success(t.workflows.published(selected.key, selected.version));
      list.reload();
    } catch (error) {
      if (error instanceof ApiError) message.error(t.common.failedWith(error.detail));
    }
  };

  const selectedStatus = list.data?.items.find((w) => w.key === selected?.key)?.versions.find((v) => v.version === selected?.version)?.status;
  const selectedWorkflow = list.data?.items.find((w) => w.key === selected?.key);

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t.workflows.title}
      </Typography.Title>
      <Row gutter={16}>
        <Col xs={24} lg={6}>
          <Card
            title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.workflows.list}</h2>}
            size="small"
            extra={
              <Button
                size="small"
                onClick={() => {
                  setSelected(undefined);
                  setGraph(undefined);
                  setText(writeDefinition(TEMPLATE, format));
                }}
              >
                + {t.workflows.newDefinition}
              </Button>
            }
          >
            <LoadState error={list.error} />
            {list.loading && !list.data && <Spin />}
            <List
              size="small"
              dataSource={list.data?.items ?? []}
              renderItem={(workflow) => (
                <List.Item style={{ display: 'block' }}>
                  <Typography.Text strong>{workflow.name}</Typography.Text>
                  <div>
                    {/* The key is a code (an identifier), set as one: it is not a sentence to translate. */}
                    <Typography.Text type="secondary" code style={{ fontSize: 12 }}>
                      {workflow.key}
                    </Typography.Text>
                  </div>
                  <Space wrap size={4} style={{ marginTop: 4 }}>
                    {workflow.versions.map((v) => (
                      <Button
                        key={v.version}
                        size="small"
                        type={selected?.key === workflow.key && selected.version === v.version ? 'primary' : 'default'}
                        aria-label={`${workflow.key} ${t.workflows.versionLabel(v.version)} ${label(t.workflows.statuses, v.status)}`}
                        onClick={() => void open(workflow.key, v.version)}
                      >
                        {t.workflows.versionLabel(v.version)} · {label(t.workflows.statuses, v.status)}
                      </Button>
                    ))}
                  </Space>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={18}>
          {!text && !selected ? (
            <Card>
              <Empty description={t.workflows.noSelection} />
            </Card>
          ) : (
            <>
              <Card
                title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.workflows.editor}{selected && <Tag style={{ marginInlineStart: 8 }}><code>{selected.key}</code> {t.workflows.versionLabel(selected.version)}</Tag>}</h2>}
                size="small"
                style={{ marginBottom: 16 }}
                extra={
                  <Radio.Group aria-label={t.workflows.format} optionType="button" size="small" value={format} onChange={(e) => switchFormat(e.target.value as DefinitionFormat)} options={[{ label: 'JSON', value: 'json' }, { label: 'YAML', value: 'yaml' }]} />
                }
              >
                <Typography.Paragraph type="secondary">{t.workflows.editorHelp}</Typography.Paragraph>
                <label htmlFor="definition-editor" className="sr-only">
                  {t.workflows.editor}
                </label>
                <Input.TextArea id="definition-editor" ref={editor} className="editor" value={text} onChange={(e) => setText(e.target.value)} autoSize={{ minRows: 16, maxRows: 28 }} spellCheck={false} />
                <div aria-live="polite" style={{ marginTop: 12 }} data-testid="validation">
                  {check.state === 'checking' && <Typography.Text type="secondary">{t.workflows.validating}</Typography.Text>}
                  {check.state === 'valid' && <Alert type="success" showIcon title={`✓ ${t.workflows.valid}`} />}
                  {check.state === 'unparsable' && <Alert type="error" showIcon title={t.workflows.unparsable(check.message)} />}
                  {check.state === 'invalid' && (
                    <Alert
                      type="error"
                      showIcon
                      title={t.workflows.problems(check.errors.length)}
                      description={
                        <List
                          size="small"
                          dataSource={check.errors}
                          renderItem={(error) => (
                            <List.Item style={{ padding: '4px 0', justifyContent: 'flex-start', gap: 8, flexWrap: 'wrap' }}>
                              <Button type="link" size="small" onClick={() => reveal(error.path)} style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }} data-path={error.path}>
                                <code>{error.path}</code>
                              </Button>
                              <span>{error.message}</span>
                            </List.Item>
                          )}
                        />
                      }
                    />
                  )}
                </div>
                <Space style={{ marginTop: 12 }}>
                  <Button type="primary" onClick={saveDraft} loading={busy} disabled={check.state === 'unparsable' || !text.trim()}>
                    {t.workflows.saveDraft}
                  </Button>
                  {selected && selectedStatus === 'draft' && (
                    <Popconfirm title={t.workflows.publishConfirm(selected.key, selected.version)} onConfirm={publish} okText={t.common.confirm} cancelText={t.common.cancel}>
                      <Button>{t.workflows.publish}</Button>
                    </Popconfirm>
                  )}
                </Space>
              </Card>
              {selectedWorkflow && selected && selectedStatus !== 'draft' && <WorkflowMigrationCard workflow={selectedWorkflow} fromVersion={selected.version} />}
              {selected && graph && (
                <Card title={<h2 style={{ fontSize: 16, margin: 0 }}><code>{selected.key}</code> {t.workflows.graphTitle(selected.version)}</h2>} size="small">
                  <WorkflowGraph nodes={graph.nodes} edges={graph.edges} title={t.workflows.graphOf(selected.key, selected.version)} />
                </Card>
              )}
            </>
          )}
        </Col>
      </Row>
    </>
  );
}
