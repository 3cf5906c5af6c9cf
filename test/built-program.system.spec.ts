import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from './support/throwaway-redis.js';

/**
 * Vitest can hide ES-module import errors that plain node hits (STACK.md): boot the BUILT program,
 * embedded, on an empty DATA_DIR, exactly as the README's run command does. `npm test` builds first.
 */
const entry = join(process.cwd(), 'dist/src/main.js');

describe('the built program', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ywtb-boot-'));
  let child: ChildProcess | undefined;
  let output = '';

  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      await new Promise<void>((resolve) => {
        child!.once('exit', () => resolve());
        child!.kill('SIGTERM');
      });
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts embedded on an empty DATA_DIR, answers health 200, keeps its data, and stops on SIGTERM', async () => {
    expect(existsSync(entry), `${entry} is missing: run npm run build`).toBe(true);
    const port = await freePort();
    // A clean environment: the program must need nothing from the caller's.
    child = spawn(process.execPath, [entry], {
      env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      stdout += chunk.toString();
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

    await expect
      .poll(
        async () => {
          if (child?.exitCode !== null) throw new Error(`the program exited:\n${output}`);
          return fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.status, () => 0);
        },
        { timeout: 90_000, interval: 500 },
      )
      .toBe(200);

    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'Nanguan@2026' }),
    });
    expect(login.status).toBe(200);
    expect(existsSync(join(dataDir, 'pglite'))).toBe(true);
    // The seeded 南关区 catalogue, and the queue on the embedded database.
    const health = (await (await fetch(`http://127.0.0.1:${port}/api/health`)).json()) as { info: { queue: { backend: string } } };
    expect(health.info.queue.backend).toBe('postgres');
    const items = (await (await fetch(`http://127.0.0.1:${port}/api/service-items`)).json()) as { items: { code: string }[] };
    expect(items.items.map((i) => i.code)).toContain('2201-SC-0001');
    const bundles = (await (await fetch(`http://127.0.0.1:${port}/api/bundles`)).json()) as { items: unknown[] };
    expect(bundles.items.length).toBeGreaterThanOrEqual(2);

    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    // Every line on stdout is JSON, from the first start-up line to the last (issue 15).
    const lines = stdout.split('\n').filter((line) => line.trim() !== '');
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.filter((line) => !isJson(line)), 'plain-text lines').toEqual([]);
    expect(existsSync(join(dataDir, 'pglite.pid'))).toBe(false);
  }, 150_000);
});

function isJson(line: string): boolean {
  try {
    return typeof JSON.parse(line) === 'object';
  } catch {
    return false;
  }
}
