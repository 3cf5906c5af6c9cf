import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { Response } from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MAX_UPLOAD_BYTES } from '../src/config/app-config.js';
import { FilesService } from '../src/files/files.service.js';
import { PNG_1X1, minimalOfd, minimalPdf, zipArchive } from './support/files-fixtures.js';
import { startTestSystem, type TestSystem } from './support/system.js';

let system: TestSystem;
let dataDir: string;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};
const USERS = ['citizen1', 'citizen2', 'clerk.market-regulation', 'supervisor'] as const;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'ywtb-files-'));
  system = await startTestSystem('single-server', { DATA_DIR: dataDir });
  for (const username of USERS) {
    tokens[username] = await system.login(username);
    ids[username] = (await system.http().get('/api/me').set('Authorization', `Bearer ${tokens[username]}`).expect(200)).body.id;
  }
});

afterAll(async () => {
  await system?.stopAll();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const auth = (username: string) => `Bearer ${tokens[username]}`;

function upload(content: Buffer, filename = 'upload.pdf', as = 'citizen1', contentType?: string) {
  return system
    .http()
    .post('/api/files')
    .set('Authorization', auth(as))
    .attach('file', content, contentType ? { filename, contentType } : { filename });
}

function expectProblem(response: Response, status: number, code: string, path?: string): void {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.body).toMatchObject({ status, code, type: `urn:ywtb:problem:${code}` });
  if (path) expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
}

/** Every file under DATA_DIR, relative to it (the embedded database is not used in this mode). */
function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dataDir, join(entry.parentPath, entry.name)));
}

/** A multipart body written by hand, for file name parameters no client library would send. */
function rawMultipart(filenameParameter: string, content: Buffer) {
  const boundary = `----ywtb${randomUUID()}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; ${filenameParameter}\r\nContent-Type: application/pdf\r\n\r\n`;
  return system
    .http()
    .post('/api/files')
    .set('Authorization', auth('citizen1'))
    .set('Content-Type', `multipart/form-data; boundary=${boundary}`)
    .send(Buffer.concat([Buffer.from(head, 'utf8'), content, Buffer.from(`\r\n--${boundary}--\r\n`)]));
}

/** Raw bytes of the download, whatever its content type. */
function download(id: string, as: string) {
  return system
    .http()
    .get(`/api/files/${id}/content`)
    .set('Authorization', auth(as))
    .buffer(true)
    .parse((response, done) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => done(null, Buffer.concat(chunks)));
    });
}

