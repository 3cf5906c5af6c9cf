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
  EvaluateRule = 'workflow.evaluate-rule',
  FireTimer = 'workflow.fire-timer',
  JointFanOut = 'joint.fan-out',
  JointApplyDecision = 'joint.apply-decision',
  BundleProgress = 'joint.bundle-progress',
  BenefitsRunChunk = 'benefits.run-chunk',
  BenefitsReevaluateSubjects = 'benefits.reevaluate-subjects',
  RiskScan = 'risk.scan',
  RiskCheckCase = 'risk.check-case',
  HistoryCheckpoint = 'history.checkpoint',
  ReleaseHeldNotifications = 'notification.release-held',
  DeliverWebhook = 'webhook.deliver',
  RequeueStrandedWebhooks = 'webhook.requeue-stranded',
}

/** Payloads carry ids only: a worker reloads the row and checks its state before acting. */
export interface JobPayloads {
  [JobName.DeliverNotification]: { notificationId: string };
  [JobName.EvaluateRule]: { caseId: string; evaluationId: string };
  [JobName.FireTimer]: { caseId: string; timerId: string };
  /** Opens the participants' tasks of the joint step the case is at. */
  [JobName.JointFanOut]: { caseId: string; stepId: string };
  /** Applies a participant's recorded decision to the case (the join is evaluated there). */
  [JobName.JointApplyDecision]: { taskId: string };
  /** A child of a bundle finished: apply the bundle's failure policy, finish the parent when all are done. */
  [JobName.BundleProgress]: { parentId: string };
  /** Chunk `chunk` (0-based) of grant run `runId`; the run row holds the policy version, range and cursor. */
  [JobName.BenefitsRunChunk]: { runId: string; chunk: number };
  /** Registry subjects an import created or changed (one import batch, at most 1,000 ids). */
  [JobName.BenefitsReevaluateSubjects]: { subjectType: 'person' | 'enterprise'; subjectIds: string[]; importId: string };
  /** A risk scan asked for by a supervisor; the job scheduler's runs carry null and record their own scan. */
  [JobName.RiskScan]: { scanId: string | null };
  /**
   * Re-evaluates one case's risk flags after it changed, or when its timer `timerId` (kind
   * `case-risk-check`: an SLA, a deadline, a 容缺 due date coming round) fell due.
   */
  [JobName.RiskCheckCase]: { caseId: string; timerId?: string };
  /** Signs the case history heads that changed since the last checkpoint (the cluster-wide schedule's job). */
  [JobName.HistoryCheckpoint]: Record<string, never>;
  /** Sends the SMS held by quiet hours whose morning has come (the cluster-wide schedule's job). */
  [JobName.ReleaseHeldNotifications]: Record<string, never>;
  /** One webhook delivery (its id is the X-Ywtb-Delivery header), sent once the earlier ones of its case are done. */
  [JobName.DeliverWebhook]: { deliveryId: string };
  /** Queues again the deliveries whose sender died mid-send (the cluster-wide schedule's job). */
  [JobName.RequeueStrandedWebhooks]: Record<string, never>;
}

/** Which queue carries each job. */
export const JOB_QUEUE: { readonly [K in JobName]: QueueName } = {
  [JobName.DeliverNotification]: QueueName.Notifications,
  [JobName.EvaluateRule]: QueueName.Workflow,
  [JobName.FireTimer]: QueueName.Workflow,
  [JobName.JointFanOut]: QueueName.JointApproval,
  [JobName.JointApplyDecision]: QueueName.JointApproval,
  [JobName.BundleProgress]: QueueName.JointApproval,
  [JobName.BenefitsRunChunk]: QueueName.Benefits,
  [JobName.BenefitsReevaluateSubjects]: QueueName.Benefits,
  [JobName.RiskScan]: QueueName.RiskMonitor,
  [JobName.RiskCheckCase]: QueueName.RiskMonitor,
  // Tamper evidence is supervision (电子监察) too.
  [JobName.HistoryCheckpoint]: QueueName.RiskMonitor,
  [JobName.ReleaseHeldNotifications]: QueueName.Notifications,
  [JobName.DeliverWebhook]: QueueName.Notifications,
  [JobName.RequeueStrandedWebhooks]: QueueName.Notifications,
};

/** One job to run: a producer and its handler cannot disagree on the payload's type. */
export type JobItem = { [K in JobName]: { name: K; data: JobPayloads[K] } }[JobName];
export type JobOf<K extends JobName> = Extract<JobItem, { name: K }>;
