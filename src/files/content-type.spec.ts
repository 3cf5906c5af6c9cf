import { describe, expect, it } from 'vitest';
import { JPEG_HEAD, PNG_1X1, TIFF_HEAD, minimalPdf } from '../../test/support/files-fixtures.js';
import { SNIFF_BYTES, classifyZip, sniff } from './content-type.js';

const text = (value: string) => Buffer.from(value, 'utf8');

describe('sniff', () => {
  it('recognises the allowed types from their first bytes', () => {
    expect(sniff(minimalPdf())).toEqual({ kind: 'allowed', type: 'application/pdf' });
    expect(sniff(PNG_1X1)).toEqual({ kind: 'allowed', type: 'image/png' });
    expect(sniff(JPEG_HEAD)).toEqual({ kind: 'allowed', type: 'image/jpeg' });
    expect(sniff(TIFF_HEAD)).toEqual({ kind: 'allowed', type: 'image/tiff' });
    expect(sniff(Buffer.from([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8]))).toEqual({ kind: 'allowed', type: 'image/tiff' });
  });

  it('leaves a ZIP container undecided: only its directory can show it is OFD', () => {
    expect(sniff(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).toEqual({ kind: 'zip' });
  });

  it('needs the signature at the very start', () => {
    expect(sniff(text(' %PDF-1.4'))).toEqual({ kind: 'refused', type: 'text/plain' });
    expect(sniff(PNG_1X1.subarray(1))).toMatchObject({ kind: 'refused' });
  });

  it('names what it refuses', () => {
    const refused = (head: Uint8Array) => sniff(head);
    expect(refused(text('GIF89a'))).toEqual({ kind: 'refused', type: 'image/gif' });
    expect(refused(Buffer.concat([text('RIFF'), Buffer.from([0, 0, 0, 0]), text('WEBPVP8 ')]))).toEqual({ kind: 'refused', type: 'image/webp' });
    expect(refused(Buffer.from([0x4d, 0x5a, 0x90, 0x00]))).toEqual({ kind: 'refused', type: 'application/x-msdownload' });
    expect(refused(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1]))).toEqual({ kind: 'refused', type: 'application/x-elf' });
    expect(refused(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toEqual({ kind: 'refused', type: 'application/x-ole-storage' });
    expect(refused(Buffer.from([0x1f, 0x8b, 0x08]))).toEqual({ kind: 'refused', type: 'application/gzip' });
    expect(refused(text('\uFEFF  <!DOCTYPE html><html>'))).toEqual({ kind: 'refused', type: 'text/html' });
    expect(refused(text('<svg xmlns="http://www.w3.org/2000/svg">'))).toEqual({ kind: 'refused', type: 'image/svg+xml' });
    expect(refused(text('<?xml version="1.0"?><a/>'))).toEqual({ kind: 'refused', type: 'application/xml' });
    expect(refused(text('申请书\n姓名：张伟\r\n'))).toEqual({ kind: 'refused', type: 'text/plain' });
    expect(refused(Buffer.from([0x00, 0x01, 0x02, 0xfe]))).toEqual({ kind: 'refused', type: 'application/octet-stream' });
  });

  it('calls UTF-8 text cut inside a character at the sniffing window still text', () => {
    const chinese = text('营'.repeat(SNIFF_BYTES));
    expect(sniff(chinese.subarray(0, SNIFF_BYTES))).toEqual({ kind: 'refused', type: 'text/plain' });
    expect(sniff(chinese.subarray(0, SNIFF_BYTES - 1))).toEqual({ kind: 'refused', type: 'text/plain' });
  });

  it('does not call bytes with control characters text', () => {
    expect(sniff(text('abc\u0000def'))).toEqual({ kind: 'refused', type: 'application/octet-stream' });
    expect(sniff(text('abc\u001bdef'))).toEqual({ kind: 'refused', type: 'application/octet-stream' });
  });
});

describe('classifyZip', () => {
  it('accepts a container with OFD.xml at its root as OFD', () => {
    expect(classifyZip(['OFD.xml', 'Doc_0/Document.xml'])).toEqual({ kind: 'allowed', type: 'application/ofd' });
  });

  it('refuses other archives, OFD.xml in a folder, and unreadable ones as ZIP', () => {
    for (const names of [['word/document.xml', '[Content_Types].xml'], ['x/OFD.xml'], ['ofd.xml'], [], null]) {
      expect(classifyZip(names)).toEqual({ kind: 'refused', type: 'application/zip' });
    }
  });
});
