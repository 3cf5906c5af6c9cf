import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The import graph of `src/`, read from the source (docs/architecture.md "Boundaries"): domains form no
 * folder-level cycle, and no module touches another module's table through a repository or a query
 * builder (an entity class of another folder may be named only in a relation).
 */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = join(ROOT, 'src');

/** Shared plumbing every domain may use; it never imports a domain's internals. */
const PLUMBING = new Set(['config', 'database', 'cli', 'queue', 'http', 'health', 'time', 'keys', 'observability', 'auth', 'rate-limit', 'web', 'reporting', 'discovery']);
/** The composition root wires every module together (entities, seed orchestration, the CLI): it may name every table. */
const COMPOSITION_ROOT = new Set(['', 'database', 'cli']);

interface Source {
  path: string;
  folder: string;
  text: string;
}

function sources(): Source[] {
  const found: Source[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (path.endsWith('.ts') && !path.endsWith('.spec.ts')) {
        const rel = relative(SRC, path);
        found.push({ path: rel, folder: rel.includes('/') ? rel.split('/')[0] : '', text: readFileSync(path, 'utf8') });
      }
    }
  };
  walk(SRC);
  return found;
}

/** Relative imports (value and type alike) as `src/`-relative paths. */
function importsOf(file: Source): string[] {
  return [...file.text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+'(\.[^']+)'/gms)].map((m) => relative(SRC, normalize(join(SRC, dirname(file.path), m[1]))));
}

/** Folder-level edges among the domains. */
export function domainGraph(files: Source[]): Map<string, Map<string, string[]>> {
  const graph = new Map<string, Map<string, string[]>>();
  for (const file of files) {
    if (!file.folder || PLUMBING.has(file.folder)) continue;
    for (const target of importsOf(file)) {
      const to = target.includes('/') ? target.split('/')[0] : '';
      if (!to || to === file.folder || PLUMBING.has(to)) continue;
      const edges = graph.get(file.folder) ?? new Map<string, string[]>();
      edges.set(to, [...(edges.get(to) ?? []), `${file.path} -> ${target}`]);
      graph.set(file.folder, edges);
    }
  }
  return graph;
}

/** Strongly connected components of more than one folder (Tarjan). */
export function cycles(graph: Map<string, Map<string, string[]>>): string[][] {
  let index = 0;
  const stack: string[] = [];
  const onStack = new Set<string>();
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const found: string[][] = [];
  const visit = (v: string) => {
    indices.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!indices.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indices.get(w)!));
    }
    if (low.get(v) === indices.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!indices.has(v)) visit(v);
  return found;
}

