import { deriveKey, keyIdOf } from './key-material.js';

/** The current master key, and older ones that may still have protected some values (rotation). */
export interface KeyRing {
  current: Buffer;
  previous: readonly Buffer[];
}

export interface DerivedKey {
  /** The id of the master key it comes from (see keyIdOf). */
  id: string;
  key: Buffer;
}

/** The keys a key ring gives for one purpose, found by the id of their master key. */
export class DerivedKeys {
  readonly current: DerivedKey;
  private readonly byId: ReadonlyMap<string, DerivedKey>;
  private readonly list: readonly DerivedKey[];

  constructor(ring: KeyRing, purpose: string) {
    const derive = (master: Buffer): DerivedKey => ({ id: keyIdOf(master), key: deriveKey(master, purpose) });
    this.current = derive(ring.current);
    this.byId = new Map([this.current, ...ring.previous.map(derive)].map((key) => [key.id, key]));
    this.list = [...this.byId.values()];
  }

  get(id: string): DerivedKey | undefined {
    return this.byId.get(id);
  }

  /** Every key, the current one first. */
  all(): readonly DerivedKey[] {
    return this.list;
  }
}
