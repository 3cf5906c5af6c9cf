import { HttpStatus, Injectable } from '@nestjs/common';
import { TransactionHost, Transactional } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { fieldCount, guideErrors, itemTypeErrors, mergeBundleForm, type FieldMapping, type MergeResult } from '@app/service-guide';
import { In } from 'typeorm';
import { ProblemException, badRequest, conflict, notFound, type FieldError } from '../http/problem.js';
import { Bundle } from './bundle.entity.js';
import type { BundleDetailView, BundleFieldsDto, BundleView, CreateBundleDto, CreateServiceItemDto, DepartmentView, ServiceItemFieldsDto, ServiceItemView } from './catalog.dto.js';
import { Department } from './department.entity.js';
import { checkFormSchema } from './form-schema.js';
import { ServiceItem } from './service-item.entity.js';

const itemView = (item: ServiceItem): ServiceItemView => ({
  code: item.code,
  name: item.name,
  departmentCode: item.departmentCode,
  statutoryDays: item.statutoryDays,
  promisedDays: item.promisedDays,
  materials: item.materials,
  formSchema: item.formSchema,
  workflowKey: item.workflowKey,
  commitmentCheckDays: item.commitmentCheckDays ?? null,
  // Null only on an item written before the 实施清单 fields existed and not edited since.
  itemType: item.itemType!,
  subjectTypes: item.subjectTypes!,
  legalBasis: item.legalBasis!,
  fee: item.fee!,
  location: item.location!,
  officeHours: item.officeHours!,
  consultPhone: item.consultPhone!,
  complaintPhone: item.complaintPhone!,
  onlineDepth: item.onlineDepth!,
});

const bundleView = (bundle: Bundle): BundleView => ({
  code: bundle.code,
  name: bundle.name,
  serviceItemCodes: bundle.serviceItemCodes,
  failurePolicy: bundle.failurePolicy,
  fieldMapping: bundle.fieldMapping,
});

/** The items of a bundle in its order, as the merge needs them. */
const inBundleOrder = (codes: readonly string[], items: readonly ServiceItem[]) =>
  codes.flatMap((code) => items.filter((item) => item.code === code)).map((item) => ({ code: item.code, name: item.name, formSchema: item.formSchema }));

/** One problem per conflict, at the mapping entry that would resolve it, naming both items and the field. */
function conflictErrors(result: Extract<MergeResult, { ok: false }>, names: Map<string, string>): FieldError[] {
  return [
    ...result.mappingErrors,
    ...result.conflicts.map((c) => ({
      path: `fieldMapping.${c.items[1]}.${c.itemFields[1]}`,
      message: `field "${c.field}": ${names.get(c.items[0]) ?? c.items[0]} (${c.items[0]}, field "${c.itemFields[0]}") and ${names.get(c.items[1]) ?? c.items[1]} (${c.items[1]}, field "${c.itemFields[1]}") cannot share it — ${c.reason}; map one of them to another bundle field`,
    })),
  ];
}

/** Departments, service items and bundles: admins write, everyone reads. */
@Injectable()
export class CatalogService {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  private repository<T extends object>(entity: new () => T) {
    return this.txHost.tx.getRepository(entity);
  }

  async departments(): Promise<{ items: DepartmentView[] }> {
    return { items: await this.repository(Department).find({ order: { code: 'ASC' } }) };
  }

  async items(): Promise<{ items: ServiceItemView[] }> {
    return { items: (await this.repository(ServiceItem).find({ order: { code: 'ASC' } })).map(itemView) };
  }

  async item(code: string): Promise<ServiceItemView> {
    return itemView(await this.findItem(code));
  }

  /** For the modules that work with the catalogue (cases, workflows, tasks): its rows, read in the caller's transaction. */
  departmentExists(code: string): Promise<boolean> {
    return this.repository(Department).existsBy({ code });
  }

  async departmentCodes(): Promise<string[]> {
    return (await this.repository(Department).find({ select: { code: true }, order: { code: 'ASC' } })).map((d) => d.code);
  }

  itemOrNull(code: string): Promise<ServiceItem | null> {
    return this.repository(ServiceItem).findOneBy({ code });
  }

