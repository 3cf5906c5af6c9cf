import { createHash, randomUUID } from 'node:crypto';
import { bundleFieldOf, splitBundleForm, type FieldMapping } from '@app/service-guide';
import { Injectable } from '@nestjs/common';
import { TransactionHost, Transactional } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { Caller } from '../auth/auth.decorators.js';
import { CatalogService } from '../catalog/catalog.service.js';
import type { ServiceItem } from '../catalog/service-item.entity.js';
import { FilesService } from '../files/files.service.js';
import { badRequest, unprocessable, type FieldError } from '../http/problem.js';
import { IdNumberCipher } from '../keys/id-number-cipher.js';
import { ClockService } from '../time/clock.service.js';
import { UsersService } from '../users/users.service.js';
import { WorkflowsService } from '../workflows/workflows.service.js';
import { applicantSnapshot } from './applicant-snapshot.js';
import { caseNumberScope, nextCaseNo } from './case-number.js';
import { CaseEngine, type Actor } from './case-engine.service.js';
import { CaseFiles } from './case-files.js';
import type { SubmitCaseDto, SubmittedCaseView } from './case.dto.js';
import { CaseRecord, type ApplicantSnapshot, type CaseChannel, type SubmittedMaterial } from './case.entity.js';
import { AgentsService } from '../agents/agents.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { formErrors } from './form-validator.js';
import { GENESIS_HASH, canonicalJson } from './history-chain.js';

const submittedView = (record: CaseRecord): SubmittedCaseView => ({
  id: record.id,
  caseNo: record.caseNo,
  status: record.status,
  statutoryDeadline: record.statutoryDeadline,
  promisedDeadline: record.promisedDeadline,
});

/** Whose case it is and how it came in: online by the applicant, by their agent (代办), or at the counter (窗口代录). */
export interface SubmissionParties {
  applicantId: string;
  agentId: string | null;
  enteredBy: string | null;
  channel: CaseChannel;
}

export interface SubmissionResult {
  view: SubmittedCaseView;
  /** true when an earlier submission with the same Idempotency-Key is answered again. */
  replayed: boolean;
}

