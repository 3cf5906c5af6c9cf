import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Controller, Get, Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import request from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WEB_NOT_BUILT_TEXT, WebModule } from './web.module.js';
import { securityHeaders } from '../http/security-headers.js';

@Controller('ping')
class PingController {
  @Get()
  ping() {
    return { pong: true };
  }
}

@Module({ controllers: [PingController] })
class ApiModule {}

/** As main does it: NestFactory (not the testing module, which builds providers before the HTTP adapter exists). */
async function serve(distFolder: string): Promise<INestApplication> {
  @Module({ imports: [ApiModule, WebModule.forRoot(distFolder)] })
  class AppModule {}
  const app = await NestFactory.create(AppModule, { logger: false });
  app.setGlobalPrefix('api');
  app.use(securityHeaders());
  await app.init();
  return app;
}

let folder: string;
let app: INestApplication | undefined;

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'ywtb-web-'));
  mkdirSync(join(folder, 'dist', 'assets'), { recursive: true });
  writeFileSync(join(folder, 'dist', 'index.html'), '<!doctype html><title>一网通办</title><div id="root"></div>');
  writeFileSync(join(folder, 'dist', 'assets', 'index-abc123.js'), 'console.log(1)');
});

afterEach(async () => {
  await app?.close();
  app = undefined;
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('WebModule', () => {
  it('serves the pages at / and every page path, the API under /api, and 404s unknown API paths as the API does', async () => {
    app = await serve(join(folder, 'dist'));
    const http = () => request(app!.getHttpServer());

    const root = await http().get('/').expect(200);
    expect(root.text).toContain('<div id="root">');
    expect(root.headers['cache-control']).toBe('no-cache');
    // Over plain http the page's own scripts must not be fetched from https.
    expect(root.headers['content-security-policy']).toContain("script-src 'self'");
    expect(root.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');

    // A deep link is the page too: its own router shows the case.
    expect((await http().get('/portal/cases/4c1f0b0e-0000-4000-8000-000000000000').expect(200)).text).toContain('<div id="root">');

    const asset = await http().get('/assets/index-abc123.js').expect(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    expect((await http().get('/api/ping').expect(200)).body).toEqual({ pong: true });
    const missing = await http().get('/api/no-such-thing').expect(404);
    expect(missing.text).not.toContain('<div id="root">');
  });

  it('answers / with a pointer to the API docs when the pages are not built', async () => {
    app = await serve(join(folder, 'not-built'));
    const answer = await request(app.getHttpServer()).get('/').expect(200);
    expect(answer.headers['content-type']).toMatch(/^text\/plain/);
    expect(answer.text).toBe(WEB_NOT_BUILT_TEXT);
    expect(answer.text).toContain('/api/docs');
    await request(app.getHttpServer()).get('/api/ping').expect(200);
  });
});
