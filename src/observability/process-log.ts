import { hostname } from 'node:os';
import type { LoggerService } from '@nestjs/common';
import { pino } from 'pino';
import { scrubbedStdout } from '../http/logging.js';

/**
 * Lines of the process itself (ready, stopping, a start-up failure), before or after the application's
 * logger exists: JSON like every other line, scrubbed like every other line.
 */
export const processLog = pino({ base: { pid: process.pid, hostname: hostname() }, level: 'info' }, scrubbedStdout);

type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
const RANK: Record<Level, number> = { fatal: 60, error: 50, warn: 40, info: 30, debug: 20, trace: 10 };

/**
 * Nest's logger until the application's own takes over (migrations, key generation before the
 * application starts): the same JSON lines as processLog, at LOG_LEVEL or above.
 */
export function startupLogger(minimum: string): LoggerService {
  const floor = RANK[minimum as Level] ?? RANK.info;
  const emit =
    (level: Level) =>
    (message: unknown, ...params: unknown[]): void => {
      if (RANK[level] < floor) return;
      const context = typeof params.at(-1) === 'string' ? (params.at(-1) as string) : undefined;
      if (typeof message === 'object' && message !== null) processLog[level]({ context, ...(message as object) });
      else processLog[level]({ context }, String(message));
    };
  return { log: emit('info'), error: emit('error'), warn: emit('warn'), debug: emit('debug'), verbose: emit('trace'), fatal: emit('fatal') };
}
