import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { In } from 'typeorm';
import { IdNumberCipher } from '../keys/id-number-cipher.js';
import { RegistryEnterprise } from './registry-enterprise.entity.js';
import { RegistryPerson } from './registry-person.entity.js';

/** One person or enterprise of the registries, for real-name checks (实名核验) at registration. */
@Injectable()
export class RegistryLookups {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly idNumbers: IdNumberCipher,
  ) {}

  person(idNumber: string): Promise<RegistryPerson | null> {
    return this.txHost.tx.getRepository(RegistryPerson).findOneBy({ idNumberHash: In(this.idNumbers.lookupHashes(idNumber)) });
  }

  enterprise(uscc: string): Promise<RegistryEnterprise | null> {
    return this.txHost.tx.getRepository(RegistryEnterprise).findOneBy({ uscc });
  }
}
