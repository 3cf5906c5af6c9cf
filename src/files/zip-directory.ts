/** Reads up to `length` bytes at `position` (fewer only at the end of the file). */
export type ReadAt = (position: number, length: number) => Promise<Uint8Array>;

const END_OF_DIRECTORY = 0x06054b50;
const END_OF_DIRECTORY_SIZE = 22;
const MAX_COMMENT_SIZE = 0xffff;
const DIRECTORY_ENTRY = 0x02014b50;
const DIRECTORY_ENTRY_SIZE = 46;

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
// Only ASCII names matter to the callers (OFD.xml); legacy archives may name other entries in GBK or CP437.
const names = new TextDecoder('utf-8');

/** One entry of a ZIP archive as its central directory declares it. */
export interface ZipEntry {
  name: string;
  /** As declared: nothing is decompressed, so a liar is caught only by whoever inflates it, against this. */
  uncompressedSize: number;
}

/**
 * The entries of a ZIP archive, read from its central directory (the authoritative list: local headers
 * may lack sizes and cannot be walked reliably). Null when the bytes are not a well-formed archive, and for
 * ZIP64, which no upload of this size needs. Nothing is decompressed, so a ZIP bomb costs nothing here.
 */
export async function zipEntries(readAt: ReadAt, size: number): Promise<ZipEntry[] | null> {
  if (size < END_OF_DIRECTORY_SIZE) return null;
  const tailStart = Math.max(0, size - END_OF_DIRECTORY_SIZE - MAX_COMMENT_SIZE);
  const tail = await readAt(tailStart, size - tailStart);
  const tailView = view(tail);
  // Only the archive comment follows the end record, so the right signature is the one whose comment fits exactly.
  let end = -1;
  for (let at = tail.length - END_OF_DIRECTORY_SIZE; at >= 0 && end < 0; at--) {
    if (tailView.getUint32(at, true) === END_OF_DIRECTORY && at + END_OF_DIRECTORY_SIZE + tailView.getUint16(at + 20, true) === tail.length) end = at;
  }
  if (end < 0) return null;
  const count = tailView.getUint16(end + 10, true);
  const directorySize = tailView.getUint32(end + 12, true);
  const directoryOffset = tailView.getUint32(end + 16, true);
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) return null;
  if (directoryOffset + directorySize > tailStart + end) return null;

  const directory = await readAt(directoryOffset, directorySize);
  if (directory.length !== directorySize) return null;
  const directoryView = view(directory);
  const found: ZipEntry[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + DIRECTORY_ENTRY_SIZE > directory.length || directoryView.getUint32(at, true) !== DIRECTORY_ENTRY) return null;
    const nameLength = directoryView.getUint16(at + 28, true);
    const next = at + DIRECTORY_ENTRY_SIZE + nameLength + directoryView.getUint16(at + 30, true) + directoryView.getUint16(at + 32, true);
    if (next > directory.length) return null;
    found.push({
      name: names.decode(directory.subarray(at + DIRECTORY_ENTRY_SIZE, at + DIRECTORY_ENTRY_SIZE + nameLength)),
      uncompressedSize: directoryView.getUint32(at + 24, true),
    });
    at = next;
  }
  return found;
}

export interface ArchiveLimits {
  maxEntries: number;
  maxUncompressedBytes: number;
}

export type ArchiveProblem = { reason: 'unsafe_path' | 'too_many_entries' | 'too_large'; message: string };

/** An absolute name: `/x`, `\x`, or a drive letter, `C:x`. */
const ABSOLUTE = /^(?:[/\\]|[A-Za-z]:)/;
/** Control characters: a NUL cuts a name short for C code. */
const CONTROL = /[\u0000-\u001f\u007f]/;
/** `..` as a whole segment, whichever separator a tool honours. */
const climbsOut = (name: string) => name.split(/[/\\]/).includes('..');

/**
 * Whether an archive is unfit to keep, whatever it claims to be: an entry a careless extractor would write
 * outside its folder (zip slip), more entries or more declared bytes than any real document has.
 */
export function archiveProblem(entries: readonly ZipEntry[], limits: ArchiveLimits): ArchiveProblem | null {
  if (entries.length > limits.maxEntries) {
    return { reason: 'too_many_entries', message: `has ${entries.length} entries; at most ${limits.maxEntries} are accepted` };
  }
  const unsafe = entries.find(({ name }) => ABSOLUTE.test(name) || climbsOut(name) || CONTROL.test(name));
  if (unsafe) return { reason: 'unsafe_path', message: `has an entry named ${JSON.stringify(unsafe.name)}, outside the archive's own folder` };
  const total = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (total > limits.maxUncompressedBytes) {
    return { reason: 'too_large', message: `would unpack to ${total} bytes; at most ${limits.maxUncompressedBytes} are accepted` };
  }
  return null;
}
