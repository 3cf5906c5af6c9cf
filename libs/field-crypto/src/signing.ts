import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { publicKeyIdOf } from './key-material.js';

// PKCS #8 and SPKI wrappings of a raw Ed25519 key (RFC 8410): Node imports keys only in these forms.
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** An Ed25519 key pair from a 32-byte seed (the private key), with the raw public key auditors are given. */
export interface SigningKey {
  id: string;
  privateKey: KeyObject;
  /** The raw 32-byte public key. */
  publicKey: Buffer;
}

export function signingKeyFromSeed(seed: Buffer): SigningKey {
  const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  const publicKey = createPublicKey(privateKey).export({ format: 'der', type: 'spki' }).subarray(SPKI_PREFIX.length);
  return { id: publicKeyIdOf(publicKey), privateKey, publicKey };
}

/** An Ed25519 signature of the UTF-8 text, base64. */
export function signText(key: SigningKey, text: string): string {
  return sign(null, Buffer.from(text, 'utf8'), key.privateKey).toString('base64');
}

/** Whether `signature` (base64) is the raw public key's Ed25519 signature of the text; false for anything malformed. */
export function verifyText(publicKey: Buffer, text: string, signature: string): boolean {
  try {
    const key = createPublicKey({ key: Buffer.concat([SPKI_PREFIX, publicKey]), format: 'der', type: 'spki' });
    return verify(null, Buffer.from(text, 'utf8'), key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