/** Entity class name → the folder that owns its table. */
function owners(files: Source[]): Map<string, string> {
  const owner = new Map<string, string>();
  for (const file of files) {
    if (!file.path.endsWith('.entity.ts')) continue;
    for (const m of file.text.matchAll(/@(?:Entity|ViewEntity)\([\s\S]*?export class (\w+)/g)) owner.set(m[1], file.folder);
  }
  return owner;
}

/** Places where code reaches a table through an entity class: repositories, query builders, managers. */
const TABLE_ACCESS =
  /(?:getRepository|InjectRepository|\.into|\.from|\.update|\.delete|\.insert|\.upsert|\.save|\.remove|\.softDelete|\.increment|\.decrement|\.count\w*|\.find\w*|\.exist\w*|\.query|\.createQueryBuilder|\.(?:inner|left)Join(?:AndSelect|AndMapOne|AndMapMany)?|\.preload|\.merge|\.create|\.sum|\.average|\.minimum|\.maximum)\(\s*(\w+)\s*[,)]/g;

export function foreignTableAccess(files: Source[]): string[] {
  const owner = owners(files);
  const found: string[] = [];
  for (const file of files) {
    if (COMPOSITION_ROOT.has(file.folder)) continue;
    for (const m of file.text.matchAll(TABLE_ACCESS)) {
      const table = owner.get(m[1]);
      if (table !== undefined && table !== file.folder) found.push(`${file.path}: ${m[0].trim()} (${m[1]} belongs to ${table}/)`);
    }
  }
  return found;
}

describe('architecture', () => {
  const files = sources();

  it('finds the domains and their tables (the checks below read real source)', () => {
    expect(files.length).toBeGreaterThan(100);
    const owner = owners(files);
    expect(owner.get('CaseTask')).toBe('cases');
    expect(owner.get('CaseRecord')).toBe('cases');
    expect(domainGraph(files).get('tasks')?.has('cases')).toBe(true);
  });

  it('has no folder-level import cycle among the domains', () => {
    const graph = domainGraph(files);
    const found = cycles(graph).map((component) => {
      const edges = component.flatMap((from) => component.flatMap((to) => (graph.get(from)?.get(to) ?? []).slice(0, 2)));
      return `${component.join(' ⇄ ')}\n    ${edges.join('\n    ')}`;
    });
    expect(found).toEqual([]);
  });

  it('reads and writes no other module’s table through a repository or query builder', () => {
    expect(foreignTableAccess(files)).toEqual([]);
  });

  it('keeps job handlers in <module>/<name>.jobs.ts and the outbox relay to the queue module', () => {
    const handlersElsewhere = files.filter((file) => /@JobHandler\(/.test(file.text) && !file.path.endsWith('.jobs.ts') && !file.path.startsWith('queue/'));
    expect(handlersElsewhere.map((file) => file.path)).toEqual([]);
    const relayUsers = files.filter((file) => file.folder !== 'queue' && /outbox-relay\.service\.js'/.test(file.text));
    expect(relayUsers.map((file) => file.path)).toEqual([]);
    expect(files.filter((file) => file.path.endsWith('.jobs.ts')).length).toBeGreaterThanOrEqual(6);
  });

  it('names every integration spec by its kind (medium, e2e, system, browser)', () => {
    const specs = readdirSync('test', { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.spec.ts'));
    expect(specs.length).toBeGreaterThan(40);
    expect(specs.filter((file) => !/\.(medium|e2e|system|browser)\.spec\.ts$/.test(file))).toEqual([]);
  });

  it('the cycle and table checks can fail (self-test on made-up sources)', () => {
    const fake = (path: string, text: string): Source => ({ path, folder: path.split('/')[0], text });
    const made = [
      fake('a/a.service.ts', "import { B } from '../b/b.service.js';"),
      fake('b/b.service.ts', "import { A } from '../a/a.service.js';\nthis.tx.getRepository(Thing).find();"),
      fake('a/thing.entity.ts', "@Entity({ name: 'thing' })\nexport class Thing {}"),
    ];
    expect(cycles(domainGraph(made))).toEqual([['a', 'b']]);
    expect(foreignTableAccess(made)).toHaveLength(1);
  });
});

describe('lint rules of the boundaries and the clock (eslint.config.js)', async () => {
  const { Linter } = await import('eslint');
  const tsParser = (await import('@typescript-eslint/parser')).default;
  const { local } = (await import(pathToFileURL(join(ROOT, 'eslint.config.js')).href)) as { local: { rules: Record<string, unknown> } };
  const lint = (file: string, code: string) =>
    new Linter({ configType: 'flat' })
      .verify(code, [{ files: ['**/*.ts'], languageOptions: { parser: tsParser }, plugins: { local } as never, rules: { 'local/module-boundaries': 'error', 'local/no-wall-clock': 'error' } }], join(SRC, file))
      .map((message) => `${message.ruleId}: ${message.message.split(':')[0]}`);

  it("refuses another folder's internal file and accepts its public surface", () => {
    expect(lint('tasks/x.ts', "import { slaEnd } from '../cases/case-engine-internals.js';")).toEqual([
      "local/module-boundaries: 'cases/case-engine-internals' is internal to cases/",
    ]);
    expect(lint('tasks/x.ts', "import { CaseTaskStore } from '../cases/case-task.store.js';\nimport { CasesModule } from '../cases/cases.module.js';\nimport type { CaseTask } from '../cases/case-task.entity.js';")).toEqual([]);
    expect(lint('tasks/x.ts', "import { problem } from '../http/problem.js';\nimport { partiesOf } from '../cases/conflict-of-interest.js';")).toEqual([]);
    expect(lint('database/entities.ts', "import { nextCaseNo } from '../cases/case-number.js';")).toEqual([]);
  });

  it('refuses the wall clock for "now"', () => {
    expect(lint('tasks/x.ts', 'const a = Date.now();\nconst b = new Date();\nconst c = new Date(0);\nconst d = performance.now();')).toEqual([
      'local/no-wall-clock: Read the time from ClockService.now(), not Date.now(). A duration measured with performance.now() is fine.',
      'local/no-wall-clock: Read the time from ClockService.now(), not new Date(). A duration measured with performance.now() is fine.',
    ]);
  });
});