  bundleOrNull(code: string): Promise<Bundle | null> {
    return this.repository(Bundle).findOneBy({ code });
  }

  async findItem(code: string): Promise<ServiceItem> {
    const item = await this.repository(ServiceItem).findOneBy({ code });
    if (!item) throw notFound('catalog.item_not_found', `There is no service item "${code}".`);
    return item;
  }

  @Transactional()
  async createItem(dto: CreateServiceItemDto): Promise<ServiceItemView> {
    if (await this.repository(ServiceItem).existsBy({ code: dto.code })) {
      throw conflict('catalog.item_exists', `Service item "${dto.code}" exists; change it with PUT.`);
    }
    await this.checkItem(dto);
    return itemView(await this.repository(ServiceItem).save(this.repository(ServiceItem).create({ ...dto, commitmentCheckDays: dto.commitmentCheckDays ?? null })));
  }

  @Transactional()
  async updateItem(code: string, dto: ServiceItemFieldsDto): Promise<ServiceItemView> {
    const item = await this.repository(ServiceItem).findOne({ where: { code }, lock: { mode: 'pessimistic_write' } });
    if (!item) throw notFound('catalog.item_not_found', `There is no service item "${code}".`);
    await this.checkItem(dto);
    // PUT replaces the item: an absent commitmentCheckDays means no check.
    Object.assign(item, { ...dto, commitmentCheckDays: dto.commitmentCheckDays ?? null });
    await this.checkBundlesOf(item);
    return itemView(await this.repository(ServiceItem).save(item));
  }

  async bundles(): Promise<{ items: BundleView[] }> {
    return { items: (await this.repository(Bundle).find({ order: { code: 'ASC' } })).map(bundleView) };
  }

  /** The bundle with its one merged form (一表申请) and who asks for each field. */
  async bundle(code: string): Promise<BundleDetailView> {
    const { bundle, items, merged } = await this.bundleForm(code);
    const itemFieldCount = items.reduce((sum, item) => sum + fieldCount(item.formSchema), 0);
    if (!merged.ok) {
      // Only a bundle stored before merges were checked can get here: show why, never a 500.
      const conflicts = merged.conflicts.map((c) => ({ field: c.field, items: [...c.items], itemFields: [...c.itemFields], reason: c.reason }));
      return { ...bundleView(bundle), formSchema: null, fieldOwners: {}, fieldSources: {}, itemFieldCount, conflicts };
    }
    return { ...bundleView(bundle), formSchema: merged.formSchema, fieldOwners: merged.fieldOwners, fieldSources: merged.sources, itemFieldCount, conflicts: [] };
  }

  /** A bundle, its items in bundle order and their merged form: what the portal shows and an application is split by. */
  async bundleForm(code: string): Promise<{ bundle: Bundle; items: ServiceItem[]; merged: MergeResult }> {
    const bundle = await this.repository(Bundle).findOneBy({ code });
    if (!bundle) throw notFound('catalog.bundle_not_found', `There is no bundle "${code}".`);
    const found = await this.repository(ServiceItem).findBy({ code: In(bundle.serviceItemCodes) });
    const items = bundle.serviceItemCodes.flatMap((c) => found.filter((item) => item.code === c));
    return { bundle, items, merged: mergeBundleForm(bundle.name, inBundleOrder(bundle.serviceItemCodes, items), bundle.fieldMapping) };
  }

  @Transactional()
  async createBundle(dto: CreateBundleDto): Promise<BundleView> {
    if (await this.repository(Bundle).existsBy({ code: dto.code })) {
      throw conflict('catalog.bundle_exists', `Bundle "${dto.code}" exists; change it with PUT.`);
    }
    await this.checkBundle(dto);
    return bundleView(await this.repository(Bundle).save(this.repository(Bundle).create({ ...dto, fieldMapping: dto.fieldMapping ?? {} })));
  }

