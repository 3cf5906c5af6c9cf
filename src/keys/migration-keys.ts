import type { MigrationKeys } from '../../migrations/migration-keys.js';
import { legacySealMac } from '../cases/history-chain.js';
import { HistoryKeys } from './history-keys.js';
import { IdNumberCipher } from './id-number-cipher.js';
import type { SecretKeys } from './secret-keys.js';

/** The keys migrations convert data with (they never read the environment themselves). */
export function migrationKeysOf(keys: SecretKeys): MigrationKeys {
  const idNumbers = new IdNumberCipher(keys.data);
  const chain = new HistoryKeys(keys).chain.current;
  return {
    sealIdNumber: (idNumber) => idNumbers.protect(idNumber),
    openIdNumber: (sealed) => idNumbers.open(sealed),
    sealHistoryHead: (caseId, seq, head) => ({ keyId: chain.id, mac: legacySealMac(chain.key, caseId, seq, head) }),
  };
}
