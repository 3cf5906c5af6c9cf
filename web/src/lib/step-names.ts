import { useEffect, useState } from 'react';
import { api } from './api';
import type { WorkflowSummary } from './types';

interface Definition {
  steps: { id: string; name?: string }[];
}

const cache = new Map<string, Promise<Record<string, string>>>();

/** Step names of a workflow's published definition (staff only), read once per page load. */
function namesOf(key: string): Promise<Record<string, string>> {
  let names = cache.get(key);
  if (!names) {
    names = (async () => {
      const summary = await api.get<WorkflowSummary>(`/api/workflows/${encodeURIComponent(key)}`);
      const version = summary.versions.find((v) => v.status === 'published') ?? summary.versions.at(-1);
      if (!version) return {};
      const definition = await api.get<Definition>(`/api/workflows/${encodeURIComponent(key)}/versions/${version.version}`);
      return Object.fromEntries(definition.steps.filter((s) => s.name).map((s) => [s.id, s.name!]));
    })().catch(() => ({}));
    cache.set(key, names);
  }
  return names;
}

/** `{ workflowKey: { stepId: name } }` for the keys given; names arrive as they load. */
export function useStepNames(keys: string[]): Record<string, Record<string, string>> {
  const [names, setNames] = useState<Record<string, Record<string, string>>>({});
  const wanted = [...new Set(keys)].sort().join('|');
  useEffect(() => {
    let live = true;
    for (const key of wanted ? wanted.split('|') : []) {
      void namesOf(key).then((found) => live && setNames((previous) => (previous[key] ? previous : { ...previous, [key]: found })));
    }
    return () => {
      live = false;
    };
  }, [wanted]);
  return names;
}
