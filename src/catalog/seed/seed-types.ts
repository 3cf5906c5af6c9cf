// Shapes of the seed data. Deliberately free of Nest/TypeORM: the seeder and the tests
// read these constants as plain data, and the workflow shape is exactly the document the
// engine validates (see DESIGN.md, "Workflow definitions").
import type { FieldMapping, ServiceGuide } from '@app/service-guide';
import type { DepartmentCode } from './departments.js';

export interface Department {
  readonly code: string;
  readonly name: string;
}

// ---------------------------------------------------------------------------------------
// Form schema: the JSON Schema 2020-12 subset the seed uses. Properties are scalars only,
// because auto rules address them as `form.<property>` with a CEL type derived from `type`
// (integer -> int, number -> double, string -> string, boolean -> bool).
// Every property carries at least one example, which the tests validate against it.

interface PropertyBase {
  readonly title: string;
  readonly description?: string;
}

export interface StringProperty extends PropertyBase {
  readonly type: 'string';
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly format?: 'date' | 'email';
  readonly enum?: readonly [string, ...string[]];
  readonly examples: readonly [string, ...string[]];
}

export interface NumericProperty extends PropertyBase {
  readonly type: 'number' | 'integer';
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly multipleOf?: number;
  readonly examples: readonly [number, ...number[]];
}

export interface BooleanProperty extends PropertyBase {
  readonly type: 'boolean';
  readonly examples: readonly [boolean, ...boolean[]];
}

export type FormProperty = StringProperty | NumericProperty | BooleanProperty;

export interface FormSchema {
  readonly $schema: 'https://json-schema.org/draft/2020-12/schema';
  readonly type: 'object';
  readonly title: string;
  readonly required: readonly string[];
  readonly additionalProperties: false;
  readonly properties: Readonly<Record<string, FormProperty>>;
}

// ---------------------------------------------------------------------------------------
// Catalogue

export interface Material {
  /** Shared across items, so that a bundle asks for one upload per key. */
  readonly key: string;
  readonly name: string;
  readonly required: boolean;
  /** 容缺受理: the case may be accepted while this material is still missing. */
  readonly tolerant: boolean;
}

/** An item with the 实施清单 fields of its service guide. */
export interface ServiceItem extends ServiceGuide {
  readonly code: string;
  readonly name: string;
  readonly departmentCode: DepartmentCode;
  /** 法定时限, working days. */
  readonly statutoryDays: number;
  /** 承诺时限, working days; never longer than the statutory limit. */
  readonly promisedDays: number;
  readonly materials: readonly Material[];
  readonly formSchema: FormSchema;
  readonly workflowKey: string;
  /** 告知承诺: working days within which a case approved on commitment is checked (ServiceItem.commitmentCheckDays). */
  readonly commitmentCheckDays?: number;
}

export type FailurePolicy = 'fail-bundle' | 'finish-rest';

export interface Bundle {
  readonly code: string;
  readonly name: string;
  readonly serviceItemCodes: readonly string[];
  /** What happens to the other items when one is refused or rejected. */
  readonly failurePolicy: FailurePolicy;
  /** 一表申请: item field → bundle field, where items name one thing differently or one name means two things. */
  readonly fieldMapping: FieldMapping;
}

// ---------------------------------------------------------------------------------------
// Workflow definitions

export type EndTarget = 'end:approved' | 'end:rejected' | 'end:refused' | 'end:completed';
/** A step id of the same definition, or an end. */
export type Target = string;

export type QueueRole = 'clerk' | 'reviewer' | 'inspector' | 'approver';

export interface Sla {
  readonly workingDays: number;
}

interface StepBase {
  readonly id: string;
  readonly name: string;
}

export interface ReviewStep extends StepBase {
  readonly type: 'review';
  readonly queue: { readonly department: DepartmentCode; readonly role: QueueRole };
  readonly sla: Sla;
  readonly outcomes: Partial<
    Record<'accept' | 'refuse' | 'correction' | 'approve' | 'reject' | 'transfer', Target>
  >;
}

export interface AutoStep extends StepBase {
  readonly type: 'auto';
  /** CEL, boolean, over `form.*` and `applicant.*`. */
  readonly rule: string;
  readonly outcomes: { readonly true: Target; readonly false: Target };
}

export type JoinPolicy = 'all' | 'any' | { readonly quorum: number };

export interface JointStep extends StepBase {
  readonly type: 'joint';
  readonly participants: readonly DepartmentCode[];
  readonly join: JoinPolicy;
  readonly sla: Sla;
  readonly outcomes: { readonly approve: Target; readonly reject: Target };
}

export interface TimerStep extends StepBase {
  readonly type: 'timer';
  readonly duration: { readonly calendarDays: number } | { readonly workingDays: number };
  readonly pausesClock: boolean;
  readonly outcomes: { readonly done: Target };
}

export interface CertificateStep extends StepBase {
  readonly type: 'certificate';
  readonly certificate: { readonly name: string };
  readonly outcomes: { readonly done: Target };
}

export type WorkflowStep = ReviewStep | AutoStep | JointStep | TimerStep | CertificateStep;

export interface WorkflowDefinition {
  readonly key: string;
  readonly name: string;
  readonly serviceItem: string;
  readonly limits: { readonly statutoryDays: number; readonly promisedDays: number };
  readonly steps: readonly WorkflowStep[];
}

// ---------------------------------------------------------------------------------------
// Accounts (passwords come from SEED_PASSWORD, never from here)

export type Role = 'citizen' | 'clerk' | 'supervisor' | 'admin';
export type CreditLevel = 'A' | 'B' | 'C' | 'D';

interface AccountBase {
  readonly username: string;
  readonly roles: readonly Role[];
  readonly displayName: string;
}

export interface StaffAccount extends AccountBase {
  readonly kind: 'staff';
  readonly departmentCode?: DepartmentCode;
}

/** A natural person; the fields are the registry's, so rules see the same facts. */
export interface PersonAccount extends AccountBase {
  readonly kind: 'person';
  readonly idNumber: string;
  readonly gender: 'M' | 'F';
  /** ISO date; `applicant.age` is derived from it. */
  readonly birthDate: string;
  readonly hukouDistrict: string;
  readonly creditLevel: CreditLevel;
  /** 0 none, 1–4 (1 the most severe). */
  readonly disabilityLevel: number;
  /** Yuan per month. */
  readonly monthlyIncome: number;
  readonly householdSize: number;
  readonly phone: string;
}

/** A person applying on behalf of a company (`applicant.isEnterprise`). */
export interface EnterpriseAccount extends AccountBase {
  readonly kind: 'enterprise';
  readonly companyName: string;
  readonly uscc: string;
  readonly enterpriseType: string;
  readonly industry: string;
  readonly employees: number;
  readonly registeredAt: string;
  /** Where the company is registered; reported to rules as `applicant.hukouDistrict`. */
  readonly registeredDistrict: string;
  readonly creditLevel: CreditLevel;
  readonly legalRepresentative: string;
  readonly legalRepresentativeIdNumber: string;
  readonly phone: string;
}

export type SeedAccount = StaffAccount | PersonAccount | EnterpriseAccount;
