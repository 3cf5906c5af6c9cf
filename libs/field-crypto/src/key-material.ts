import { createHash, hkdfSync, randomBytes } from 'node:crypto';

/** Every secret key here is 32 random bytes: AES-256 and HMAC-SHA-256 keys, and Ed25519 seeds. */
export const KEY_BYTES = 32;

export type KeyParse = { ok: true; key: Buffer } | { ok: false; message: string };

/**
 * Reads a key written as 64 hex digits or as base64 (standard or URL-safe, padded or not) of exactly
 * 32 bytes. Anything else is refused rather than stretched: a short passphrase is not a key.
 */
export function parseKey(text: string): KeyParse {
  const trimmed = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return { ok: true, key: Buffer.from(trimmed, 'hex') };
  if (/^[A-Za-z0-9+/_-]{43}={0,1}$/.test(trimmed)) {
    const key = Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (key.length === KEY_BYTES) return { ok: true, key };
  }
  return { ok: false, message: `must be ${KEY_BYTES} random bytes, written as 64 hex digits or base64 (e.g. \`openssl rand -base64 32\`)` };
}

/** A fresh key, as base64: what `openssl rand -base64 32` prints. */
export function generateKeyText(): string {
  return randomBytes(KEY_BYTES).toString('base64');
}

/**
 * A key for one purpose, derived from a master key with HKDF-SHA-256: the encryption key, the look-up
 * key and the key id never share bytes, so knowing one says nothing of the others.
 */
export function deriveKey(master: Buffer, purpose: string, length = KEY_BYTES): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `ywtb/v1/${purpose}`, length));
}

/** A short public name of a key (8 hex digits), stored beside what the key protects so rotation can find the right one. */
export function keyIdOf(master: Buffer): string {
  return deriveKey(master, 'key-id', 4).toString('hex');
}

/** The id of a public key: the first 8 hex digits of its SHA-256. */
export function publicKeyIdOf(publicKey: Buffer): string {
  return createHash('sha256').update(publicKey).digest('hex').slice(0, 8);
}