describe('POST /api/files', () => {
  it('stores a PDF under DATA_DIR/files and answers its hash, size and detected type', async () => {
    const pdf = minimalPdf('证明');
    const response = await upload(pdf, '营业执照.pdf').expect(201);
    expect(response.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      sha256: sha256(pdf),
      size: pdf.length,
      contentType: 'application/pdf',
      originalName: '营业执照.pdf',
      createdAt: expect.any(String),
    });
    const stored = join(dataDir, 'files', sha256(pdf).slice(0, 2), response.body.id);
    expect(readFileSync(stored)).toEqual(pdf);
  });

  it('trusts the bytes, not the name or the declared type', async () => {
    const png = await upload(PNG_1X1, 'photo.pdf', 'citizen1', 'application/pdf').expect(201);
    expect(png.body).toMatchObject({ contentType: 'image/png', size: PNG_1X1.length, sha256: sha256(PNG_1X1) });
    const ofd = await upload(minimalOfd(), 'invoice.zip', 'citizen1', 'application/zip').expect(201);
    expect(ofd.body.contentType).toBe('application/ofd');
  });

  it('refuses a text file named .pdf, and a ZIP that is not OFD, with 415 naming what it found', async () => {
    const text = await upload(Buffer.from('这不是PDF，只是文本。\n'), 'fake.pdf', 'citizen1', 'application/pdf');
    expectProblem(text, 415, 'file.type_not_allowed', 'file');
    expect(text.body.detectedType).toBe('text/plain');
    expect(text.body.detail).toContain('text/plain');
    // Large enough that the refusal comes from the first bytes, while the rest is still arriving.
    const large = await upload(Buffer.alloc(4 * 1024 * 1024, 'not a pdf '), 'big.pdf');
    expectProblem(large, 415, 'file.type_not_allowed');
    const zip = await upload(zipArchive({ 'word/document.xml': '<w/>' }), 'doc.ofd');
    expectProblem(zip, 415, 'file.type_not_allowed');
    expect(zip.body.detectedType).toBe('application/zip');
  });

  it('accepts exactly the limit (20 MiB by default) and answers 413 one byte above it', async () => {
    const atLimit = Buffer.alloc(DEFAULT_MAX_UPLOAD_BYTES, 0x20);
    minimalPdf().copy(atLimit);
    const accepted = await upload(atLimit, 'scan.pdf').expect(201);
    expect(accepted.body).toMatchObject({ size: DEFAULT_MAX_UPLOAD_BYTES, sha256: sha256(atLimit) });
    const tooLarge = await upload(Buffer.concat([atLimit, Buffer.from(' ')]), 'scan.pdf');
    expectProblem(tooLarge, 413, 'file.too_large', 'file');
    expect(tooLarge.body.maxBytes).toBe(DEFAULT_MAX_UPLOAD_BYTES);
  });

  it('answers 400 for an empty file, a missing or misnamed field, extra fields, JSON and broken multipart', async () => {
    expectProblem(await upload(Buffer.alloc(0), 'empty.pdf'), 400, 'file.empty', 'file');
    const post = () => system.http().post('/api/files').set('Authorization', auth('citizen1'));
    expectProblem(await post().field('note', 'hi'), 400, 'validation.failed', 'note');
    expectProblem(await post().attach('document', minimalPdf(), 'a.pdf'), 400, 'upload.unexpected_file', 'document');
    expectProblem(await post().attach('file', minimalPdf(), 'a.pdf').field('purpose', 'x'), 400, 'validation.failed', 'purpose');
    expectProblem(await post().send({ file: 'JVBERi0=' }), 400, 'file.missing', 'file');
    expectProblem(await post(), 400, 'file.missing', 'file');
    const truncated = await post()
      .set('Content-Type', 'multipart/form-data; boundary=XyZ')
      .send('--XyZ\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4 and then the body stops');
    expectProblem(truncated, 400, 'upload.malformed');
    const noBoundary = await post().set('Content-Type', 'multipart/form-data').send('whatever');
    expectProblem(noBoundary, 400, 'upload.malformed');
  });

  it('never turns a client file name into a path', async () => {
    const pdf = minimalPdf(randomUUID());
    const names = ['../../etc/passwd', '..\\..\\boot.ini', `${'长'.repeat(3000)}.pdf`, '\u202Egpj.exe'];
    const stored: string[] = [];
    for (const name of names) stored.push((await upload(pdf, name).expect(201)).body.originalName);
    expect(stored[0]).toBe('passwd');
    expect(stored[1]).toBe('boot.ini');
    expect([...stored[2]]).toHaveLength(200);
    expect(stored[2].endsWith('长.pdf')).toBe(true);
    expect(stored[3]).toBe('gpj.exe');
    // A NUL reaches the server percent-encoded in filename* (RFC 8187); a raw one breaks the part header.
    const encoded = await rawMultipart(`filename*=UTF-8''..%2F..%2Fevil%00%E8%AF%81%E6%98%8E.pdf`, pdf).expect(201);
    expect(encoded.body.originalName).toBe('evil证明.pdf');
    expectProblem(await rawMultipart('filename="evil\u0000.pdf"', pdf), 400, 'upload.malformed');
    for (const path of filesUnder(dataDir)) expect(path).toMatch(/^files\/[0-9a-f]{2}\/[0-9a-f-]{36}$/);
  });

  it('leaves no spooled or partial file behind, whatever the outcome', async () => {
    expect(filesUnder(join(dataDir, 'tmp'))).toEqual([]);
    expect(readdirSync(join(dataDir, 'files', '.partial'))).toEqual([]);
  });

  it('answers 401 without a token, before reading the body', async () => {
    const response = await system.http().post('/api/files').attach('file', minimalPdf(), 'a.pdf');
    expectProblem(response, 401, 'auth.unauthenticated');
  });
});

