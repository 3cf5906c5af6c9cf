import { createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { AuthSecret } from './auth-secret.entity.js';

/** Name of the generated signing secret in `auth_secret`; delete the row (and restart) to rotate it. */
export const GENERATED_JWT_SECRET = 'jwt';

/**
 * The HMAC key that signs and verifies access tokens: JWT_SECRET, the development secret (embedded on
 * loopback only, see loadConfig), or else a secret generated once and shared by every process through the
 * database. Made a KeyObject here, once: given a string, jsonwebtoken would try `createPublicKey` on it at
 * every verification before falling back to a secret key.
 */
export async function accessTokenKey(config: AppConfig, dataSource: DataSource): Promise<KeyObject> {
  const secret = config.auth.jwtSecret ?? (await generatedSecret(dataSource));
  return createSecretKey(Buffer.from(secret, 'utf8'));
}

/** The first process to start writes it; the others' inserts do nothing, and all read the same row. */
async function generatedSecret(dataSource: DataSource): Promise<string> {
  const secrets = dataSource.getRepository(AuthSecret);
  await secrets
    .createQueryBuilder()
    .insert()
    .values({ name: GENERATED_JWT_SECRET, value: randomBytes(48).toString('base64url') })
    .orIgnore()
    .execute();
  return (await secrets.findOneByOrFail({ name: GENERATED_JWT_SECRET })).value;
}
