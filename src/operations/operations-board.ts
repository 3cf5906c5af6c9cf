import { Inject, Injectable, Optional } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Queue } from 'bullmq';
import type { NextFunction, Request, Response } from 'express';
import { AccessTokens, type Bearer } from '../auth/access-tokens.js';
import { AUTH_SESSIONS, type AuthSessionsPort } from '../auth/auth-sessions.js';
import { problemType } from '../http/problem.js';
import { QueueBackend } from '../queue/queue-backend.js';
import { QueueName } from '../queue/queue-names.js';
import { ClockService } from '../time/clock.service.js';
import { UserSessions } from '../users/user-sessions.service.js';
import { OperationsService } from './operations.service.js';

/** Where the dashboard is served; its ticket cookie is scoped to this path. */
export const BOARD_PATH = '/api/operations/board';
export const BOARD_COOKIE = 'ywtb_board';
/** How long a ticket opens the board: long enough for a look, short enough that a forgotten tab closes. */
export const BOARD_TICKET_SECONDS = 600;

export interface BoardTicket {
  url: string;
  expiresAt: string;
  /** `bull-board` on Redis; `summary` (counts only) on the PostgreSQL queue backend. */
  board: 'bull-board' | 'summary';
}

type Refusal = { status: 401 | 403; code: string; detail: string };

/**
 * The queue dashboard for admins at /api/operations/board. On Redis it is bull-board over every queue; on
 * BullMQ's PostgreSQL backend (embedded and single-server modes) bull-board cannot read the queues (it
 * speaks Redis), so the same address shows a summary page: counts per queue, the outbox backlog and the
 * timers, from the operations service.
 *
 * A browser cannot send the pages' bearer token when it opens a URL, so an admin's page first POSTs to
 * /api/operations/board/session (bearer-authenticated), which sets a ticket cookie: a signed token of its
 * own type (never accepted as an access token), HttpOnly, SameSite=Strict, Path=/api/operations/board, ten
 * minutes. Each request to the board checks the ticket (or a bearer token) like the API checks a token —
 * account enabled, session version, session not signed out — and that the account is an admin now.
 * Requests that change something must also come from our own origin (docs/security.md "Queue dashboard").
 */
@Injectable()
export class OperationsBoard {
  constructor(
    private readonly backend: QueueBackend,
    private readonly tokens: AccessTokens,
    private readonly sessions: UserSessions,
    private readonly operations: OperationsService,
    private readonly clock: ClockService,
    @Optional() @Inject(AUTH_SESSIONS) private readonly authSessions?: AuthSessionsPort,
  ) {}

  get kind(): BoardTicket['board'] {
    return this.backend.kind === 'redis' ? 'bull-board' : 'summary';
  }

  /** Mints the ticket for the signed-in admin and sets its cookie on `response`. */
  async openSession(user: { id: string }, request: Request, response: Response): Promise<BoardTicket> {
    const bearer = await this.tokens.bearerOf(request);
    const account = await this.sessions.account(user.id);
    if (!account || bearer.kind !== 'valid') throw new Error('openSession needs an authenticated request');
    const ticket = await this.tokens.issueBoardTicket(account, bearer.sessionId, BOARD_TICKET_SECONDS);
    response.cookie(BOARD_COOKIE, ticket, {
      httpOnly: true,
      sameSite: 'strict',
      secure: request.secure,
      path: BOARD_PATH,
      maxAge: BOARD_TICKET_SECONDS * 1000,
    });
    return { url: `${BOARD_PATH}/`, expiresAt: new Date(this.clock.now().getTime() + BOARD_TICKET_SECONDS * 1000).toISOString(), board: this.kind };
  }

  /** Mounts the board (before Nest's routes; the session route is an ordinary controller route). */
  mount(app: NestExpressApplication): void {
    const guard = (request: Request, response: Response, next: NextFunction) => {
      // The ticket route is the API's own (bearer token, Nest guards): let it through to Nest.
      if (request.path === '/session') return next();
      this.admit(request)
        .then((refusal) => (refusal ? refuse(response, request, refusal) : next()))
        .catch(next);
    };
    if (this.backend.kind === 'redis') {
      const server = new ExpressAdapter();
      server.setBasePath(BOARD_PATH);
      createBullBoard({
        queues: Object.values(QueueName).map((name) => new BullMQAdapter(this.backend.queue(name) as unknown as Queue)),
        serverAdapter: server,
        options: { uiConfig: { boardTitle: '一网通办 队列' } },
      });
      const router = server.getRouter() as (request: Request, response: Response, next: NextFunction) => void;
      app.use(BOARD_PATH, guard, (request: Request, response: Response, next: NextFunction) => (request.path === '/session' ? next() : router(request, response, next)));
    } else {
      app.use(BOARD_PATH, guard, (request: Request, response: Response, next: NextFunction) => {
        if (request.path === '/session') return next();
        if (request.method !== 'GET' || (request.path !== '/' && request.path !== '')) {
          return refuseWith(response, request, 404, 'operations.board_summary_only', 'On the PostgreSQL queue backend the board is a summary page; use /api/operations/queues and /api/operations/failed-jobs.');
        }
        this.summaryPage()
          .then((html) => response.status(200).type('text/html; charset=utf-8').setHeader('Cache-Control', 'no-store').send(html))
          .catch(next);
      });
    }
  }

