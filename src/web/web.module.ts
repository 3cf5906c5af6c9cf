import { existsSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Injectable, Logger, Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { ServeStaticModule } from '@nestjs/serve-static';
import type { Request, Response } from 'express';

/** Everything under /api belongs to Nest's routes: a missing API path answers problem+json, never the page. */
const API_PATHS = /^\/api(\/|$)/;

/**
 * Vite names built assets by content hash, so they never change; index.html must be revalidated every time.
 * (The security headers, without `upgrade-insecure-requests`, are set for every response in bootstrap.ts.)
 */
function pageHeaders(response: Response, path: string): void {
  response.setHeader('Cache-Control', path.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
}

/** The project root: the nearest folder with a package.json, from src/web (tests) or dist/src/web (built). */
function projectRoot(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(folder, 'package.json'))) {
    const parent = dirname(folder);
    if (parent === folder) throw new Error('web: no package.json above the running module');
    folder = parent;
  }
  return folder;
}

export const WEB_NOT_BUILT_TEXT = '一网通办 is running: the API is under /api, documented at /api/docs. The pages are not built (web/dist is missing); run `npm run build` to build them.\n';

/** Without built pages (API-only development) `/` still says where to go instead of a bare 404. */
@Injectable()
class PagesNotBuiltNotice implements OnModuleInit {
  constructor(private readonly host: HttpAdapterHost) {}

  onModuleInit(): void {
    // A worker-only process has no HTTP server.
    const adapter = this.host.httpAdapter;
    if (!adapter) return;
    adapter.get('/', (_request: Request, response: Response) => {
      response.status(200).type('text/plain; charset=utf-8').send(WEB_NOT_BUILT_TEXT);
    });
    new Logger('Web').warn('web/dist is missing: serving the API only (build the pages with `npm run build`)');
  }
}

/**
 * The pages (web/, built by Vite into web/dist) at `/`, next to the API under `/api`. Any other GET path
 * answers index.html, so the page's own router can show a deep link such as /portal/cases/<id>.
 */
@Module({})
export class WebModule {
  static forRoot(distFolder = join(projectRoot(), 'web', 'dist')): DynamicModule {
    if (!existsSync(join(distFolder, 'index.html'))) return { module: WebModule, providers: [PagesNotBuiltNotice] };
    return {
      module: WebModule,
      imports: [
        ServeStaticModule.forRoot({
          rootPath: distFolder,
          exclude: API_PATHS,
          serveStaticOptions: { index: false, setHeaders: pageHeaders },
        }),
      ],
    };
  }
}
