/**
 * The queues (DESIGN.md "Queues"). Values are stored in the queue backend and in outbox rows:
 * never rename one without a migration that moves its jobs.
 */
export enum QueueName {
  Workflow = 'workflow',
  JointApproval = 'joint-approval',
  Benefits = 'benefits',
  RiskMonitor = 'risk-monitor',
  Notifications = 'notifications',
}

/** Every job the system runs. Same rule as QueueName: values are data, never renamed casually. */
export enum JobName {
  DeliverNotification = 'notification.deliver',
}

/** Payloads carry ids only: a worker reloads the row and checks its state before acting. */
export interface JobPayloads {
  [JobName.DeliverNotification]: { notificationId: string };
}

/** Which queue carries each job. */
export const JOB_QUEUE: { readonly [K in JobName]: QueueName } = {
  [JobName.DeliverNotification]: QueueName.Notifications,
};

/** One job to run: a producer and its handler cannot disagree on the payload's type. */
export type JobItem = { [K in JobName]: { name: K; data: JobPayloads[K] } }[JobName];
export type JobOf<K extends JobName> = Extract<JobItem, { name: K }>;
