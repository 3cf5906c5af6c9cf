import type { IncomingHttpHeaders } from 'node:http';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { isUUID } from 'class-validator';

/** What a request's Authorization header holds. `token` is the bearer string, a JWT or not. */
export type Bearer =
  | { kind: 'absent' }
  | { kind: 'malformed' }
  | { kind: 'invalid'; token: string }
  | { kind: 'valid'; token: string; userId: string; sessionVersion: number; sessionId: string | null };

const BOARD_TICKET = 'board';

/**
 * Issues access tokens (`sub`: the account, `ver`: its session version) and reads them back. A request's
 * token is verified once, however many guards ask (the rate limiter and authentication both do).
 */
@Injectable()
export class AccessTokens {
  private readonly verified = new WeakMap<object, Promise<Bearer>>();

  constructor(private readonly jwt: JwtService) {}

  /** `sessionId`: the refresh session the token belongs to (`sid`), which logout and reuse detection revoke. */
  issue(account: { id: string; sessionVersion: number }, sessionId?: string): Promise<string> {
    return this.jwt.signAsync(sessionId ? { sub: account.id, ver: account.sessionVersion, sid: sessionId } : { sub: account.id, ver: account.sessionVersion });
  }

  /**
   * A ticket to the queue dashboard (`typ: 'board'`), kept in an HttpOnly cookie scoped to the board's
   * path: the same account and session checks as an access token, but never accepted as one (and an access
   * token is never accepted as a ticket).
   */
  issueBoardTicket(account: { id: string; sessionVersion: number }, sessionId: string | null, ttlSeconds: number): Promise<string> {
    return this.jwt.signAsync({ sub: account.id, ver: account.sessionVersion, typ: BOARD_TICKET, ...(sessionId ? { sid: sessionId } : {}) }, { expiresIn: ttlSeconds });
  }

  /** A board ticket read back, as a Bearer (`absent` for an empty value). */
  readBoardTicket(ticket: string | undefined): Promise<Bearer> {
    return ticket ? this.verify(ticket, BOARD_TICKET) : Promise.resolve({ kind: 'absent' });
  }

  bearerOf(request: { headers: IncomingHttpHeaders }): Promise<Bearer> {
    let bearer = this.verified.get(request);
    if (!bearer) {
      bearer = this.read(request.headers.authorization);
      this.verified.set(request, bearer);
    }
    return bearer;
  }

  private async read(header: string | undefined): Promise<Bearer> {
    if (!header) return { kind: 'absent' };
    const [scheme, token] = header.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) return { kind: 'malformed' };
    return this.verify(token, undefined);
  }

  /** `typ`: undefined for an access token, `board` for a dashboard ticket; a token of the other kind is invalid. */
  private async verify(token: string, typ: typeof BOARD_TICKET | undefined): Promise<Bearer> {
    let claims: Record<string, unknown>;
    try {
      claims = await this.jwt.verifyAsync<Record<string, unknown>>(token);
    } catch {
      return { kind: 'invalid', token };
    }
    // Signed by us, yet not shaped as we issue them (an older format, or a leaked key): no session.
    const { sub, ver, sid } = claims;
    if (claims.typ !== typ) return { kind: 'invalid', token };
    if (typeof sub !== 'string' || !isUUID(sub) || typeof ver !== 'number' || !Number.isSafeInteger(ver)) return { kind: 'invalid', token };
    if (sid !== undefined && (typeof sid !== 'string' || !isUUID(sid))) return { kind: 'invalid', token };
    return { kind: 'valid', token, userId: sub, sessionVersion: ver, sessionId: sid ?? null };
  }
}
