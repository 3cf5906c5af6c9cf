import { useSyncExternalStore } from 'react';
import type { Role, UserView } from './types';

/**
 * The signed-in user: the bearer token and the user view, nothing else. Kept in memory and in
 * sessionStorage (so a reload keeps the tab signed in, and closing the tab forgets it) — never in
 * localStorage, where it would outlive the session and be shared by every tab.
 */
export interface Session {
  token: string;
  /** Renews the short-lived token (POST /api/auth/refresh), once; each renewal hands out the next. */
  refreshToken?: string;
  user: UserView;
}

const KEY = 'ywtb.session';
const listeners = new Set<() => void>();

function read(): Session | null {
  try {
    const stored = sessionStorage.getItem(KEY);
    if (!stored) return null;
    const parsed = JSON.parse(stored) as Session;
    return typeof parsed.token === 'string' && parsed.user ? parsed : null;
  } catch {
    return null;
  }
}

let current: Session | null = read();

function emit(): void {
  listeners.forEach((listener) => listener());
}

export function currentSession(): Session | null {
  return current;
}

export function signIn(session: Session): void {
  current = { token: session.token, refreshToken: session.refreshToken, user: session.user };
  sessionStorage.setItem(KEY, JSON.stringify(current));
  emit();
}

/** The renewed tokens of the same session (the user is unchanged). */
export function renewTokens(token: string, refreshToken: string): void {
  if (!current) return;
  signIn({ ...current, token, refreshToken });
}

export function signOut(): void {
  current = null;
  sessionStorage.removeItem(KEY);
  emit();
}

export function useSession(): Session | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}

/** Where each role starts; a user with several roles starts at the first of these they have. */
const HOMES: [Role, string][] = [
  ['admin', '/admin/workflows'],
  ['supervisor', '/dashboard'],
  ['clerk', '/workbench'],
  ['citizen', '/portal'],
];

export function homeOf(user: UserView | undefined): string {
  return HOMES.find(([role]) => user?.roles.includes(role))?.[1] ?? '/portal';
}

export function hasRole(session: Session | null, ...roles: Role[]): boolean {
  return !!session && roles.some((role) => session.user.roles.includes(role));
}
