import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoredObjectMissingError } from './file-storage.js';
import { LocalFileStorage } from './local-file-storage.js';

let root: string;
let storage: LocalFileStorage;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'ywtb-storage-'));
  storage = new LocalFileStorage(join(root, 'files'));
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

const KEY = 'ab/0b0e4c8e-3f7a-4a55-9d5e-111111111111';

describe('LocalFileStorage', () => {
  it('stores, reads back, tells existence and deletes', async () => {
    await storage.put(KEY, Readable.from([Buffer.from('证明'), Buffer.from(' content')]));
    expect(storage.pathOf(KEY)).toBe(join(root, 'files', 'ab', '0b0e4c8e-3f7a-4a55-9d5e-111111111111'));
    expect(await storage.exists(KEY)).toBe(true);
    expect(await text(await storage.get(KEY))).toBe('证明 content');
    await storage.delete(KEY);
    expect(await storage.exists(KEY)).toBe(false);
    await storage.delete(KEY);
  });

  it('rejects a missing key with StoredObjectMissingError', async () => {
    await expect(storage.get(KEY)).rejects.toBeInstanceOf(StoredObjectMissingError);
  });

  it('writes all or nothing: a failing source leaves neither the key nor a partial file', async () => {
    const failing = new Readable({
      read() {
        this.push(Buffer.alloc(1024, 1));
        this.destroy(new Error('client went away'));
      },
    });
    await expect(storage.put(KEY, failing)).rejects.toThrow('client went away');
    expect(await storage.exists(KEY)).toBe(false);
    expect(readdirSync(join(root, 'files', '.partial'))).toEqual([]);
  });

  it('refuses keys that could leave the storage root or hide in it', async () => {
    for (const key of ['../escape', 'a/../../b', '/etc/passwd', '.partial/x', 'a//b', 'a/', 'A/B', 'a\\b', 'a\u0000b', '']) {
      expect(() => storage.pathOf(key)).toThrow();
      await expect(storage.put(key, Readable.from(['x']))).rejects.toThrow();
    }
    expect(readdirSync(root)).toEqual([]);
  });

  it('removes partial writes abandoned by a crashed process, not recent ones', async () => {
    const partial = join(root, 'files', '.partial');
    mkdirSync(partial, { recursive: true });
    writeFileSync(join(partial, 'old'), 'x');
    const twoHoursAgo = (Date.now() - 2 * 3600_000) / 1000;
    utimesSync(join(partial, 'old'), twoHoursAgo, twoHoursAgo);
    writeFileSync(join(partial, 'recent'), 'x');
    await storage.onModuleInit();
    expect(readdirSync(partial)).toEqual(['recent']);
  });
});
