/** What a sign-in hands out: a short-lived access token and the refresh token that renews it. */
export interface IssuedSession {
  accessToken: string;
  refreshToken: string;
  /** Seconds the access token lives. */
  expiresIn: number;
  sessionId: string;
}

/**
 * Refresh sessions, provided by the identity module (src/identity): the auth module signs people in and
 * checks every request, identity keeps the sessions those requests belong to.
 */
export interface AuthSessionsPort {
  start(account: { id: string; sessionVersion: number }, method: 'password' | 'oidc' | 'registration'): Promise<IssuedSession>;
  /** true when the session an access token names was ended (logout, refresh token reuse). */
  isRevoked(sessionId: string): Promise<boolean>;
}

export const AUTH_SESSIONS = Symbol('AUTH_SESSIONS');