/** Applications: validated as a whole, numbered, and started on the item's published workflow. */
@Injectable()
export class CaseSubmissionService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly engine: CaseEngine,
    private readonly workflows: WorkflowsService,
    private readonly files: FilesService,
    private readonly clock: ClockService,
    private readonly caseFiles: CaseFiles,
    private readonly idNumbers: IdNumberCipher,
    private readonly agents: AgentsService,
    private readonly notifications: NotificationsService,
    private readonly catalog: CatalogService,
    private readonly users: UsersService,
  ) {}

  /** The caller applies for themself, or with `onBehalfOf` for a principal who authorised them (403 otherwise). */
  @Transactional()
  async submit(caller: Caller, dto: SubmitCaseDto, idempotencyKey: string | undefined): Promise<SubmissionResult> {
    requireItemOrBundle(dto);
    if (dto.onBehalfOf === undefined || dto.onBehalfOf === caller.id) {
      return this.submitFor(caller, { applicantId: caller.id, agentId: null, enteredBy: null, channel: 'online' }, dto, idempotencyKey);
    }
    const bundle = dto.bundleCode === undefined ? null : await this.catalog.bundleOrNull(dto.bundleCode);
    await this.agents.requireAuthorised(caller.id, dto.onBehalfOf, dto.serviceItemCode !== undefined ? [dto.serviceItemCode] : (bundle?.serviceItemCodes ?? [dto.bundleCode!]));
    return this.submitFor(caller, { applicantId: dto.onBehalfOf, agentId: caller.id, enteredBy: null, channel: 'agent' }, dto, idempotencyKey);
  }

  /**
   * An application made by `caller` for `parties.applicantId` (the caller themself, a principal, or a
   * walk-in at the counter). The caller uploaded the materials; the applicant's facts are snapshotted.
   */
  @Transactional()
  async submitFor(caller: Caller, parties: SubmissionParties, dto: SubmitCaseDto, idempotencyKey: string | undefined): Promise<SubmissionResult> {
    requireItemOrBundle(dto);
    const requestHash = createHash('sha256').update(canonicalJson(dto)).digest('hex');
    if (idempotencyKey !== undefined) {
      // Two identical requests racing: the second waits here and then finds the first's case.
      await this.txHost.tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`case-submit:${parties.applicantId}:${idempotencyKey}`]);
      const earlier = await this.txHost.tx.getRepository(CaseRecord).findOneBy({ applicantId: parties.applicantId, idempotencyKey });
      if (earlier) {
        if (earlier.requestHash !== requestHash) {
          throw unprocessable('case.idempotency_key_reused', 'This Idempotency-Key was used for a different application; use a new key.');
        }
        return { view: submittedView(earlier), replayed: true };
      }
    }

    const user = await this.users.account(parties.applicantId);
    if (!user) throw new Error(`The applicant ${parties.applicantId} has no account.`);
    const now = this.clock.now();
    const idNumber = user.idNumberSealed === null ? null : this.idNumbers.open(user.idNumberSealed);
    const applicant = applicantSnapshot({ displayName: user.displayName, idNumber, facts: user.facts }, now);
    const actor: Actor = { id: caller.id, name: caller.displayName };
    await this.files.requireOwned(dto.materials.map((m) => m.fileId), caller.id, (i) => `materials[${i}].fileId`);
    // The key is stored with the case (the one the applicant submitted: the parent of a bundle).
    const keyed = idempotencyKey === undefined ? {} : { idempotencyKey, requestHash };
    const record = dto.serviceItemCode !== undefined
      ? await this.submitItem(dto.serviceItemCode, dto.form, dto.materials, applicant, parties, actor, now, 'form', 'serviceItemCode', undefined, keyed)
      : await this.submitBundle(dto.bundleCode!, dto, applicant, parties, actor, now, keyed);
    if (parties.channel !== 'online') {
      await this.notifications.notify({
        recipientId: parties.applicantId,
        template: 'case.submitted_for_you',
        data: { caseNo: record.caseNo, by: caller.displayName, channel: parties.channel },
      });
    }
    return { view: submittedView(record), replayed: false };
  }

  private async submitItem(
    code: string,
    form: Record<string, unknown>,
    materials: SubmittedMaterial[],
    applicant: ApplicantSnapshot,
    parties: SubmissionParties,
    actor: Actor,
    now: Date,
    formPath: string,
    itemPath: string,
    parent?: CaseRecord,
    keyed: Partial<Pick<CaseRecord, 'idempotencyKey' | 'requestHash'>> = {},
  ): Promise<CaseRecord> {
    const item = await this.catalog.itemOrNull(code);
    if (!item) throw badRequest('case.unknown_item', `There is no service item "${code}".`, [{ path: itemPath, message: 'unknown service item' }]);
    const errors: FieldError[] = [
      ...formErrors(item.formSchema, form, `${item.code}@${item.version}`, formPath),
      ...materialErrors(item, materials, parent !== undefined),
    ];
    if (errors.length > 0) throw badRequest('case.invalid_application', `The application has ${errors.length} problem(s).`, errors);
    const { version } = await this.workflows.published(item.workflowKey);
    const given = new Set(materials.map((m) => m.key));
    const record = this.newCase(parties, applicant, now, {
      caseNo: await nextCaseNo(this.txHost.tx, now.getUTCFullYear(), caseNumberScope(item.code, null)),
      serviceItemCode: item.code,
      bundleCode: parent?.bundleCode ?? null,
      parentId: parent?.id ?? null,
      departmentCode: item.departmentCode,
      workflowKey: item.workflowKey,
      workflowVersion: version,
      form,
      // A bundle's materials are uploaded once; each item keeps those it asks for.
      materials: materials.filter((m) => item.materials.some((listed) => listed.key === m.key)),
      materialList: item.materials,
      materialsOwed: item.materials
        .filter((m) => m.required && m.tolerant && !given.has(m.key))
        .map((m) => ({ key: m.key, name: m.name, dueAt: '', deliveredAt: null })),
      ...keyed,
    });
    await this.engine.start(record, actor, {}, now, item);
    await this.caseFiles.attach(record.id, record.materials);
    return record;
  }

  /** A case as submitted: nothing decided, no clock, an empty history chain. */
  private newCase(parties: SubmissionParties, applicant: ApplicantSnapshot, now: Date, fields: Partial<CaseRecord> & Pick<CaseRecord, 'caseNo' | 'form' | 'materials'>): CaseRecord {
    return this.txHost.tx.getRepository(CaseRecord).create({
      id: randomUUID(),
      applicantId: parties.applicantId,
      agentId: parties.agentId,
      enteredBy: parties.enteredBy,
      channel: parties.channel,
      serviceItemCode: null,
      bundleCode: null,
      parentId: null,
      departmentCode: null,
      workflowKey: null,
      workflowVersion: null,
      status: 'submitted',
      engineState: null,
      materialList: [],
      materialsOwed: [],
      applicant,
      pendingEvaluation: null,
      clock: null,
      statutoryDeadline: null,
      promisedDeadline: null,
      deadlinesProvisional: false,
      clockPaused: false,
      idempotencyKey: null,
      requestHash: null,
      submittedAt: now,
      acceptedAt: null,
      finishedAt: null,
      lastEventAt: now,
      historyHead: GENESIS_HASH,
      historySeq: 0,
      version: 1,
      ...fields,
    });
  }

  /**
   * 一表申请: `form` is one object filled from the bundle's merged form. It is checked against that form
   * as a whole, then split: each child receives exactly the fields its item asks for, under the item's
   * own names (the bundle's field mapping), and is checked against the item's schema again.
   */
  private async submitBundle(
    code: string,
    dto: SubmitCaseDto,
    applicant: ApplicantSnapshot,
    parties: SubmissionParties,
    actor: Actor,
    now: Date,
    keyed: Partial<Pick<CaseRecord, 'idempotencyKey' | 'requestHash'>>,
  ): Promise<CaseRecord> {
    const { bundle, items, merged } = await this.catalog.bundleForm(code).catch((error: unknown) => {
      if ((error as { code?: string }).code === 'catalog.bundle_not_found') {
        throw badRequest('case.unknown_bundle', `There is no bundle "${code}".`, [{ path: 'bundleCode', message: 'unknown bundle' }]);
      }
      throw error;
    });
    const forms = items.map((item) => ({ code: item.code, name: item.name, formSchema: item.formSchema }));
    if (!merged.ok) {
      // Saving the bundle refuses this; only a bundle stored before that check can get here.
      throw unprocessable('case.bundle_form_conflict', `Bundle "${code}" has items whose forms conflict; an administrator must map their fields first.`);
    }
    const cacheKey = `bundle:${bundle.code}@${bundle.version}:${items.map((item) => `${item.code}@${item.version}`).join(',')}`;
    const errors = formErrors(merged.formSchema, dto.form, cacheKey, 'form');
    if (errors.length > 0) throw badRequest('case.invalid_application', `The application has ${errors.length} problem(s).`, errors);
    const childForms = splitBundleForm(dto.form, forms, bundle.fieldMapping);

    const parent = this.newCase(parties, applicant, now, {
      caseNo: await nextCaseNo(this.txHost.tx, now.getUTCFullYear(), caseNumberScope(null, bundle.code)),
      bundleCode: bundle.code,
      form: dto.form,
      materials: dto.materials,
      ...keyed,
    });
    await this.engine.open(parent, actor, now);
    await this.caseFiles.attach(parent.id, parent.materials);
    for (const item of items) {
      try {
        await this.submitItem(item.code, childForms[item.code]!, dto.materials, applicant, parties, actor, now, 'form', 'bundleCode', parent);
      } catch (error) {
        const fields = (error as { errors?: FieldError[] }).errors;
        if (!fields) throw error;
        errors.push(...fields.map((field) => ({ ...field, path: bundleFieldPath(field.path, item.code, bundle.fieldMapping) })));
      }
    }
    // All the items' problems at once; the transaction rolls back, so nothing of the bundle is kept.
    if (errors.length > 0) throw badRequest('case.invalid_application', `The application has ${errors.length} problem(s).`, errors);
    return parent;
  }
}

