import { Injectable } from '@nestjs/common';
import { TransactionHost, Transactional } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { badRequest, conflict, notFound, type FieldError } from '../http/problem.js';
import { Bundle } from './bundle.entity.js';
import type { BundleFieldsDto, BundleView, CreateBundleDto, CreateServiceItemDto, DepartmentView, ServiceItemFieldsDto, ServiceItemView } from './catalog.dto.js';
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
});

const bundleView = (bundle: Bundle): BundleView => ({
  code: bundle.code,
  name: bundle.name,
  serviceItemCodes: bundle.serviceItemCodes,
  failurePolicy: bundle.failurePolicy,
});

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
    return itemView(await this.repository(ServiceItem).save(this.repository(ServiceItem).create({ ...dto })));
  }

  @Transactional()
  async updateItem(code: string, dto: ServiceItemFieldsDto): Promise<ServiceItemView> {
    const item = await this.repository(ServiceItem).findOne({ where: { code }, lock: { mode: 'pessimistic_write' } });
    if (!item) throw notFound('catalog.item_not_found', `There is no service item "${code}".`);
    await this.checkItem(dto);
    Object.assign(item, dto);
    return itemView(await this.repository(ServiceItem).save(item));
  }

  async bundles(): Promise<{ items: BundleView[] }> {
    return { items: (await this.repository(Bundle).find({ order: { code: 'ASC' } })).map(bundleView) };
  }

  async bundle(code: string): Promise<BundleView> {
    const bundle = await this.repository(Bundle).findOneBy({ code });
    if (!bundle) throw notFound('catalog.bundle_not_found', `There is no bundle "${code}".`);
    return bundleView(bundle);
  }

  @Transactional()
  async createBundle(dto: CreateBundleDto): Promise<BundleView> {
    if (await this.repository(Bundle).existsBy({ code: dto.code })) {
      throw conflict('catalog.bundle_exists', `Bundle "${dto.code}" exists; change it with PUT.`);
    }
    await this.checkBundle(dto);
    return bundleView(await this.repository(Bundle).save(this.repository(Bundle).create({ ...dto })));
  }

  @Transactional()
  async updateBundle(code: string, dto: BundleFieldsDto): Promise<BundleView> {
    const bundle = await this.repository(Bundle).findOne({ where: { code }, lock: { mode: 'pessimistic_write' } });
    if (!bundle) throw notFound('catalog.bundle_not_found', `There is no bundle "${code}".`);
    await this.checkBundle(dto);
    Object.assign(bundle, dto);
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
    if (errors.length > 0) throw badRequest('catalog.invalid_item', `The service item has ${errors.length} problem(s).`, errors);
  }

  private async checkBundle(dto: BundleFieldsDto): Promise<void> {
    const items = await this.repository(ServiceItem).findBy(dto.serviceItemCodes.map((code) => ({ code })));
    const known = new Set(items.map((item) => item.code));
    const errors: FieldError[] = dto.serviceItemCodes.flatMap((code, index) =>
      known.has(code) ? [] : [{ path: `serviceItemCodes[${index}]`, message: `unknown service item "${code}"` }],
    );
    if (errors.length > 0) throw badRequest('catalog.invalid_bundle', `The bundle has ${errors.length} problem(s).`, errors);
  }
}
