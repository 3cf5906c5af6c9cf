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
          name: 'integration',
          include: ['test/**/*.spec.ts'],
          environment: 'node',
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
