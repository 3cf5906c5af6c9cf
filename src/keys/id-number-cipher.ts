import { FieldCipher, type KeyRing } from '@app/field-crypto';

/**
 * 居民身份证 numbers at rest: sealed with DATA_KEY (AES-256-GCM) and found by their keyed hash. The
 * registry's persons and the accounts use the same keys, so a grant's holder is matched to an account
 * by hash alone, in SQL.
 */
export class IdNumberCipher extends FieldCipher {
  constructor(keys: KeyRing) {
    super(keys, 'id-number');
  }

  /** The stored pair of a number: sealed, and its look-up hash. */
  protect(idNumber: string): { sealed: string; hash: Buffer } {
    return { sealed: this.seal(idNumber), hash: this.lookupHash(idNumber) };
  }
}
