import { Card, Col, Collapse, Descriptions, Empty, Input, Row, Spin, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { label, useT } from '../../i18n/i18n';
import { useCatalogue, type Catalogue } from '../../lib/catalogue';
import { Link } from '../../lib/router';
import type { Material, ServiceItem } from '../../lib/types';

export function MaterialList({ materials }: { materials: Material[] }) {
  const t = useT();
  return (
    <ul style={{ margin: 0, paddingInlineStart: 20 }}>
      {materials.map((m) => (
        <li key={m.key}>
          {m.name} {m.required ? <Tag color="blue">{t.catalogue.required}</Tag> : <Tag>{t.catalogue.optional}</Tag>}
          {m.tolerant && <Tag color="gold">{t.catalogue.tolerant}</Tag>}
        </li>
      ))}
    </ul>
  );
}

/** Every material of a bundle once, by key: the applicant uploads each a single time. */
export function bundleMaterials(items: ServiceItem[]): { material: Material; usedBy: ServiceItem[] }[] {
  const byKey = new Map<string, { asked: Material[]; usedBy: ServiceItem[] }>();
  for (const item of items) {
    for (const material of item.materials) {
      const entry = byKey.get(material.key) ?? { asked: [], usedBy: [] };
      entry.asked.push(material);
      entry.usedBy.push(item);
      byKey.set(material.key, entry);
    }
  }
  // Required if any item requires it; tolerated (may follow later) only if every item requiring it tolerates it.
  return [...byKey.values()].map(({ asked, usedBy }) => {
    const requiring = asked.filter((m) => m.required);
    return {
      material: { ...asked[0]!, required: requiring.length > 0, tolerant: requiring.length > 0 && requiring.every((m) => m.tolerant) },
      usedBy,
    };
  });
}

function ItemCard({ item, catalogue }: { item: ServiceItem; catalogue: Catalogue }) {
  const t = useT();
  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0, whiteSpace: 'normal' }}>{item.name}</h2>}
      extra={
        <span style={{ display: 'inline-flex', gap: 12 }}>
          <Link to={`/portal/items/${encodeURIComponent(item.code)}`} aria-label={`${t.guide.viewGuide} ${item.name}`}>{t.guide.viewGuide}</Link>
          <Link to={`/portal/apply/item/${encodeURIComponent(item.code)}`} aria-label={`${t.catalogue.apply} ${item.name}`}>{t.catalogue.apply}</Link>
        </span>
      }
      data-item={item.code}
    >
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'code', label: t.catalogue.code, children: item.code },
          { key: 'dept', label: t.catalogue.department, children: catalogue.departmentName(item.departmentCode) },
          { key: 'statutory', label: t.catalogue.statutory, children: t.common.workingDays(item.statutoryDays) },
          { key: 'promised', label: t.catalogue.promised, children: t.common.workingDays(item.promisedDays) },
          ...(item.itemType ? [{ key: 'type', label: t.guide.itemType, children: label(t.guide.itemTypes, item.itemType) }] : []),
          ...(item.onlineDepth ? [{ key: 'depth', label: t.guide.onlineDepth, children: label(t.guide.depths, item.onlineDepth) }] : []),
        ]}
      />
      <Collapse size="small" style={{ marginTop: 8 }} items={[{ key: 'm', label: t.catalogue.counted(t.catalogue.materials, item.materials.length), children: <MaterialList materials={item.materials} /> }]} />
    </Card>
  );
}

export function CataloguePage() {
  const t = useT();
  const catalogue = useCatalogue();
  const [query, setQuery] = useState('');
  const matches = (text: string) => text.toLowerCase().includes(query.trim().toLowerCase());
  const items = catalogue?.items.filter((i) => matches(i.name) || matches(i.code)) ?? [];
  const bundles = catalogue?.bundles.filter((b) => matches(b.name) || matches(b.code)) ?? [];

  if (!catalogue) return <Spin aria-label={t.common.loading} />;
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 26 }}>
        {t.catalogue.title}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t.catalogue.intro}</Typography.Paragraph>
      <Input.Search aria-label={t.catalogue.search} placeholder={t.catalogue.searchPlaceholder} allowClear onChange={(e) => setQuery(e.target.value)} style={{ maxWidth: 360, marginBottom: 16 }} />
      <Tabs
        items={[
          {
            key: 'items',
            label: t.catalogue.counted(t.catalogue.items, items.length),
            children: items.length ? (
              <Row gutter={[16, 16]}>
                {items.map((item) => (
                  <Col key={item.code} xs={24} md={12} xl={8}>
                    <ItemCard item={item} catalogue={catalogue} />
                  </Col>
                ))}
              </Row>
            ) : (
              <Empty description={t.catalogue.empty} />
            ),
          },
          {
            key: 'bundles',
            label: t.catalogue.counted(t.catalogue.bundles, bundles.length),
            children: bundles.length ? (
              <Row gutter={[16, 16]}>
                {bundles.map((bundle) => {
                  const members = bundle.serviceItemCodes.map((code) => catalogue.item(code)).filter((i): i is ServiceItem => !!i);
                  return (
                    <Col key={bundle.code} xs={24} md={12}>
                      <Card
                        title={<h2 style={{ fontSize: 16, margin: 0 }}>{bundle.name}</h2>}
                        extra={<Link to={`/portal/apply/bundle/${encodeURIComponent(bundle.code)}`} aria-label={`${t.catalogue.apply} ${bundle.name}`}>{t.catalogue.apply}</Link>}
                        data-bundle={bundle.code}
                      >
                        <Typography.Text strong>{t.catalogue.includes}</Typography.Text>
                        <ul style={{ paddingInlineStart: 20 }}>
                          {members.map((item) => (
                            <li key={item.code}>
                              {t.catalogue.member(item.name, catalogue.departmentName(item.departmentCode), t.common.workingDays(item.promisedDays))}
                            </li>
                          ))}
                        </ul>
                        <Collapse
                          size="small"
                          items={[
                            {
                              key: 'm',
                              label: t.catalogue.counted(t.catalogue.materials, bundleMaterials(members).length),
                              children: <MaterialList materials={bundleMaterials(members).map((m) => m.material)} />,
                            },
                          ]}
                        />
                      </Card>
                    </Col>
                  );
                })}
              </Row>
            ) : (
              <Empty description={t.catalogue.empty} />
            ),
          },
        ]}
      />
    </>
  );
}
