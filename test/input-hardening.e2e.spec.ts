import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zipArchive } from './support/files-fixtures.js';
import { csv, jsonl, personLine } from './support/registry-fixtures.js';
import { auth } from './support/drive.js';
import { startTestSystem, type TestSystem } from './support/system.js';

/** Input that used to reach a 500 or stall the process (issue 12): each is now a clear 4xx problem, quickly. */
let system: TestSystem;
let admin: string;
let citizen: string;

beforeAll(async () => {
  system = await startTestSystem('single-server');
  admin = await system.login('admin');
  citizen = await system.login('citizen1');
});

afterAll(async () => {
  await system?.stopAll();
});

/**
 * CPU time this process spent on `work` (the app runs in-process, so server and client both count). Unlike wall
 * time it does not grow when the shared machine is busy; a body that held the event loop for seconds still shows.
 */
async function cpuMsOf<T>(work: () => PromiseLike<T>): Promise<{ result: T; cpuMs: number }> {
  const before = process.cpuUsage();
  const result = await work();
  const used = process.cpuUsage(before);
  return { result, cpuMs: (used.user + used.system) / 1000 };
}

interface Answer {
  status: number;
  body: Record<string, unknown>;
  headers: Record<string, string>;
}

function expectProblem(response: Answer, status: number, code: string, path?: string): void {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
  expect(response.body).toMatchObject({ status, code, type: `urn:ywtb:problem:${code}` });
  if (path !== undefined) expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
}

const staff = (overrides: Record<string, unknown> = {}) => ({
  username: `tmp.${randomUUID().slice(0, 8)}`,
  password: 'A-long-passphrase-1',
  roles: ['supervisor'],
  displayName: '临时',
  ...overrides,
});

function definitionYaml(key: string, extra = ''): string {
  return `key: ${key}\nname: 测试流程\n${extra}steps:\n  - id: accept\n    type: review\n    queue: { department: health, role: clerk }\n    outcomes: { accept: end:approved, refuse: end:refused }\n`;
}

describe('NUL characters are refused with 400 request.nul_byte naming where they were', () => {
  it('in path parameters', async () => {
    expectProblem(await system.http().get('/api/service-items/%00'), 400, 'request.nul_byte', 'code');
    expectProblem(await system.http().get('/api/certificates/%00/verify'), 400, 'request.nul_byte', 'code');
  });

  it('in query strings', async () => {
    const response = await system.http().get('/api/registry/changes?uscc=%00').set(auth(admin));
    expectProblem(response, 400, 'request.nul_byte', 'uscc');
  });

  it('in body strings, at any depth', async () => {
    expectProblem(await system.http().post('/api/users').set(auth(admin)).send(staff({ displayName: 'a\u0000b' })), 400, 'request.nul_byte', 'displayName');
    const application = { serviceItemCode: '2201-MZ-0002', form: { applicantName: '张\u0000伟' }, materials: [] };
    expectProblem(await system.http().post('/api/cases').set(auth(citizen)).send(application), 400, 'request.nul_byte', 'form.applicantName');
  });

  it('even when a string only becomes NUL after the handler parsed it (a YAML escape)', async () => {
    const yaml = definitionYaml(`nul-${randomUUID().slice(0, 8)}`, 'description: "a\\0b"\n');
    const response = await system.http().post('/api/workflows').set(auth(admin)).set('Content-Type', 'application/yaml').send(yaml);
    expectProblem(response, 400, 'request.nul_byte');
  });

  it('in a streamed registry import: that line is refused, the others are stored', async () => {
    // The bad record is the second: line 3 of a CSV file (after its header), line 2 of JSON Lines.
    for (const [type, body, line] of [
      ['text/csv', (rows: Record<string, unknown>[]) => csv(rows), 3],
      ['application/x-ndjson', (rows: Record<string, unknown>[]) => jsonl(rows), 2],
    ] as const) {
      const [good, bad] = [personLine(), personLine({ name: '张\u0000伟' })];
      const response = await system.http().post('/api/registry/persons/import').set(auth(admin)).set('Content-Type', type).send(body([good, bad]));
      expect(response.status, type).toBe(200);
      expect(response.body).toMatchObject({ imported: 1, rejectedCount: 1, rejected: [{ line, code: 'registry.invalid_value' }] });
    }
  });
});

