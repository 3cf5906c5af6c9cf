import { FailedJob } from './failed-job.entity.js';
import { OutboxMessage } from './outbox/outbox-message.entity.js';

/** The tables this module owns, registered by the composition root (src/schema.ts). */
export const queueEntities = [OutboxMessage, FailedJob];
