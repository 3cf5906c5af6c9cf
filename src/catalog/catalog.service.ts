import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Department } from './department.entity.js';

@Injectable()
export class CatalogService {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  async departments(): Promise<{ items: Department[] }> {
    return { items: await this.txHost.tx.getRepository(Department).find({ order: { code: 'ASC' } }) };
  }
}
