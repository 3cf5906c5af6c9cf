import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minimalOfd, zipArchive } from '../../test/support/files-fixtures.js';
import { archiveProblem, zipEntries, type ReadAt } from './zip-directory.js';

const reader =
  (bytes: Uint8Array): ReadAt =>
  async (position, length) =>
    bytes.subarray(position, position + length);

const entriesOf = (bytes: Uint8Array) => zipEntries(reader(bytes), bytes.length);
const namesOf = async (bytes: Uint8Array) => (await entriesOf(bytes))?.map((entry) => entry.name) ?? null;

describe('zipEntries', () => {
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

/** Declares a size in every central directory entry of an archive, as a ZIP bomb's would be (or lie). */
function declaringSize(archive: Buffer, uncompressedSize: number): Buffer {
  const patched = Buffer.from(archive);
  for (let at = patched.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); at >= 0; at = patched.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4)) {
    patched.writeUInt32LE(uncompressedSize, at + 24);
  }
  return patched;
}

describe('archiveProblem', () => {
  const limits = { maxEntries: 5, maxUncompressedBytes: 1_000_000 };
  const problemOf = async (archive: Buffer) => archiveProblem((await entriesOf(archive))!, limits);
  const ofdWith = (entries: Record<string, string>) => zipArchive({ 'OFD.xml': '<ofd:OFD/>', ...entries });

  it('reads the sizes the central directory declares', async () => {
    expect(await entriesOf(zipArchive({ 'OFD.xml': '<x/>', 'Doc_0/a.xml': 'hello' }))).toEqual([
      { name: 'OFD.xml', uncompressedSize: 4 },
      { name: 'Doc_0/a.xml', uncompressedSize: 5 },
    ]);
  });

  it('takes an ordinary OFD package', async () => {
    expect(await problemOf(minimalOfd())).toBeNull();
    expect(await problemOf(ofdWith({ 'Doc_0/Pages/Page_0/Content.xml': '<x/>', 'Doc_0/..hidden/ok.xml': 'x', 'a..b': 'x' }))).toBeNull();
  });

  it.each(['../evil.sh', 'Doc_0/../../etc/cron.d/x', '/etc/passwd', '\\Windows\\System32\\x.dll', 'C:\\x.exe', 'c:x', 'Doc_0\\..\\..\\x', '..', 'a/b\u0000.xml', 'a\nb'])(
    'refuses an entry named %j (zip slip)',
    async (name) => {
      expect(await problemOf(ofdWith({ [name]: 'x' }))).toMatchObject({ reason: 'unsafe_path', message: expect.stringContaining('outside') });
    },
  );

  it('refuses more entries than the limit', async () => {
    const many = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`Doc_0/Res/${i}.png`, 'x']));
    expect(await problemOf(ofdWith(many))).toMatchObject({ reason: 'too_many_entries' });
  });

  it('refuses an archive that declares more uncompressed bytes than the limit, in total', async () => {
    expect(await problemOf(declaringSize(minimalOfd(), 400_000))).toBeNull();
    expect(await problemOf(declaringSize(minimalOfd(), 600_000))).toMatchObject({ reason: 'too_large' });
    expect(await problemOf(declaringSize(minimalOfd(), 0xffffffff))).toMatchObject({ reason: 'too_large' });
  });
});

