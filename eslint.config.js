// @ts-check
import path from 'node:path';
import tseslint from 'typescript-eslint';

const SRC = path.join(import.meta.dirname, 'src');

/**
 * Shared plumbing (docs/architecture.md "Boundaries"): every domain may import any of its files. The
 * composition root (`src/*.ts`, `database/`, `cli/`) wires the modules together and may import anything.
 */
const PLUMBING = new Set(['config', 'database', 'cli', 'queue', 'http', 'health', 'time', 'keys', 'observability', 'auth', 'rate-limit', 'web', 'reporting', 'discovery']);
const COMPOSITION_ROOT = new Set(['', 'database', 'cli']);

/** A domain's public surface by role: its module, its services and stores, its DTOs, its entities (for relations), its decorators, guards, pipes and interceptors. */
const PUBLIC_ROLE = /\.(module|service|store|dto|entity|decorators|guard|pipe|interceptor)\.ts$/;

/** Further files a domain offers others: pure helpers and shared vocabularies, named here once (src/-relative, no extension). */
const PUBLIC_FILES = new Set([
  'calendar/calendar-problems',
  'calendar/calendar-listeners',
  'cases/staff-decisions',
  'cases/bundle-status',
  'cases/conflict-of-interest',
  'cases/history-chain',
  'catalog/form-schema',
  // The 南关区 seed data set, one cross-checked whole; each owner's seed writes its own tables from it.
  'catalog/seed/index',
  'files/file-references',
  'identity/id-number-check',
  'identity/person-facts',
  'notifications/retry-policy',
  'notifications/signed-post',
  'registry/registry-records',
  'registry/registry-lookups',
  'registry/registry-tables',
  'registry/personal-fields',
  // Pure planning of timer rows, which the owners of due moments (risk monitor, cases) compute.
  'timers/timer-plan',
  'workflows/workflow-rules',
]);

const folderOf = (relative) => (relative.includes(path.sep) ? relative.split(path.sep)[0] : '');

/** @type {import('eslint').Rule.RuleModule} */
const moduleBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: "Import another src/ folder only through its public surface (docs/architecture.md 'Boundaries')." },
    schema: [],
    messages: {
      internal:
        "'{{target}}' is internal to {{folder}}/: import its module, a service or store, a DTO, an entity (for relations), or a file listed in PUBLIC_FILES of eslint.config.js.",
    },
  },
  create(context) {
    const file = path.relative(SRC, context.filename);
    if (file.startsWith('..') || COMPOSITION_ROOT.has(folderOf(file))) return {};
    const from = folderOf(file);
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = path.relative(SRC, path.resolve(path.dirname(context.filename), source)).replace(/\.js$/, '');
      const to = folderOf(target);
      if (target.startsWith('..') || to === from || !to || PLUMBING.has(to)) return;
      if (PUBLIC_ROLE.test(`${target}.ts`) || PUBLIC_FILES.has(target.split(path.sep).join('/'))) return;
      context.report({ node, messageId: 'internal', data: { target: target.split(path.sep).join('/'), folder: to } });
    };
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};

/** @type {import('eslint').Rule.RuleModule} */
const noWallClock = {
  meta: {
    type: 'problem',
    docs: { description: 'Read "now" from ClockService, the one source of time (tests set it).' },
    schema: [],
    messages: {
      now: "Read the time from ClockService.now(), not {{what}}. A duration measured with performance.now() is fine.",
    },
  },
  create(context) {
    return {
      NewExpression(node) {
        if (node.callee.type === 'Identifier' && node.callee.name === 'Date' && node.arguments.length === 0) {
          context.report({ node, messageId: 'now', data: { what: 'new Date()' } });
        }
      },
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type === 'MemberExpression' && callee.object.type === 'Identifier' && callee.object.name === 'Date' && callee.property.type === 'Identifier' && callee.property.name === 'now') {
          context.report({ node, messageId: 'now', data: { what: 'Date.now()' } });
        }
      },
    };
  },
};

export const local = { rules: { 'module-boundaries': moduleBoundaries, 'no-wall-clock': noWallClock } };

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', '.tmp/**', 'web/dist/**', 'web/src/lib/api-types.ts'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-unsafe-function-type': 'off',
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.spec.ts'],
    plugins: { local },
    rules: { 'local/module-boundaries': 'error', 'local/no-wall-clock': 'error' },
  },
  {
    // The clock itself; the composition root, the CLI and the registry generator script run outside the Nest container (no ClockService there).
    files: ['src/time/clock.service.ts', 'src/database/**/*.ts', 'src/cli/**/*.ts', 'src/registry/generate-registry.ts'],
    rules: { 'local/no-wall-clock': 'off' },
  },
);
