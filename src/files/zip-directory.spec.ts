import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minimalOfd, zipArchive } from '../../test/files-fixtures.js';
import { zipEntryNames, type ReadAt } from './zip-directory.js';

const reader =
  (bytes: Uint8Array): ReadAt =>
  async (position, length) =>
    bytes.subarray(position, position + length);

const namesOf = (bytes: Uint8Array) => zipEntryNames(reader(bytes), bytes.length);

describe('zipEntryNames', () => {
  it('lists the entries from the central directory', async () => {
    expect(await namesOf(minimalOfd())).toEqual(['OFD.xml', 'Doc_0/Document.xml']);
    expect(await namesOf(zipArchive({ '营业执照/扫描件.txt': 'x' }))).toEqual(['营业执照/扫描件.txt']);
    expect(await namesOf(zipArchive({}))).toEqual([]);
  });

  it('finds the end record behind an archive comment, even one that contains its signature', async () => {
    const trap = Buffer.from([0x50, 0x4b, 0x05, 0x06]).toString('latin1');
    expect(await namesOf(zipArchive({ 'OFD.xml': '<x/>' }, `signed ${trap} by 南关区`))).toEqual(['OFD.xml']);
  });

  it('answers null for what is not a well-formed archive', async () => {
    const archive = minimalOfd();
    expect(await namesOf(Buffer.from('PK\u0003\u0004 not really'))).toBeNull();
    expect(await namesOf(archive.subarray(0, archive.length - 5))).toBeNull();
    const outside = Buffer.from(archive);
    outside.writeUInt32LE(archive.length, archive.length - 6);
    expect(await namesOf(outside)).toBeNull();
    const zip64 = Buffer.from(archive);
    zip64.writeUInt32LE(0xffffffff, archive.length - 6);
    expect(await namesOf(zip64)).toBeNull();
    const lying = Buffer.from(archive);
    lying.writeUInt16LE(5, archive.length - 12);
    expect(await namesOf(lying)).toBeNull();
  });

  it('never throws, whatever the bytes', async () => {
    const archive = minimalOfd();
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        const names = await namesOf(bytes);
        expect(names === null || Array.isArray(names)).toBe(true);
      }),
    );
    await fc.assert(
      fc.asyncProperty(fc.nat(archive.length - 1), fc.integer({ min: 0, max: 255 }), async (at, value) => {
        const damaged = Buffer.from(archive);
        damaged[at] = value;
        const names = await namesOf(damaged);
        expect(names === null || Array.isArray(names)).toBe(true);
      }),
    );
  });
});