/** A child's `form.<itemField>` problem, reported at the bundle field the applicant filled. */
function bundleFieldPath(path: string, itemCode: string, mapping: FieldMapping): string {
  const match = /^form\.([A-Za-z0-9_]+)(.*)$/.exec(path);
  return match ? `form.${bundleFieldOf(mapping, itemCode, match[1]!)}${match[2]}` : path;
}

function requireItemOrBundle(dto: SubmitCaseDto): void {
  if ((dto.serviceItemCode === undefined) === (dto.bundleCode === undefined)) {
    throw badRequest('case.item_or_bundle', 'Name exactly one of serviceItemCode and bundleCode.', [
      { path: 'serviceItemCode', message: 'exactly one of serviceItemCode and bundleCode' },
    ]);
  }
}

/** Unknown and repeated keys, and required materials missing (tolerated ones may come later: 容缺). */
function materialErrors(item: ServiceItem, materials: SubmittedMaterial[], partOfBundle: boolean): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  materials.forEach((material, index) => {
    const listed = item.materials.some((m) => m.key === material.key);
    if (!listed && !partOfBundle) errors.push({ path: `materials[${index}].key`, message: `"${item.name}" asks for no material "${material.key}"` });
    if (seen.has(material.key)) errors.push({ path: `materials[${index}].key`, message: `material "${material.key}" is given twice` });
    seen.add(material.key);
  });
  for (const material of item.materials) {
    if (material.required && !material.tolerant && !seen.has(material.key)) {
      errors.push({ path: 'materials', message: `missing required material "${material.key}" (${material.name})` });
    }
  }
  return errors;
}
