import 'reflect-metadata';
import { startSystem } from './bootstrap.js';
import { ConfigError, loadConfig } from './config/app-config.js';
import { scrubIdentifiers } from './http/logging.js';

/** Start-up and shutdown failures bypass the logger (it may not exist yet), so they are scrubbed here. */
const reportFailure = (error: unknown) => console.error(scrubIdentifiers(error instanceof Error ? (error.stack ?? error.message) : String(error)));

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const system = await startSystem(config);
  console.log(
    system.url
      ? `一网通办 ${config.role} process ready at ${system.url}/api (docs: ${system.url}/api/docs), mode ${config.mode}`
      : `一网通办 worker process ready, mode ${config.mode}`,
  );
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received, stopping`);
    system.close().then(
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
