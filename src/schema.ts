// The composition root of the schema: every module lists the tables it owns in its own `entities.ts`;
// this file alone assembles them, so `database/` (plumbing) never imports a domain. The app, the CLI
// (migrations, seed), the tests and the benchmarks all use these two functions, so they agree.
import type { DataSource } from 'typeorm';
import { postgresDataSource, postgresOptions, type DataSourceOverrides } from './database/data-source.js';
import { agentsEntities } from './agents/entities.js';
import { auditEntities } from './audit/entities.js';
import { authEntities } from './auth/entities.js';
import { benefitsEntities } from './benefits/entities.js';
import { calendarEntities } from './calendar/entities.js';
import { casesEntities } from './cases/entities.js';
import { catalogEntities } from './catalog/entities.js';
import { certificatesEntities } from './certificates/entities.js';
import { filesEntities } from './files/entities.js';
import { identityEntities } from './identity/entities.js';
import { notificationsEntities } from './notifications/entities.js';
import { queueEntities } from './queue/entities.js';
import { rateLimitEntities } from './rate-limit/entities.js';
import { registryEntities } from './registry/entities.js';
import { riskMonitorEntities } from './risk-monitor/entities.js';
import { timersEntities } from './timers/entities.js';
import { usersEntities } from './users/entities.js';
import { webhooksEntities } from './webhooks/entities.js';
import { workflowsEntities } from './workflows/entities.js';
import { ratingTicketsEntities } from './rating-tickets/entities.js';
import { commitmentChecksEntities } from './commitment-checks/entities.js';
import { substitutesEntities } from './substitutes/entities.js';

/** Every entity: a new module adds one line here (and a migration). test/schema.spec.ts fails on a forgotten one. */
export const entities: Function[] = [
  ...queueEntities,
  ...catalogEntities,
  ...workflowsEntities,
  ...usersEntities,
  ...authEntities,
  ...identityEntities,
  ...agentsEntities,
  ...auditEntities,
  ...rateLimitEntities,
  ...timersEntities,
  ...calendarEntities,
  ...filesEntities,
  ...notificationsEntities,
  ...webhooksEntities,
  ...ratingTicketsEntities,
  ...commitmentChecksEntities,
  ...substitutesEntities,
  ...casesEntities,
  ...certificatesEntities,
  ...registryEntities,
  ...benefitsEntities,
  ...riskMonitorEntities,
];

export function dataSourceOptions(url: string, overrides?: DataSourceOverrides): ReturnType<typeof postgresOptions> {
  return postgresOptions(url, entities, overrides);
}

export function createDataSource(url: string, overrides?: DataSourceOverrides): DataSource {
  return postgresDataSource(url, entities, overrides);
}
