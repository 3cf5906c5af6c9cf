import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FieldCipher, FieldCryptoError, sealedKeyId } from './field-cipher.js';
import { keyIdOf } from './key-material.js';

const ID = '220102198503141231';
const keyA = randomBytes(32);
const keyB = randomBytes(32);

function openError(cipher: FieldCipher, sealed: string): string {
  try {
    cipher.open(sealed);
  } catch (error) {
    expect(error).toBeInstanceOf(FieldCryptoError);
    return (error as FieldCryptoError).code;
  }
  throw new Error('opened');
}

/** Flips one bit of the sealed bytes at `index` (0: first byte of the IV; -1: last byte of the tag). */
function flipped(sealed: string, index: number): string {
  const [format, keyId, body] = sealed.split('.');
  const bytes = Buffer.from(body!, 'base64url');
  bytes[(index + bytes.length) % bytes.length]! ^= 1;
  return `${format}.${keyId}.${bytes.toString('base64url')}`;
}

describe('FieldCipher', () => {
  const cipher = new FieldCipher({ current: keyA, previous: [] }, 'id-number');

  it('opens what it sealed, naming the key, and seals the same value differently each time', () => {
    const sealed = cipher.seal(ID);
    expect(sealed).toMatch(new RegExp(`^v1\\.${keyIdOf(keyA)}\\.[A-Za-z0-9_-]+$`));
    expect(sealedKeyId(sealed)).toBe(keyIdOf(keyA));
    expect(cipher.open(sealed)).toBe(ID);
    expect(cipher.seal(ID)).not.toBe(sealed);
    expect(sealed).not.toContain(ID);
  });

  it('never reuses an IV, across refills of its pool', () => {
    const ivs = new Set(Array.from({ length: 10_000 }, () => Buffer.from(cipher.seal(ID).split('.')[2]!, 'base64url').subarray(0, 12).toString('hex')));
    expect(ivs.size).toBe(10_000);
  });

  it('round-trips any text, the empty string and characters outside the BMP included', () => {
    for (const value of ['', 'X', '王𠮷祥', 'a'.repeat(10_000)]) expect(cipher.open(cipher.seal(value))).toBe(value);
  });

  it('refuses a changed IV, ciphertext or tag', () => {
    const sealed = cipher.seal(ID);
    for (const index of [0, 12, 20, -1]) expect(openError(cipher, flipped(sealed, index))).toBe('field_crypto.tampered');
  });

  it('refuses a value sealed for another field', () => {
    const other = new FieldCipher({ current: keyA, previous: [] }, 'phone');
    expect(openError(cipher, other.seal(ID))).toBe('field_crypto.tampered');
  });

  it('refuses a value under a key it does not have, and one under a key id that was forged onto it', () => {
    const foreign = new FieldCipher({ current: keyB, previous: [] }, 'id-number');
    expect(openError(cipher, foreign.seal(ID))).toBe('field_crypto.unknown_key');
    const relabelled = foreign.seal(ID).replace(keyIdOf(keyB), keyIdOf(keyA));
    expect(openError(cipher, relabelled)).toBe('field_crypto.tampered');
  });

  it('refuses what is not a sealed value', () => {
    for (const value of [ID, 'v1.', 'v1.abcd', `v2.${keyIdOf(keyA)}.AAAA`, `v1.${keyIdOf(keyA)}.AAAA`, `${cipher.seal(ID)}.x`]) {
      expect(openError(cipher, value)).toMatch(/^field_crypto\.(format|tampered)$/);
    }
    expect(sealedKeyId(ID)).toBeNull();
  });

  it('rotates: seals under the new key, still opens the old key\'s values, and looks up under both', () => {
    const old = new FieldCipher({ current: keyA, previous: [] }, 'id-number');
    const rotated = new FieldCipher({ current: keyB, previous: [keyA] }, 'id-number');
    const before = old.seal(ID);
    expect(rotated.open(before)).toBe(ID);
    expect(sealedKeyId(rotated.seal(ID))).toBe(keyIdOf(keyB));
    expect(rotated.keyIds).toEqual([keyIdOf(keyB), keyIdOf(keyA)]);
    expect(rotated.lookupHashes(ID)).toEqual([rotated.lookupHash(ID), old.lookupHash(ID)]);
    expect(openError(old, rotated.seal(ID))).toBe('field_crypto.unknown_key');
  });

  it('hashes for look-ups deterministically, per key, and unlike a plain SHA-256', () => {
    const again = new FieldCipher({ current: keyA, previous: [] }, 'id-number');
    expect(cipher.lookupHash(ID)).toEqual(again.lookupHash(ID));
    expect(cipher.lookupHash(ID)).toHaveLength(32);
    expect(cipher.lookupHash(ID)).not.toEqual(cipher.lookupHash('220102198503141258'));
    expect(new FieldCipher({ current: keyB, previous: [] }, 'id-number').lookupHash(ID)).not.toEqual(cipher.lookupHash(ID));
  });
});
