import type { ComponentType } from 'react';
import { CounterPage } from './counter-page';
import { QueuePage } from './queue-page';
import { SubstitutePage } from './substitute-page';
import { TaskPage } from './task-page';

/** The clerk workbench, loaded as one chunk. */
export const clerkPages: Record<string, ComponentType<{ params: Record<string, string> }>> = {
  queue: QueuePage,
  task: TaskPage,
  counter: CounterPage,
  substitute: SubstitutePage,
};
