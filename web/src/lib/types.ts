/**
 * The API's views, as the pages use them: derived from the types generated from the OpenAPI document
 * (api-types.ts, `npm run api:types`), so a change of the API shows up here as a type error.
 */
import type { components } from './api-types';

type Schemas = components['schemas'];

export type Role = UserView['roles'][number];

/** One field at fault in a problem; rule errors (benefit policies) also say where in the text they are. */
export type FieldError = NonNullable<Schemas['Problem']['errors']>[number] & { code?: string; start?: number; end?: number; line?: number; column?: number };

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type UserView = Schemas['UserView'];
export type Department = Schemas['DepartmentView'];
export type Material = Schemas['MaterialDto'];

/** The JSON Schema subset of a service item's form (ServiceItemView.formSchema). */
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

export type ServiceItem = Omit<Schemas['ServiceItemView'], 'formSchema'> & { formSchema: FormSchema };
export type Bundle = Schemas['BundleView'];

/** GET /api/bundles/:code: one merged form for the whole bundle (一表申请). */
export interface BundleDetail extends Bundle {
  failurePolicy: 'fail-bundle' | 'finish-rest';
  fieldMapping: Record<string, Record<string, string>>;
  formSchema: FormSchema | null;
  fieldOwners: Record<string, string[]>;
  fieldSources: Record<string, { item: string; field: string }[]>;
  itemFieldCount: number;
  conflicts: { field: string; items: string[]; itemFields: string[]; reason: string }[];
}

export interface StaffUser {
  id: string;
  username: string;
  roles: Role[];
  departmentCode: string | null;
  displayName: string;
  disabled: boolean;
  createdAt: string;
}


export type CaseStatus = Schemas['CaseSummaryView']['status'];
export const FINAL_STATUSES: readonly CaseStatus[] = ['approved', 'rejected', 'refused', 'withdrawn', 'completed'];

export type CaseSummary = Schemas['CaseSummaryView'];
export type TimelineEntry = Schemas['TimelineEntryView'];
export type CaseDetail = Schemas['CaseView'];
export type CorrectionItem = NonNullable<CaseDetail['correction']>['items'][number];

export type Task = Schemas['TaskView'];
export type TaskAction = Task['allowedActions'][number];
export type BulkResponse = Schemas['BulkResponseView'];
export type Workload = Schemas['WorkloadView'];
export type MySubstitutes = Schemas['MySubstitutesView'];

export type UploadedFile = Schemas['FileView'];
export type CertificateVerification = Schemas['CertificateVerification'];
export type BenefitGrant = Schemas['GrantDetailView'];

export type ForecastItem = Schemas['ForecastItem'];
export type Severity = ForecastItem['severity'];
export type RiskFlag = Schemas['FlagView'];
export type Forecast = Schemas['ForecastView'];

export type TurnaroundRow = Schemas['TurnaroundRow'];
export type RatingRow = Schemas['RatingRow'];

export type WorkflowSummary = Schemas['WorkflowView'];
export type GraphNode = Schemas['WorkflowGraphView']['nodes'][number];
export type GraphEdge = Schemas['WorkflowGraphView']['edges'][number];

export type BenefitPolicy = Schemas['PolicyView'];
export type BenefitPeriod = BenefitPolicy['period'];
export type BenefitRun = Schemas['RunView'];

export type CalendarDay = Schemas['CalendarDayView'];

export const TICKET_STATUSES = ['open', 'visited', 'rectified', 'appealed', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export type TicketRecord = Schemas['TicketRecordView'];
/** 差评 整改 ticket (GET /api/rating-tickets/:id). */
export type RatingTicket = Schemas['RatingTicketView'];
export type CommitmentCheck = Schemas['CommitmentCheckView'];
export type WorkflowMigration = Schemas['WorkflowMigrationView'];
