import type { ComponentType } from 'react';
import { BundlesPage } from './bundles-page';
import { CalendarPage } from './calendar-page';
import { ItemsPage } from './items-page';
import { NotificationsPage } from './notifications-page';
import { OperationsPage } from './operations-page';
import { PoliciesPage } from './policies-page';
import { RegistryPage } from './registry-page';
import { UsersPage } from './users-page';
import { WorkflowsPage } from './workflows-page';

/** The admin console, loaded as one chunk. */
export const adminPages: Record<string, ComponentType<{ params: Record<string, string> }>> = {
  workflows: WorkflowsPage,
  items: ItemsPage,
  bundles: BundlesPage,
  users: UsersPage,
  registry: RegistryPage,
  policies: PoliciesPage,
  calendar: CalendarPage,
  notifications: NotificationsPage,
  operations: OperationsPage,
};