describe('JSON bodies are measured before they are parsed', () => {
  const deep = (levels: number) => `{"username":${'['.repeat(levels)}${']'.repeat(levels)},"password":"x"}`;

  it('refuses 5,000 levels of nesting on the unauthenticated login with 400 request.too_deep', async () => {
    const response = await system.http().post('/api/auth/login').set('Content-Type', 'application/json').send(deep(5_000));
    expectProblem(response, 400, 'request.too_deep');
  });

  it('refuses nesting past 32 levels everywhere, and takes 32', async () => {
    const response = await system.http().post('/api/cases').set(auth(citizen)).set('Content-Type', 'application/json').send(`{"form":${deep(40)}}`);
    expectProblem(response, 400, 'request.too_deep');
    // 31 arrays inside the body object: 32 levels, which is allowed (and then refused by validation).
    expectProblem(await system.http().post('/api/auth/login').set('Content-Type', 'application/json').send(deep(31)), 400, 'validation.failed');
  });

  it('refuses an object of 60,000 members at once: it used to hold the event loop for seconds', async () => {
    const body = JSON.stringify({ key: 'wide', ...Object.fromEntries(Array.from({ length: 60_000 }, (_, i) => [`k${i}`, 1])) });
    const { result: response, cpuMs } = await cpuMsOf(() =>
      system.http().post('/api/workflows/validate').set(auth(admin)).set('Content-Type', 'application/json').send(body),
    );
    expectProblem(response, 400, 'request.too_many_members');
    expect(cpuMs).toBeLessThan(1_000);
  });

  it('answers the widest body within the limits quickly', async () => {
    // 255 members per object, as many such objects as 256 KiB holds: the worst case class-transformer sees.
    const wide = Object.fromEntries(Array.from({ length: 255 }, (_, i) => [`k${i}`, 0]));
    const form: Record<string, unknown> = {};
    for (let i = 0; JSON.stringify(form).length < 240 * 1024; i++) form[`f${i}`] = wide;
    const body = JSON.stringify({ serviceItemCode: '2201-MZ-0002', form, materials: [] });
    expect(Object.keys(form).length).toBeLessThan(256);
    const post = () => system.http().post('/api/cases').set(auth(citizen)).set('Content-Type', 'application/json').send(body);
    await post(); // the first call of a route warms up the compiler
    const { result: response, cpuMs } = await cpuMsOf(post);
    expect(response.status).toBe(400);
    expect(cpuMs).toBeLessThan(1_000);
  });

  it('refuses a body over 256 KiB with 413 request.too_large, before reading it', async () => {
    const response = await system.http().post('/api/auth/login').send({ username: 'admin', password: 'x'.repeat(300 * 1024) });
    expectProblem(response, 413, 'request.too_large');
    expect(response.body.maxBytes).toBe(256 * 1024);
  });

  it('takes workflow definitions up to 1 MiB, and no more', async () => {
    const description = 'x'.repeat(600 * 1024);
    const large = await system.http().post('/api/workflows/validate').set(auth(admin)).send({ key: 'large', name: '大', description, steps: [] });
    expect(large.status).toBe(200);
    const tooLarge = await system.http().post('/api/workflows/validate').set(auth(admin)).send({ key: 'large', name: '大', description: description.repeat(2), steps: [] });
    expectProblem(tooLarge, 413, 'request.too_large');
  });

  it('reads JSON as UTF-8 only', async () => {
    const body = Buffer.from('{"username":"admin","password":"x"}', 'utf16le');
    const response = await system.http().post('/api/auth/login').set('Content-Type', 'application/json; charset=utf-16le').send(body);
    expectProblem(response, 415, 'request.unsupported_charset');
  });
});