describe('GET /api/files/:id and /content', () => {
  let fileId: string;
  const pdf = minimalPdf('download');

  beforeAll(async () => {
    fileId = (await upload(pdf, '身份证 "正反面".pdf').expect(201)).body.id;
  });

  it('lets the uploader read the metadata and download the content as a safe attachment', async () => {
    const meta = await system.http().get(`/api/files/${fileId}`).set('Authorization', auth('citizen1')).expect(200);
    expect(meta.body).toMatchObject({ id: fileId, sha256: sha256(pdf), size: pdf.length, contentType: 'application/pdf', originalName: '身份证 正反面.pdf' });
    const response = await download(fileId, 'citizen1').expect(200);
    expect(response.body).toEqual(pdf);
    expect(response.headers).toMatchObject({
      'content-type': 'application/pdf',
      'content-length': String(pdf.length),
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
      'content-disposition': `attachment; filename="___ ___.pdf"; filename*=UTF-8''${encodeURIComponent('身份证 正反面.pdf')}`,
    });
    expect(response.headers['content-security-policy']).toContain('sandbox');
  });

  it('adds the detected extension to a download whose name claims another type', async () => {
    const id = (await upload(PNG_1X1, 'page.html').expect(201)).body.id;
    const response = await download(id, 'citizen1').expect(200);
    expect(response.headers['content-type']).toBe('image/png');
    expect(response.headers['content-disposition']).toContain(`filename*=UTF-8''page.html.png`);
  });

  it('keeps a file that no case references from staff too (personal-data.e2e.spec.ts: the staff of a case read its files)', async () => {
    for (const staff of ['clerk.market-regulation', 'supervisor']) {
      expectProblem(await system.http().get(`/api/files/${fileId}`).set('Authorization', auth(staff)), 404, 'file.not_found');
      await download(fileId, staff).expect(404);
    }
  });

  it("answers another citizen 404, exactly as for a file that does not exist", async () => {
    const foreign = await system.http().get(`/api/files/${fileId}`).set('Authorization', auth('citizen2'));
    expectProblem(foreign, 404, 'file.not_found');
    const denied = await download(fileId, 'citizen2').expect(404);
    expect(JSON.parse((denied.body as Buffer).toString('utf8'))).toMatchObject({ status: 404, code: 'file.not_found' });
    const missingId = randomUUID();
    const missing = await system.http().get(`/api/files/${missingId}`).set('Authorization', auth('citizen2'));
    expect({ ...missing.body, detail: undefined, instance: undefined, requestId: undefined }).toEqual({
      ...foreign.body,
      detail: undefined,
      instance: undefined,
      requestId: undefined,
    });
  });

  it('answers 401 without a token and 400 for a malformed id', async () => {
    expectProblem(await system.http().get(`/api/files/${fileId}/content`), 401, 'auth.unauthenticated');
    await system.http().get('/api/files/not-a-uuid').set('Authorization', auth('citizen1')).expect(400);
  });

  it('is documented in the OpenAPI document', async () => {
    const docs = await system.http().get('/api/docs-json').expect(200);
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/api/files', '/api/files/{id}', '/api/files/{id}/content']));
    expect(docs.body.paths['/api/files'].post.requestBody.content).toHaveProperty('multipart/form-data');
  });
});

describe('FilesService.requireOwned (for the modules that attach files)', () => {
  it('answers the owner\'s files in order, and lists every foreign, unknown or malformed id at its path', async () => {
    const files = (system.app as INestApplication).get(FilesService);
    const mine = (await upload(minimalPdf('a')).expect(201)).body.id as string;
    const mine2 = (await upload(PNG_1X1, 'b.png').expect(201)).body.id as string;
    const theirs = (await upload(minimalPdf('c'), 'c.pdf', 'citizen2').expect(201)).body.id as string;

    const found = await files.requireOwned([mine2, mine, mine2.toUpperCase()], ids.citizen1);
    expect(found.map((file) => file.id)).toEqual([mine2, mine, mine2]);

    const refused = await files.requireOwned([mine, theirs, randomUUID(), 'nope'], ids.citizen1, (i) => `materials[${i}].fileId`).catch((error: unknown) => error);
    expect(refused).toMatchObject({
      code: 'file.unknown',
      errors: [
        { path: 'materials[1].fileId', message: expect.any(String) },
        { path: 'materials[2].fileId', message: expect.any(String) },
        { path: 'materials[3].fileId', message: expect.any(String) },
      ],
    });
    expect((refused as { getStatus(): number }).getStatus()).toBe(400);
    await expect(files.requireOwned([mine], ids['clerk.market-regulation'])).rejects.toMatchObject({ code: 'file.unknown' });
    expect(await files.requireOwned([], ids.citizen1)).toEqual([]);
  });
});
