import type { TestSystem } from './system.js';

/** A small but valid PDF: the upload check reads the content, not the name. */
export function pdfBytes(label = 'material'): Buffer {
  return Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% ${label}\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
}

export async function upload(system: TestSystem, token: string, label = 'material'): Promise<string> {
  const response = await system.http().post('/api/files').set('Authorization', `Bearer ${token}`).attach('file', pdfBytes(label), `${label}.pdf`).expect(201);
  return response.body.id as string;
}

interface ServiceItemView {
  code: string;
  workflowKey: string;
  materials: { key: string; required: boolean; tolerant: boolean }[];
  formSchema: { properties: Record<string, { examples: unknown[] }> };
}

export async function serviceItem(system: TestSystem, code: string): Promise<ServiceItemView> {
  return (await system.http().get(`/api/service-items/${code}`).expect(200)).body as ServiceItemView;
}

/** A form made of each property's first example (every property has one, API.md). */
export function exampleForm(item: ServiceItemView, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...Object.fromEntries(Object.entries(item.formSchema.properties).map(([key, p]) => [key, p.examples[0]])), ...overrides };
}

/** One uploaded file per required material, leaving out the keys in `skip` (e.g. a tolerated one). */
export async function requiredMaterials(system: TestSystem, token: string, item: ServiceItemView, skip: string[] = []): Promise<{ key: string; fileId: string }[]> {
  const materials = [];
  for (const material of item.materials.filter((m) => m.required && !skip.includes(m.key))) {
    materials.push({ key: material.key, fileId: await upload(system, token, material.key) });
  }
  return materials;
}

export interface BundleView {
  code: string;
  name: string;
  serviceItemCodes: string[];
  fieldMapping: Record<string, Record<string, string>>;
  formSchema: { required: string[]; properties: Record<string, { examples: unknown[] }> };
  fieldOwners: Record<string, string[]>;
  itemFieldCount: number;
}

export async function bundleOf(system: TestSystem, code: string): Promise<BundleView> {
  return (await system.http().get(`/api/bundles/${code}`).expect(200)).body as BundleView;
}

/** One form for the whole bundle (一表申请), made of each merged property's first example. */
export function bundleExampleForm(bundle: BundleView, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...Object.fromEntries(Object.entries(bundle.formSchema.properties).map(([key, p]) => [key, p.examples[0]])), ...overrides };
}
