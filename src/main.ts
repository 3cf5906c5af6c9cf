import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from './config/app-config.js';
import { logOutput } from './http/logging.js';
import { processLog, startupLogger } from './observability/process-log.js';
import { startTracing } from './observability/tracing.js';

/** Start-up and shutdown failures bypass the application's logger (it may not exist yet): one JSON line, scrubbed. */
const reportFailure = (error: unknown) =>
  processLog.fatal({ err: error instanceof Error ? { message: error.message, stack: error.stack } : { message: String(error) } }, 'process failed');

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      processLog.fatal({ problems: error.message }, 'configuration refused');
      process.exit(1);
    }
    throw error;
  }
  Logger.overrideLogger(startupLogger(config.logLevel));
  // Tracing first, then the application: its HTTP, pg and ioredis modules are instrumented as they load.
  const stopTracing = await startTracing(process.env);
  const { startSystem } = await import('./bootstrap.js');
  const system = await startSystem(config);
  processLog.info(
    { role: config.role, mode: config.mode, url: system.url ? `${system.url}/api` : null, docs: system.url ? `${system.url}/api/docs` : null },
    system.url ? `一网通办 ${config.role} process ready at ${system.url}/api` : '一网通办 worker process ready',
  );
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    processLog.info({ signal }, `${signal} received, stopping`);
    system
      .close()
      .then(() => stopTracing?.())
      .then(() => logOutput.flushed())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          reportFailure(error);
          process.exit(1);
        },
      );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  reportFailure(error);
  process.exit(1);
});