describe('unique violations are conflicts, never 500s', () => {
  it('concurrent POST /api/users with one username: one 201, the others 409 user.username_taken', async () => {
    const account = staff();
    const responses = await Promise.all(Array.from({ length: 8 }, () => system.http().post('/api/users').set(auth(admin)).send(account)));
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    for (const response of responses.filter((r) => r.status === 409)) expectProblem(response, 409, 'user.username_taken', 'username');
  });
});

describe('YAML definitions are read with the core schema only', () => {
  const postYaml = (yaml: string, path = '/api/workflows/validate') =>
    system.http().post(path).set(auth(admin)).set('Content-Type', 'application/yaml').send(yaml);

  it('refuses language-specific and custom tags with 400 workflow.unsafe_yaml', async () => {
    for (const extra of ['description: !!js/function "function () { return process.exit() }"\n', 'description: !shell ls\n', 'description: !!binary aGVsbG8=\n']) {
      for (const path of ['/api/workflows/validate', '/api/workflows']) {
        const response = await postYaml(definitionYaml(`tags-${randomUUID().slice(0, 8)}`, extra), path);
        expectProblem(response, 400, 'workflow.unsafe_yaml');
        expect(JSON.stringify(response.body.errors)).toMatch(/tag/);
      }
    }
  });

  it('refuses an alias bomb (billion laughs) with 400 workflow.unsafe_yaml, quickly', async () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const [name, previous] = [String.fromCharCode(97 + i), String.fromCharCode(96 + i)];
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    const { result: response, cpuMs } = await cpuMsOf(() => postYaml(`${levels.join('\n')}\n`));
    expectProblem(response, 400, 'workflow.unsafe_yaml');
    expect(cpuMs).toBeLessThan(1_000);
  });

  it('takes YAML up to 64 KiB (thousands of keys in one map), and refuses more with 413', async () => {
    const keys: string[] = [];
    for (let i = 0, size = 0; size < 63 * 1024; i++) size += keys[keys.push(`  k${i}: v`) - 1]!.length + 1;
    const yaml = `key: wide\nname: 宽\nsteps: []\nextra:\n${keys.join('\n')}\n`;
    const response = await postYaml(yaml);
    expect(response.status).toBe(200);
    expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: '$.extra', code: 'definition.unknown_field' })]));
    expectProblem(await postYaml(`${yaml}${'#'.repeat(2 * 1024)}\n`), 413, 'request.too_large');
  });

  it('still takes a definition that reuses a block through an alias', async () => {
    const key = `alias-${randomUUID().slice(0, 8)}`;
    const yaml = `key: ${key}\nname: 别名\nsteps:\n  - id: accept\n    type: review\n    queue: &queue { department: health, role: clerk }\n    outcomes: { accept: review, refuse: end:refused }\n  - id: review\n    type: review\n    queue: *queue\n    outcomes: { approve: end:approved, reject: end:rejected }\n`;
    expect((await postYaml(yaml)).body).toEqual({ valid: true });
  });
});

describe('OFD uploads are ZIPs that must be safe to unpack', () => {
  const upload = (archive: Buffer) => system.http().post('/api/files').set(auth(citizen)).attach('file', archive, 'licence.ofd');

  it('refuses an entry that climbs out of the archive with 415 file.unsafe_archive', async () => {
    const response = await upload(zipArchive({ 'OFD.xml': '<ofd:OFD/>', '../../../etc/cron.d/evil': '* * * * * root sh' }));
    expectProblem(response, 415, 'file.unsafe_archive', 'file');
    expect(response.body.reason).toBe('unsafe_path');
  });

  it('refuses an absolute entry name, and takes the same package without it', async () => {
    expectProblem(await upload(zipArchive({ 'OFD.xml': '<ofd:OFD/>', '/etc/passwd': 'x' })), 415, 'file.unsafe_archive', 'file');
    expect((await upload(zipArchive({ 'OFD.xml': '<ofd:OFD/>', 'Doc_0/Document.xml': '<x/>' }))).status).toBe(201);
  });
});

