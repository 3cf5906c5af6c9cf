import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { DerivedKeys, type KeyRing } from './derived-keys.js';

const FORMAT = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** IVs drawn from the system's CSPRNG this many at a time: one call per IV costs as much as the encryption. */
const IV_BATCH = 4096;

export type FieldCryptoErrorCode = 'field_crypto.format' | 'field_crypto.unknown_key' | 'field_crypto.tampered';

/** A sealed value that cannot be opened: not ours, under a key this process lacks, or changed. */
export class FieldCryptoError extends Error {
  constructor(
    readonly code: FieldCryptoErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'FieldCryptoError';
  }
}

/**
 * Encrypts one kind of field (e.g. ID numbers) with AES-256-GCM and computes its keyed look-up hash
 * (HMAC-SHA-256), both under keys derived from a master key.
 *
 * A sealed value reads `v1.<key id>.<base64url of IV, ciphertext and tag>`: the key id says which master
 * key opens it, so values sealed under an older key stay readable while they are re-encrypted. The
 * field's name is authenticated with it, so a value sealed for one field does not open as another.
 * The look-up hash is deterministic (equal values, equal hashes: exact look-ups and a unique index),
 * which is why it is keyed: without the key, nobody can hash candidate numbers to find a match.
 */
export class FieldCipher {
  private readonly encryption: DerivedKeys;
  private readonly lookup: DerivedKeys;
  private readonly aad: Buffer;
  private ivs = Buffer.alloc(0);
  private ivOffset = 0;

  constructor(keys: KeyRing, field: string) {
    this.encryption = new DerivedKeys(keys, 'field-encryption');
    this.lookup = new DerivedKeys(keys, 'lookup-hash');
    this.aad = Buffer.from(`ywtb/${field}`);
  }

  /** The id of the key new values are sealed under. */
  get currentKeyId(): string {
    return this.encryption.current.id;
  }

  /** Every key id this cipher can open, the current one first. */
  get keyIds(): string[] {
    return this.encryption.all().map((key) => key.id);
  }

  seal(plaintext: string): string {
    const { id, key } = this.encryption.current;
    const iv = this.nextIv();
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(this.aad);
    const body = Buffer.concat([iv, cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return `${FORMAT}.${id}.${body.toString('base64url')}`;
  }

  /** A fresh random IV, never handed out twice (random 96-bit IVs are safe for 2^32 values per key). */
  private nextIv(): Buffer {
    if (this.ivOffset + IV_BYTES > this.ivs.length) {
      this.ivs = randomBytes(IV_BYTES * IV_BATCH);
      this.ivOffset = 0;
    }
    this.ivOffset += IV_BYTES;
    return this.ivs.subarray(this.ivOffset - IV_BYTES, this.ivOffset);
  }

  open(sealed: string): string {
    const [format, keyId, body, ...rest] = sealed.split('.');
    if (format !== FORMAT || !keyId || body === undefined || rest.length > 0) {
      throw new FieldCryptoError('field_crypto.format', 'Not a sealed value of this program');
    }
    const key = this.encryption.get(keyId);
    if (!key) throw new FieldCryptoError('field_crypto.unknown_key', `Sealed under key ${keyId}, which is neither DATA_KEY nor in DATA_KEY_PREVIOUS`);
    const bytes = Buffer.from(body, 'base64url');
    if (bytes.length < IV_BYTES + TAG_BYTES) throw new FieldCryptoError('field_crypto.format', 'The sealed value is truncated');
    const decipher = createDecipheriv('aes-256-gcm', key.key, bytes.subarray(0, IV_BYTES));
    decipher.setAAD(this.aad);
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new FieldCryptoError('field_crypto.tampered', 'The sealed value was changed, or belongs to another field');
    }
  }

  /** The look-up hash new values are stored with. */
  lookupHash(value: string): Buffer {
    return hmac(this.lookup.current.key, value);
  }

  /**
   * Every hash a value may be stored under, the current key's first: while a rotation is under way,
   * rows not yet re-encrypted still carry an older key's hash.
   */
  lookupHashes(value: string): Buffer[] {
    return this.lookup.all().map((key) => hmac(key.key, value));
  }
}

/** The key id a sealed value names (without opening it); null when it is not a sealed value. */
export function sealedKeyId(sealed: string): string | null {
  const [format, keyId] = sealed.split('.');
  return format === FORMAT && keyId ? keyId : null;
}

const hmac = (key: Buffer, value: string) => createHmac('sha256', key).update(value, 'utf8').digest();
