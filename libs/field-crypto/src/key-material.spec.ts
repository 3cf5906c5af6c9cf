import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DerivedKeys } from './derived-keys.js';
import { deriveKey, generateKeyText, keyIdOf, parseKey } from './key-material.js';
import { signingKeyFromSeed, signText, verifyText } from './signing.js';

describe('keys', () => {
  const key = randomBytes(32);

  it('reads 32 bytes as hex, base64 and base64url', () => {
    for (const text of [key.toString('hex'), key.toString('hex').toUpperCase(), key.toString('base64'), key.toString('base64url'), ` ${key.toString('base64')}\n`]) {
      expect(parseKey(text)).toEqual({ ok: true, key });
    }
    expect(parseKey(generateKeyText())).toMatchObject({ ok: true });
  });

  it('refuses passphrases and keys of another length', () => {
    for (const text of ['correct horse battery staple', randomBytes(16).toString('base64'), randomBytes(31).toString('hex'), randomBytes(33).toString('base64'), '']) {
      expect(parseKey(text)).toMatchObject({ ok: false });
    }
  });

  it('derives independent keys per purpose and a stable short id', () => {
    expect(deriveKey(key, 'a')).not.toEqual(deriveKey(key, 'b'));
    expect(deriveKey(key, 'a')).toEqual(deriveKey(Buffer.from(key), 'a'));
    expect(keyIdOf(key)).toMatch(/^[0-9a-f]{8}$/);
    expect(keyIdOf(key)).toBe(keyIdOf(Buffer.from(key)));
    expect(keyIdOf(key)).not.toBe(keyIdOf(randomBytes(32)));
  });

  it('finds a key ring\'s derived keys by id', () => {
    const old = randomBytes(32);
    const keys = new DerivedKeys({ current: key, previous: [old] }, 'history-chain');
    expect(keys.current).toEqual({ id: keyIdOf(key), key: deriveKey(key, 'history-chain') });
    expect(keys.get(keyIdOf(old))?.key).toEqual(deriveKey(old, 'history-chain'));
    expect(keys.get('00000000')).toBeUndefined();
    expect(keys.all().map((k) => k.id)).toEqual([keyIdOf(key), keyIdOf(old)]);
  });
});

describe('Ed25519 signatures', () => {
  const signer = signingKeyFromSeed(randomBytes(32));

  it('verifies with the raw public key only', () => {
    const signature = signText(signer, 'checkpoint 1');
    expect(signer.publicKey).toHaveLength(32);
    expect(signer.id).toMatch(/^[0-9a-f]{8}$/);
    expect(verifyText(signer.publicKey, 'checkpoint 1', signature)).toBe(true);
  });

  it('refuses another text, another key and malformed input', () => {
    const signature = signText(signer, 'checkpoint 1');
    expect(verifyText(signer.publicKey, 'checkpoint 2', signature)).toBe(false);
    expect(verifyText(signingKeyFromSeed(randomBytes(32)).publicKey, 'checkpoint 1', signature)).toBe(false);
    expect(verifyText(signer.publicKey, 'checkpoint 1', 'not base64!')).toBe(false);
    expect(verifyText(Buffer.alloc(5), 'checkpoint 1', signature)).toBe(false);
  });

  it('derives the same key pair from the same seed', () => {
    const seed = randomBytes(32);
    expect(signingKeyFromSeed(seed).publicKey).toEqual(signingKeyFromSeed(Buffer.from(seed)).publicKey);
  });
});
