import { SEED_PASSWORD, type TestSystem } from './system.js';

/**
 * Who calls, in the security suites. Every fixture object belongs to `citizen` (citizen1) and to the
 * `clerk`'s department (market-regulation); the other roles see it as strangers do.
 */
export const ROLES = ['anonymous', 'citizen', 'otherCitizen', 'enterprise', 'clerk', 'otherClerk', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const OWNING_DEPARTMENT = 'market-regulation';

const USERNAMES: Record<Exclude<Role, 'anonymous'>, string> = {
  citizen: 'citizen1',
  otherCitizen: 'citizen2',
  enterprise: 'enterprise1',
  clerk: `clerk.${OWNING_DEPARTMENT}`,
  otherClerk: 'clerk.civil-affairs',
  supervisor: 'supervisor',
  admin: 'admin',
};

export interface Actor {
  role: Role;
  /** null for the anonymous caller */
  token: string | null;
  userId: string | null;
}

export type Actors = Record<Role, Actor>;

export async function signIn(system: TestSystem): Promise<Actors> {
  const entries = await Promise.all(
    ROLES.map(async (role): Promise<[Role, Actor]> => {
      if (role === 'anonymous') return [role, { role, token: null, userId: null }];
      const { body } = await system.http().post('/api/auth/login').send({ username: USERNAMES[role], password: SEED_PASSWORD }).expect(200);
      return [role, { role, token: body.accessToken as string, userId: body.user.id as string }];
    }),
  );
  return Object.fromEntries(entries) as Actors;
}

export function usernameOf(role: Exclude<Role, 'anonymous'>): string {
  return USERNAMES[role];
}

/** The Authorization header of an actor (none for the anonymous caller). */
export const headersOf = (actor: Actor): Record<string, string> => (actor.token ? { Authorization: `Bearer ${actor.token}` } : {});