  /** null when the request may see the board; otherwise why not. */
  private async admit(request: Request): Promise<Refusal | null> {
    const header = request.headers.authorization;
    const bearer: Bearer = header ? await this.tokens.bearerOf(request) : await this.tokens.readBoardTicket(cookieOf(request, BOARD_COOKIE));
    if (bearer.kind === 'absent') return { status: 401, code: 'auth.unauthenticated', detail: `Open the board from the admin pages (POST ${BOARD_PATH}/session sets its ticket).` };
    if (bearer.kind !== 'valid') return { status: 401, code: 'auth.unauthenticated', detail: 'The ticket or token is invalid or has expired; open the board again from the admin pages.' };
    const account = await this.sessions.account(bearer.userId);
    if (!account || account.disabled || account.sessionVersion !== bearer.sessionVersion) {
      return { status: 401, code: 'auth.session_ended', detail: 'The session behind this ticket ended; sign in again.' };
    }
    if (bearer.sessionId && this.authSessions && (await this.authSessions.isRevoked(bearer.sessionId))) {
      return { status: 401, code: 'auth.session_revoked', detail: 'This session was signed out; sign in again.' };
    }
    if (!account.roles.includes('admin')) return { status: 403, code: 'auth.forbidden', detail: 'The queue dashboard is for admins.' };
    // The cookie rides along with any request the browser makes to this path: whatever changes something
    // must come from our own pages (SameSite=Strict already keeps other sites' requests without it).
    if (!['GET', 'HEAD', 'OPTIONS'].includes(request.method) && !sameOrigin(request)) {
      return { status: 403, code: 'operations.board_cross_origin', detail: 'Changes through the board must come from its own pages.' };
    }
    return null;
  }

  private async summaryPage(): Promise<string> {
    const view = await this.operations.queues();
    const rows = view.queues
      .map((q) => `<tr><th scope="row">${escapeHtml(q.name)}</th><td>${q.waiting}</td><td>${q.active}</td><td>${q.delayed}</td><td>${q.failed}</td></tr>`)
      .join('');
    return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>一网通办 队列</title></head><body>
<h1>队列概况 (queue summary)</h1>
<p>The queues run on BullMQ's PostgreSQL backend (embedded or single-server mode). bull-board reads Redis only, so this page shows
the counts instead; <code>GET /api/operations/failed-jobs</code> lists failed jobs and <code>POST /api/operations/failed-jobs/:id/retry</code> retries one.</p>
<p>Backend: ${escapeHtml(view.backend)}${view.backendAvailable ? '' : ' — <strong>not answering</strong>'}</p>
<table><thead><tr><th>queue</th><th>waiting</th><th>active</th><th>delayed</th><th>failed</th></tr></thead><tbody>${rows}</tbody></table>
<p>Outbox: ${view.outbox.pending} rows waiting${view.outbox.oldestAgeSeconds === null ? '' : `, the oldest ${view.outbox.oldestAgeSeconds} s old`}.</p>
<p>Timers: ${view.timers.pending} pending, ${view.timers.overdue} overdue${view.timers.nextDueAt ? `, next due ${escapeHtml(view.timers.nextDueAt)}` : ''}.</p>
</body></html>`;
  }
}

function cookieOf(request: Request, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) {
      try {
        return decodeURIComponent(value.join('='));
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** No Origin (a same-origin form or a non-browser client with a bearer token) or ours. */
function sameOrigin(request: Request): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

function refuse(response: Response, request: Request, refusal: Refusal): void {
  refuseWith(response, request, refusal.status, refusal.code, refusal.detail);
}

function refuseWith(response: Response, request: Request, status: number, code: string, detail: string): void {
  const title = status === 401 ? 'unauthorized' : status === 403 ? 'forbidden' : 'not found';
  if (status === 401) response.setHeader('WWW-Authenticate', 'Bearer');
  response
    .status(status)
    .type('application/problem+json')
    .send(JSON.stringify({ type: problemType(code), title, status, detail, code, instance: request.originalUrl.split('?')[0] }));
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
