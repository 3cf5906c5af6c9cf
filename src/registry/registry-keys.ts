import { Injectable } from '@nestjs/common';
import { maskResidentId } from '@app/gov-ids';
import { IdNumberCipher } from '../keys/id-number-cipher.js';
import type { SubjectType } from './registry-records.js';
import { plainKey, type KeyStorage } from './registry-tables.js';

/** ID numbers sealed with DATA_KEY (`id_number_sealed`), found and kept unique by their keyed hash (`id_number_hash`). */
export function sealedIdNumbers(cipher: IdNumberCipher): KeyStorage {
  return {
    lookupColumn: 'id_number_hash',
    lookupType: 'bytea',
    lookups: (key) => cipher.lookupHashes(key),
    sealedColumns: [{ column: 'id_number_sealed', sqlType: 'text' }],
    sealedValues: (key) => [cipher.seal(key)],
    logged: maskResidentId,
  };
}

/** How each registry keeps its key: persons' sealed, enterprises' credit codes as they are. */
@Injectable()
export class RegistryKeys {
  private readonly persons: KeyStorage;
  private readonly enterprises = plainKey('uscc');

  constructor(idNumbers: IdNumberCipher) {
    this.persons = sealedIdNumbers(idNumbers);
  }

  of(subjectType: SubjectType): KeyStorage {
    return subjectType === 'person' ? this.persons : this.enterprises;
  }
}
