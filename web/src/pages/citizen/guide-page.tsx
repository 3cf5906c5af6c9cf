import { Alert, Card, Descriptions, Spin, Tag, Typography } from 'antd';
import { ProblemAlert } from '../../components/problem-alert';
import { ProcessDiagram, type ProcessStep } from '../../components/process-diagram';
import { label, useT } from '../../i18n/i18n';
import { api } from '../../lib/api';
import { useCatalogue } from '../../lib/catalogue';
import { Link } from '../../lib/router';
import type { ServiceItem, WorkflowSummary } from '../../lib/types';
import { useApi } from '../../lib/use-api';
import { MaterialList } from './catalogue-page';

interface Guide {
  item: ServiceItem;
  steps: ProcessStep[] | null;
}

/** The item and the process it is handled by: the published version, readable by anyone. */
async function loadGuide(code: string): Promise<Guide> {
  const item = await api.get<ServiceItem>(`/api/service-items/${encodeURIComponent(code)}`);
  try {
    const summary = await api.get<WorkflowSummary>(`/api/workflows/${encodeURIComponent(item.workflowKey)}`);
    const published = summary.versions.find((v) => v.status === 'published');
    if (!published) return { item, steps: null };
    const definition = await api.get<{ steps: ProcessStep[] }>(`/api/workflows/${encodeURIComponent(item.workflowKey)}/versions/${published.version}`);
    return { item, steps: definition.steps };
  } catch {
    return { item, steps: null };
  }
}

/** 办事指南: the 实施清单 of one item, its materials and its process, before anyone signs in. */
export function GuidePage({ params }: { params: Record<string, string> }) {
  const t = useT();
  const catalogue = useCatalogue();
  const guide = useApi(() => loadGuide(params.code ?? ''), [params.code]);
  if (guide.error) return <ProblemAlert error={guide.error} />;
  if (!guide.data) return <Spin aria-label={t.common.loading} />;
  const { item, steps } = guide.data;
  const departmentName = (code: string) => catalogue?.departmentName(code) ?? code;
  const shown = (value: string | null) => value ?? t.guide.notPublished;
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t.guide.guideOf(item.name)}
      </Typography.Title>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.guide.basics}</h2>} style={{ marginBottom: 16 }} extra={<Link to={`/portal/apply/item/${encodeURIComponent(item.code)}`}>{t.catalogue.apply}</Link>}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'code', label: t.catalogue.code, children: item.code },
            { key: 'dept', label: t.catalogue.department, children: departmentName(item.departmentCode) },
            { key: 'type', label: t.guide.itemType, children: item.itemType ? label(t.guide.itemTypes, item.itemType) : t.guide.notPublished },
            { key: 'subjects', label: t.guide.subjectTypes, children: item.subjectTypes ? t.common.join(item.subjectTypes.map((s) => label(t.guide.subjects, s))) : t.guide.notPublished },
            { key: 'statutory', label: t.catalogue.statutory, children: t.common.workingDays(item.statutoryDays) },
            { key: 'promised', label: t.catalogue.promised, children: t.common.workingDays(item.promisedDays) },
            {
              key: 'fee',
              label: t.guide.fee,
              children: !item.fee ? t.guide.notPublished : item.fee.free ? t.guide.free : `${item.fee.standard ?? ''}${item.fee.basis ? t.common.paren(t.guide.feeBasis(item.fee.basis)) : ''}`,
            },
            { key: 'depth', label: t.guide.onlineDepth, children: item.onlineDepth ? label(t.guide.depths, item.onlineDepth) : t.guide.notPublished },
            { key: 'location', label: t.guide.location, children: shown(item.location) },
            { key: 'hours', label: t.guide.officeHours, children: shown(item.officeHours) },
            { key: 'consult', label: t.guide.consultPhone, children: shown(item.consultPhone) },
            { key: 'complaint', label: t.guide.complaintPhone, children: shown(item.complaintPhone) },
          ]}
        />
        <Typography.Title level={3} style={{ fontSize: 15, marginTop: 16 }}>
          {t.guide.legalBasis}
        </Typography.Title>
        {item.legalBasis?.length ? (
          <ul className="legal-basis">
            {item.legalBasis.map((basis) => (
              <li key={basis}>{basis}</li>
            ))}
          </ul>
        ) : (
          <Tag>{t.guide.notPublished}</Tag>
        )}
      </Card>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.catalogue.materials}</h2>} style={{ marginBottom: 16 }}>
        <MaterialList materials={item.materials} />
      </Card>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.guide.process}</h2>} style={{ marginBottom: 16 }}>
        {steps ? (
          <>
            <Typography.Paragraph type="secondary">{t.guide.processIntro}</Typography.Paragraph>
            <ProcessDiagram steps={steps} departmentName={departmentName} title={t.guide.processOf(item.name)} />
          </>
        ) : (
          <Alert type="info" showIcon title={t.guide.processUnavailable} />
        )}
      </Card>
    </>
  );
}
