import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { HistoryKeys } from './history-keys.js';
import { IdNumberCipher } from './id-number-cipher.js';
import { secretKeys, type SecretKeys } from './secret-keys.js';

const SECRET_KEYS = Symbol('SECRET_KEYS');

/** The keys kept outside the database, as the services that use them need them (docs/security-keys.md). */
@Global()
@Module({
  providers: [
    { provide: SECRET_KEYS, inject: [APP_CONFIG], useFactory: (config: AppConfig) => secretKeys(config) },
    { provide: IdNumberCipher, inject: [SECRET_KEYS], useFactory: (keys: SecretKeys) => new IdNumberCipher(keys.data) },
    { provide: HistoryKeys, inject: [SECRET_KEYS], useFactory: (keys: SecretKeys) => new HistoryKeys(keys) },
  ],
  exports: [IdNumberCipher, HistoryKeys],
})
export class KeysModule {}
