/** The API's views, as the pages use them (../shared/API.md is the contract). */

export type Role = 'citizen' | 'clerk' | 'supervisor' | 'admin';

export interface FieldError {
  path: string;
  message: string;
  /** Rule errors (benefit policies) also say where in the text they are. */
  start?: number;
  end?: number;
  line?: number;
  column?: number;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface UserView {
  id: string;
  username: string;
  roles: Role[];
  departmentCode: string | null;
  displayName?: string;
}

export interface Department {
  code: string;
  name: string;
}

export interface Material {
  key: string;
  name: string;
  required: boolean;
  tolerant: boolean;
}

export interface FormProperty {
  type: 'string' | 'integer' | 'number' | 'boolean';
  title?: string;
  description?: string;
  enum?: (string | number)[];
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  examples?: unknown[];
}

export interface FormSchema {
  title?: string;
  type: 'object';
  required?: string[];
  additionalProperties?: boolean;
  properties: Record<string, FormProperty>;
}

export interface ServiceItem {
  code: string;
  name: string;
  departmentCode: string;
  statutoryDays: number;
  promisedDays: number;
  materials: Material[];
  formSchema: FormSchema;
  workflowKey: string;
}

export interface Bundle {
  code: string;
  name: string;
  serviceItemCodes: string[];
}

export type CaseStatus =
  | 'submitted'
  | 'accepted'
  | 'in_review'
  | 'awaiting_correction'
  | 'paused'
  | 'approved'
  | 'rejected'
  | 'refused'
  | 'withdrawn'
  | 'completed';

export const FINAL_STATUSES: readonly CaseStatus[] = ['approved', 'rejected', 'refused', 'withdrawn', 'completed'];

export interface CaseSummary {
  id: string;
  caseNo: string;
  status: CaseStatus;
  serviceItemCode: string | null;
  bundleCode: string | null;
  departmentCode: string | null;
  submittedAt: string;
  finishedAt: string | null;
  statutoryDeadline: string | null;
  promisedDeadline: string | null;
}

export interface TimelineEntry {
  at: string;
  actor: string;
  action: string;
  from: string | null;
  to: string | null;
  comment: string | null;
}

export interface CorrectionItem {
  key: string;
  reason: string;
  department: string;
}

export interface CaseDetail extends CaseSummary {
  applicant?: { id: string; name: string };
  agent?: { id: string; name: string } | null;
  channel?: 'online' | 'agent' | 'counter';
  workflow: { key: string; version: number } | null;
  currentSteps: string[];
  deadlines: { statutory: string | null; promised: string | null; provisional: boolean };
  clock: { started: boolean; paused: boolean; pausedWorkingDays: number; extendedWorkingDays: number } | null;
  children: CaseSummary[];
  certificates: { code: string; serviceItemCode: string; name: string; issuedAt: string }[];
  correction: { round: number; items: CorrectionItem[] } | null;
  materialsOwed: { key: string; name: string; dueAt: string; deliveredAt: string | null }[];
  form: Record<string, unknown>;
  materials: { key: string; fileId: string }[];
  timeline: TimelineEntry[];
  rating: { score: number; comment: string | null; createdAt: string } | null;
}

export type TaskAction = 'accept' | 'refuse' | 'correction' | 'approve' | 'reject' | 'transfer';

export interface Task {
  id: string;
  caseId: string;
  caseNo: string;
  stepId: string;
  departmentCode: string;
  role: string;
  status: 'open' | 'claimed' | 'completed' | 'cancelled';
  dueAt: string | null;
  claimedBy: string | null;
  allowedActions: TaskAction[];
  serviceItemCode: string | null;
}

export interface UploadedFile {
  id: string;
  sha256: string;
  size: number;
  contentType: string;
  originalName?: string;
}

export interface CertificateVerification {
  valid: boolean;
  code: string;
  name: string;
  serviceItemCode: string;
  holderName: string;
  holderIdentifier: string | null;
  issuedAt: string;
  validUntil: string | null;
  revokedAt: string | null;
  reason: string | null;
}

export interface BenefitGrant {
  id: string;
  policyCode: string;
  policyName: string;
  period: string;
  amount: number;
  status: 'granted' | 'declined' | 'revoked';
  grantedAt: string;
  declinedAt: string | null;
  explanation?: { rule: string; asOf: string; facts: Record<string, unknown> };
}

export type Severity = 'yellow' | 'red';

export interface ForecastItem {
  kind: string;
  severity: Severity;
  caseId: string | null;
  taskId: string | null;
  departmentCode?: string | null;
  detail: string;
  /** What the monitor saw; `caseNo` among them when the flag is about a case. */
  facts?: Record<string, unknown>;
}

export interface RiskFlag extends ForecastItem {
  id: string;
  detectedAt: string;
  status: 'open' | 'acknowledged' | 'resolved';
}

export interface Forecast {
  asOf: string;
  total: number;
  counts: Record<string, number>;
  items: ForecastItem[];
}

export interface TurnaroundRow {
  key: string;
  label: string | null;
  count: number;
  p50Hours: number;
  p90Hours: number;
  overdueRate: number;
}

export interface RatingRow {
  key: string;
  label: string | null;
  count: number;
  average: number;
  low: number;
}

export interface WorkflowSummary {
  key: string;
  name: string;
  versions: { version: number; status: 'draft' | 'published' | 'superseded'; publishedAt: string | null }[];
}

export interface GraphNode {
  id: string;
  kind: string;
  label: string;
}

export interface GraphEdge {
  from: string;
  to: string;
  outcome: string;
  when?: string;
  path: string;
}

export type BenefitPeriod = 'monthly' | 'quarterly' | 'yearly' | 'once';

export interface BenefitPolicy {
  code: string;
  name: string;
  subjectType: 'person' | 'enterprise';
  rule: string;
  amount: number;
  period: BenefitPeriod;
  version: number;
  active: boolean;
  departmentCode: string | null;
  variablesUsed: string[];
}

export interface BenefitRun {
  id: string;
  status: 'queued' | 'running' | 'completed' | 'failed';
  dryRun: boolean;
  policyVersion: number;
  evaluated: number;
  eligible: number;
  granted: number;
  skippedExisting: number;
  error: string | null;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface CalendarDay {
  date: string;
  isWorkday: boolean;
  note: string | null;
  provisional: boolean;
  overridden?: boolean;
}

export const TICKET_STATUSES = ['open', 'visited', 'rectified', 'appealed', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export interface TicketRecord {
  note: string;
  by: string;
  byName: string;
  at: string;
}

/** 差评 整改 ticket (GET /api/rating-tickets/:id). */
export interface RatingTicket {
  id: string;
  caseId: string;
  caseNo: string;
  departmentCode: string | null;
  score: number;
  scoreLabel: string;
  comment: string | null;
  status: TicketStatus;
  outcome: 'resolved' | 'appeal_upheld' | null;
  dueDate: string;
  overdue: boolean;
  visits: TicketRecord[];
  rectification: TicketRecord | null;
  appeal: { reason: string; by: string; byName: string; at: string; upheld: boolean | null; decidedBy: string | null; decidedAt: string | null } | null;
  openedAt: string;
  closedAt: string | null;
}
