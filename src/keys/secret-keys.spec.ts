import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { publicKeyIdOf, signingKeyFromSeed } from '@app/field-crypto';
import { loadConfig } from '../config/app-config.js';
import { secretKeys } from './secret-keys.js';

describe('secretKeys', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'ywtb-keys-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('generates missing keys once under DATA_DIR/keys, readable by this user only, and keeps them', () => {
    const first = secretKeys(loadConfig({ DATA_DIR: dataDir }));
    expect(statSync(join(dataDir, 'keys')).mode & 0o777).toBe(0o700);
    for (const file of ['data.key', 'history.key', 'history-signing.key']) expect(statSync(join(dataDir, 'keys', file)).mode & 0o777).toBe(0o600);
    const again = secretKeys(loadConfig({ DATA_DIR: dataDir }));
    expect(again.data.current).toEqual(first.data.current);
    expect(again.history.current).toEqual(first.history.current);
    expect(again.signing.publicKey).toEqual(first.signing.publicKey);
    expect(first.data.current).not.toEqual(first.history.current);
  });

  it('tightens a key file restored with a loose mode', () => {
    secretKeys(loadConfig({ DATA_DIR: dataDir }));
    const file = join(dataDir, 'keys', 'data.key');
    rmSync(file);
    writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o644 });
    secretKeys(loadConfig({ DATA_DIR: dataDir }));
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('takes keys from the environment first, and nothing is written', () => {
    const [data, history, signing, earlier] = [0, 1, 2, 3].map(() => randomBytes(32));
    const keys = secretKeys(
      loadConfig({
        DATA_DIR: dataDir,
        DATA_KEY: data.toString('hex'),
        HISTORY_KEY: history.toString('hex'),
        HISTORY_SIGNING_KEY: signing.toString('hex'),
        HISTORY_VERIFY_KEYS: earlier.toString('base64'),
      }),
    );
    expect(keys.data).toEqual({ current: data, previous: [] });
    expect(keys.history.current).toEqual(history);
    expect(keys.signing.publicKey).toEqual(signingKeyFromSeed(signing).publicKey);
    expect([...keys.verifyKeys.keys()]).toEqual([keys.signing.id, publicKeyIdOf(earlier)]);
    expect(() => statSync(join(dataDir, 'keys'))).toThrow();
  });

  it('refuses a key file that holds no key', () => {
    secretKeys(loadConfig({ DATA_DIR: dataDir }));
    writeFileSync(join(dataDir, 'keys', 'history.key'), 'not a key\n');
    expect(() => secretKeys(loadConfig({ DATA_DIR: dataDir }))).toThrow(/history\.key must be 32 random bytes/);
  });
});