  @Transactional()
  async updateBundle(code: string, dto: BundleFieldsDto): Promise<BundleView> {
    const bundle = await this.repository(Bundle).findOne({ where: { code }, lock: { mode: 'pessimistic_write' } });
    if (!bundle) throw notFound('catalog.bundle_not_found', `There is no bundle "${code}".`);
    await this.checkBundle(dto);
    Object.assign(bundle, { ...dto, fieldMapping: dto.fieldMapping ?? {} });
    return bundleView(await this.repository(Bundle).save(bundle));
  }

  /** Everything wrong with an item, answered at once. */
  private async checkItem(dto: ServiceItemFieldsDto): Promise<void> {
    const errors: FieldError[] = [];
    if (!(await this.repository(Department).existsBy({ code: dto.departmentCode }))) {
      errors.push({ path: 'departmentCode', message: `unknown department "${dto.departmentCode}"` });
    }
    if (dto.promisedDays > dto.statutoryDays) errors.push({ path: 'promisedDays', message: 'the promised limit cannot exceed the statutory limit' });
    const seen = new Set<string>();
    dto.materials.forEach((material, index) => {
      if (seen.has(material.key)) errors.push({ path: `materials[${index}].key`, message: `duplicate material key "${material.key}"` });
      seen.add(material.key);
      if (material.tolerant && !material.required) {
        errors.push({ path: `materials[${index}].tolerant`, message: 'only a required material can be tolerated (容缺); an optional one is never missing' });
      }
    });
    errors.push(...checkFormSchema(dto.formSchema));
    errors.push(...guideErrors(dto as unknown as Record<string, unknown>), ...itemTypeErrors(dto.itemType, dto.promisedDays));
    if (errors.length > 0) throw badRequest('catalog.invalid_item', `The service item has ${errors.length} problem(s).`, errors);
  }

  /**
   * Known items, and one form for them all: a field name two items use with different meanings is
   * refused here, when the bundle is saved, never when someone applies.
   */
  private async checkBundle(dto: BundleFieldsDto): Promise<void> {
    const items = await this.repository(ServiceItem).findBy({ code: In(dto.serviceItemCodes) });
    const known = new Set(items.map((item) => item.code));
    const errors: FieldError[] = dto.serviceItemCodes.flatMap((code, index) =>
      known.has(code) ? [] : [{ path: `serviceItemCodes[${index}]`, message: `unknown service item "${code}"` }],
    );
    if (errors.length > 0) throw badRequest('catalog.invalid_bundle', `The bundle has ${errors.length} problem(s).`, errors);
    this.requireMergeable(dto.name, dto.serviceItemCodes, items, dto.fieldMapping ?? {});
  }

  private requireMergeable(name: string, codes: readonly string[], items: readonly ServiceItem[], mapping: FieldMapping, bundleCode?: string): void {
    const merged = mergeBundleForm(name, inBundleOrder(codes, items), mapping);
    if (merged.ok) return;
    const names = new Map(items.map((item) => [item.code, item.name]));
    const errors = conflictErrors(merged, names);
    const about = bundleCode === undefined ? 'The bundle' : `Bundle "${bundleCode}"`;
    throw new ProblemException(
      HttpStatus.BAD_REQUEST,
      merged.conflicts.length > 0 ? 'catalog.bundle_form_conflict' : 'catalog.invalid_bundle',
      merged.conflicts.length > 0
        ? `${about} cannot have one form: ${merged.conflicts.map((c) => `"${c.field}" means different things to ${c.items.join(' and ')}`).join('; ')}.`
        : `${about} has ${errors.length} problem(s) in its field mapping.`,
      errors,
      { conflicts: merged.conflicts.map((c) => ({ ...c, bundleCode })) },
    );
  }

  /** An item's new form must still merge into every bundle that holds it. */
  private async checkBundlesOf(item: ServiceItem): Promise<void> {
    const bundles = await this.repository(Bundle).createQueryBuilder('b').where(':code = ANY(b.service_item_codes)', { code: item.code }).getMany();
    for (const bundle of bundles) {
      const others = (await this.repository(ServiceItem).findBy({ code: In(bundle.serviceItemCodes) })).map((other) => (other.code === item.code ? item : other));
      this.requireMergeable(bundle.name, bundle.serviceItemCodes, others, bundle.fieldMapping, bundle.code);
    }
  }
}
