import { fileURLToPath } from 'node:url';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

const lib = (name: string) => fileURLToPath(new URL(`./libs/${name}/src/index.ts`, import.meta.url));

const alias = {
  '@app/workflow-engine': lib('workflow-engine'),
  '@app/business-calendar': lib('business-calendar'),
  '@app/rules': lib('rules'),
  '@app/gov-ids': lib('gov-ids'),
  '@app/field-crypto': lib('field-crypto'),
  '@app/notify-core': lib('notify-core'),
  '@app/service-guide': lib('service-guide'),
  '@app/pglite-wire-server': lib('pglite-wire-server'),
  '@app/quota-lease': lib('quota-lease'),
};

// Nest relies on decorator metadata, which esbuild does not emit: SWC compiles the TypeScript.
const plugins = [swc.vite({ module: { type: 'es6' } })];

/** Integration files share one database and Redis prefix per run (global setup) and run one at a time. */
const integration = {
  include: ['test/**/*.spec.ts'],
  environment: 'node',
  globalSetup: ['test/support/global-setup.ts'],
  testTimeout: 60_000,
  hookTimeout: 120_000,
  fileParallelism: false,
};

/**
 * Files that need the process's global state as a fresh program has it: nestjs-pino keeps one pino-http
 * instance per process (made with the first application's log level), OpenTelemetry patches modules as
 * they are first loaded, and the fault and timer tests stop services under systems of their own and read
 * the cluster-wide schedules, which a system another file left running in the same process could hold.
 * They run in a fresh module graph each.
 */
const OWN_PROCESS_STATE = [
  'test/logging.e2e.spec.ts',
  'test/observability.e2e.spec.ts',
  'test/tracing.system.spec.ts',
  'test/durable-timers.system.spec.ts',
  'test/stalled-jobs.system.spec.ts',
  'test/joint-faults.system.spec.ts',
  'test/database-down.system.spec.ts',
  'test/modes.system.spec.ts',
];

export default defineConfig({
  plugins,
  resolve: { alias },
  test: {
    projects: [
      {
        plugins,
        resolve: { alias },
        test: { name: 'unit', include: ['libs/**/*.spec.ts', 'src/**/*.spec.ts', 'bench/**/*.spec.ts'], environment: 'node' },
      },
      {
        plugins,
        resolve: { alias },
        test: {
          ...integration,
          name: 'integration',
          exclude: OWN_PROCESS_STATE,
          // One worker runs the files one after another and keeps the loaded modules between them: importing the
          // program for every file took a third of the suite's time. Each file still starts its own system.
          isolate: false,
        },
      },
      {
        plugins,
        resolve: { alias },
        // After the rest, so the two never run at once.
        test: { ...integration, name: 'integration-isolated', include: OWN_PROCESS_STATE, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
