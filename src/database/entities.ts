import { Bundle } from '../catalog/bundle.entity.js';
import { Department } from '../catalog/department.entity.js';
import { ServiceItem } from '../catalog/service-item.entity.js';
import { Notification } from '../notifications/notification.entity.js';
import { FailedJob } from '../queue/failed-job.entity.js';
import { OutboxMessage } from '../queue/outbox/outbox-message.entity.js';
import { User } from '../users/user.entity.js';
import { WorkflowVersion } from '../workflows/workflow-version.entity.js';

/** Every entity, in one list shared by the app and the migration tools (they must agree). */
export const entities = [Department, ServiceItem, Bundle, WorkflowVersion, User, OutboxMessage, FailedJob, Notification];
