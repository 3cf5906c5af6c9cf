import { DerivedKeys, type SigningKey } from '@app/field-crypto';
import { HISTORY_CHAIN_PURPOSE } from '../cases/history-chain.js';
import type { SecretKeys } from './secret-keys.js';

/** The keys of tamper evidence: the HMAC keys of history chains, and the checkpoints' signing key. */
export class HistoryKeys {
  /** By HISTORY_KEY id, the current one first; old ones stay for the rows they keyed. */
  readonly chain: DerivedKeys;
  readonly signing: SigningKey;
  /** The raw public keys checkpoints may be signed with, by key id. */
  readonly verifyKeys: ReadonlyMap<string, Buffer>;
  /** Ids of HISTORY_KEYs known lost: rows keyed with them cannot be verified, and start-up knows. */
  readonly lostIds: readonly string[];

  constructor(keys: SecretKeys) {
    this.chain = new DerivedKeys(keys.history, HISTORY_CHAIN_PURPOSE);
    this.lostIds = keys.historyLostIds;
    this.signing = keys.signing;
    this.verifyKeys = keys.verifyKeys;
  }
}
