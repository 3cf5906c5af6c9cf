import { useEffect, useState } from 'react';
import { api } from './api';
import type { Bundle, Department, ServiceItem } from './types';

/** The public catalogue, read once per page load: names of departments and items appear everywhere. */
export interface Catalogue {
  departments: Department[];
  items: ServiceItem[];
  bundles: Bundle[];
  departmentName(code: string | null | undefined): string;
  item(code: string | null | undefined): ServiceItem | undefined;
  bundle(code: string | null | undefined): Bundle | undefined;
}

let loading: Promise<Catalogue> | null = null;

function load(): Promise<Catalogue> {
  loading ??= Promise.all([
    api.get<{ items: Department[] }>('/api/departments'),
    api.get<{ items: ServiceItem[] }>('/api/service-items'),
    api.get<{ items: Bundle[] }>('/api/bundles'),
  ]).then(
    ([departments, items, bundles]) => ({
      departments: departments.items,
      items: items.items,
      bundles: bundles.items,
      departmentName: (code) => departments.items.find((d) => d.code === code)?.name ?? code ?? '—',
      item: (code) => items.items.find((i) => i.code === code),
      bundle: (code) => bundles.items.find((b) => b.code === code),
    }),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

export function useCatalogue(): Catalogue | undefined {
  const [catalogue, setCatalogue] = useState<Catalogue>();
  useEffect(() => {
    let live = true;
    load().then((value) => live && setCatalogue(value), () => undefined);
    return () => {
      live = false;
    };
  }, []);
  return catalogue;
}

/** A case's service item or bundle, by name. */
export function subjectName(catalogue: Catalogue | undefined, c: { serviceItemCode: string | null; bundleCode: string | null }): string {
  if (c.serviceItemCode) return catalogue?.item(c.serviceItemCode)?.name ?? c.serviceItemCode;
  if (c.bundleCode) return catalogue?.bundle(c.bundleCode)?.name ?? c.bundleCode;
  return '—';
}
