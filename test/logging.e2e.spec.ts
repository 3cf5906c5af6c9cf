import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { Logger } from '@nestjs/common';
import { Logger as PinoLogger } from 'nestjs-pino';
import { DataSource, QueryFailedError } from 'typeorm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { logOutput } from '../src/http/logging.js';
import { startTestSystem, type TestSystem } from './support/system.js';

/**
 * What reaches the log (个人信息保护法): request ids only when they look like request ids, and no ID
 * number, mobile phone or credit code in any line, whatever wrote it. The program logs to stdout as JSON
 * lines; the test reads what it writes there.
 */
const ID_NUMBER = '22010219400101123X';
const PHONE = '13812345678';
const USCC = '91220102MA17ABCD3K';

let system: TestSystem;
let written: string[] = [];

beforeAll(async () => {
  system = await startTestSystem('single-server', { LOG_LEVEL: 'info', ROLE: 'api' });
});
afterAll(async () => {
  await system?.stopAll();
});

beforeEach(() => {
  written = [];
  // Stdout is written asynchronously, past process.stdout: the test reads each line as it leaves for it.
  const write = logOutput.write.bind(logOutput);
  vi.spyOn(logOutput, 'write').mockImplementation((text: string) => {
    written.push(text);
    write(text);
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});

const log = () => written.join('');
/** The JSON log lines that mention `text`. */
const linesWith = (text: string) => written.flatMap((chunk) => chunk.split('\n')).filter((line) => line.includes(text));

function expectNoPersonalData(): void {
  const output = log();
  for (const value of [ID_NUMBER, PHONE, USCC]) expect(output).not.toContain(value);
}

describe('request ids', () => {
  it.each([randomUUID(), `req-${Date.now().toString(36)}.edge_7`, 'a'.repeat(64)])('keeps one that looks like a request id (%s), echoes and logs it', async (given) => {
    const response = await system.http().get('/api/departments').set('X-Request-Id', given).expect(200);
    expect(response.headers['x-request-id']).toBe(given);
    await expect.poll(() => linesWith(given).length).toBeGreaterThan(0);
  });

  it.each([
    ['an ID number', ID_NUMBER],
    ['a phone number inside', `trace-${PHONE}`],
    ['a run of 15 digits', `x${'1'.repeat(15)}`],
    ['more than 64 characters', 'a'.repeat(65)],
    ['spaces and punctuation', 'hello world; drop table'],
  ])('replaces one with %s by an id of our own', async (_, given) => {
    const response = await system.http().get('/api/departments').set('X-Request-Id', given).expect(200);
    const echoed = response.headers['x-request-id'] as string;
    expect(echoed).not.toBe(given);
    expect(echoed).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    await expect.poll(() => linesWith(echoed).length).toBeGreaterThan(0);
    expect(log()).not.toContain(given);
  });
});

describe('writing the log', () => {
  it('writes nothing synchronously on the request path: the line leaves in a write of its own, off the event loop', async () => {
    const syncWrites = vi.spyOn(fs, 'writeSync');
    const stdoutWrites = vi.spyOn(process.stdout, 'write');
    const given = randomUUID();
    await system.http().get('/api/departments').set('X-Request-Id', given).expect(200);
    await expect.poll(() => linesWith(given).length).toBeGreaterThan(0);
    await logOutput.flushed();
    expect(syncWrites.mock.calls.filter(([fd]) => fd === 1)).toEqual([]);
    expect(stdoutWrites).not.toHaveBeenCalled();
  });
});

describe('the request line', () => {
  it('holds the request id, method, URL and status, and no header of either side', async () => {
    const given = randomUUID();
    await system.http().get('/api/departments?limit=5').set('X-Request-Id', given).set('Cookie', 'session=secret-cookie').expect(200);
    await expect.poll(() => linesWith('request completed').filter((line) => line.includes(given)).length).toBe(1);
    const line = JSON.parse(linesWith(given).find((text) => text.includes('request completed'))!) as Record<string, unknown>;
    expect(line.req).toEqual({ id: given, method: 'GET', url: '/api/departments?limit=5' });
    expect(line.res).toEqual({ statusCode: 200 });
    expect(log()).not.toContain('secret-cookie');
  });
});

describe('personal data in the log', () => {
  it('is masked in the request line', async () => {
    await system.http().get(`/api/departments?idNumber=${ID_NUMBER}&phone=${PHONE}&uscc=${USCC}`).expect(200);
    await expect.poll(() => linesWith('/api/departments?idNumber=').length).toBeGreaterThan(0);
    expectNoPersonalData();
    expect(log()).toContain('220***********123X');
    expect(log()).toContain('138****5678');
    expect(log()).toContain('9122**********CD3K');
  });

  it('is masked in PostgreSQL errors, their details and stack traces, however they are logged', async () => {
    const error = await duplicateKeyError();
    expect(JSON.stringify({ message: error.message, stack: error.stack, detail: (error.driverError as { detail?: string }).detail })).toContain(ID_NUMBER);

    // The ways errors are logged in this code base: Nest's Logger with the stack (the problem filter),
    // Nest's Logger with the error, and pino with the error object (every enumerable field: detail, parameters).
    new Logger('HTTP').error(error.stack ?? error.message);
    new Logger('Worker').error(error);
    system.app.get(PinoLogger).error({ err: error, note: `insert failed for ${PHONE} (${USCC})` });

    await expect.poll(() => linesWith('already exists').length).toBeGreaterThanOrEqual(2);
    expectNoPersonalData();
    expect(log()).toContain('220***********123X');
  });
});

/** A real unique violation whose message, detail and query parameters carry an ID number. */
async function duplicateKeyError(): Promise<QueryFailedError> {
  const runner = system.app.get(DataSource).createQueryRunner();
  await runner.connect();
  try {
    await runner.query('CREATE TEMPORARY TABLE person_probe (id_number text PRIMARY KEY, note text)');
    await runner.query('INSERT INTO person_probe VALUES ($1, $2)', [ID_NUMBER, `call ${PHONE}`]);
    await runner.query('INSERT INTO person_probe VALUES ($1, $2)', [ID_NUMBER, `call ${PHONE}`]);
  } catch (error) {
    if (error instanceof QueryFailedError) return error;
    throw error;
  } finally {
    await runner.release();
  }
  throw new Error('the second insert should have failed');
}
