import type { ComponentType } from 'react';
import { CalendarPage } from './calendar-page';
import { NotificationsPage } from './notifications-page';
import { OperationsPage } from './operations-page';
import { PoliciesPage } from './policies-page';
import { WorkflowsPage } from './workflows-page';

/** The admin console, loaded as one chunk. */
export const adminPages: Record<string, ComponentType<{ params: Record<string, string> }>> = {
  workflows: WorkflowsPage,
  policies: PoliciesPage,
  calendar: CalendarPage,
  notifications: NotificationsPage,
  operations: OperationsPage,
};
