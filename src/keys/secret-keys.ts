import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Logger } from '@nestjs/common';
import { generateKeyText, parseKey, publicKeyIdOf, signingKeyFromSeed, type KeyRing, type SigningKey } from '@app/field-crypto';
import type { AppConfig } from '../config/app-config.js';

/** Every key the program holds outside the database, resolved: from the environment, or from DATA_DIR/keys. */
export interface SecretKeys {
  data: KeyRing;
  history: KeyRing;
  /** Ids of history keys known lost (HISTORY_KEY_LOST_IDS). */
  historyLostIds: readonly string[];
  signing: SigningKey;
  /** The raw public keys checkpoints may carry signatures of, by key id: the signing key's and HISTORY_VERIFY_KEYS. */
  verifyKeys: ReadonlyMap<string, Buffer>;
}

const KEY_FILES = { data: 'data.key', history: 'history.key', signing: 'history-signing.key' } as const;
const ENV_NAMES = { data: 'DATA_KEY', history: 'HISTORY_KEY', signing: 'HISTORY_SIGNING_KEY' } as const;

/**
 * A key the environment did not give: read from DATA_DIR/keys, or generated there on first use (the
 * folder 0700, the file 0600, created exclusively so two processes starting at once agree on one key).
 * Production never gets here (the configuration requires the variables).
 */
function keyFile(dataDir: string, name: keyof typeof KEY_FILES, mode: AppConfig['mode']): Buffer {
  const dir = resolve(dataDir, 'keys');
  const file = join(dir, KEY_FILES[name]);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  try {
    writeFileSync(file, `${generateKeyText()}\n`, { flag: 'wx', mode: 0o600 });
    const shared = mode === 'embedded' ? '' : `; every process of this deployment must use the same key: set ${ENV_NAMES[name]}`;
    new Logger('Keys').warn(`generated ${ENV_NAMES[name]} in ${file} — back it up apart from the database (docs/security-keys.md)${shared}`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  // A copy restored from a backup may have lost its mode: the key is for this user only.
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  const parsed = parseKey(readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new Error(`${file} ${parsed.message}`);
  return parsed.key;
}

/** The keys of this process. Outside production, a key the environment lacks is kept under DATA_DIR. */
export function secretKeys(config: AppConfig): SecretKeys {
  const { keys, dataDir, mode } = config;
  const data = keys.data ?? { current: keyFile(dataDir, 'data', mode), previous: [] };
  const history = keys.history ?? { current: keyFile(dataDir, 'history', mode), previous: [] };
  const signing = signingKeyFromSeed(keys.historySigning ?? keyFile(dataDir, 'signing', mode));
  const verifyKeys = new Map([signing.publicKey, ...keys.historyVerifyKeys].map((publicKey) => [publicKeyIdOf(publicKey), publicKey]));
  return { data, history, historyLostIds: keys.historyLostIds, signing, verifyKeys };
}
