import { describe, expect, it } from 'vitest';
import type { Caller } from '../auth/auth.decorators.js';
import { canSeeCase } from './case-access.js';

const caller = (roles: Caller['roles'], departmentCode: string | null = null, id = 'me'): Caller => ({ id, username: 'u', roles, departmentCode, displayName: 'u' });
const record = { applicantId: 'applicant', departmentCode: 'market-regulation' };

describe('canSeeCase', () => {
  it('lets the agent and the entering counter clerk see the case', () => {
    const parties = { ...record, agentId: 'agent', enteredBy: 'counter-clerk' };
    expect(canSeeCase(caller(['citizen'], null, 'agent'), parties, [])).toBe(true);
    expect(canSeeCase(caller(['clerk'], 'human-resources', 'counter-clerk'), parties, [])).toBe(true);
    expect(canSeeCase(caller(['clerk'], 'human-resources', 'someone'), parties, [])).toBe(false);
  });

  it('lets the applicant see their own case and no other citizen', () => {
    expect(canSeeCase(caller(['citizen'], null, 'applicant'), record, [])).toBe(true);
    expect(canSeeCase(caller(['citizen'], null, 'someone-else'), record, [])).toBe(false);
  });

  it('lets the agent and the entering counter clerk see the case', () => {
    const parties = { ...record, agentId: 'agent', enteredBy: 'counter-clerk' };
    expect(canSeeCase(caller(['citizen'], null, 'agent'), parties, [])).toBe(true);
    expect(canSeeCase(caller(['clerk'], 'human-resources', 'counter-clerk'), parties, [])).toBe(true);
    expect(canSeeCase(caller(['clerk'], 'human-resources', 'someone'), parties, [])).toBe(false);
  });

  it("lets the legal representative see every case of the enterprise, and no other enterprise's", () => {
    const byHandler = { applicantId: 'enterprise', agentId: 'handler', departmentCode: 'market-regulation' };
    expect(canSeeCase(caller(['citizen'], null, 'boss'), byHandler, [], ['enterprise'])).toBe(true);
    expect(canSeeCase(caller(['citizen'], null, 'boss'), byHandler, [], ['another-enterprise'])).toBe(false);
    expect(canSeeCase(caller(['citizen'], null, 'boss'), byHandler, [])).toBe(false);
  });

  it('lets a clerk see cases of their department or with a task in it', () => {
    expect(canSeeCase(caller(['clerk'], 'market-regulation'), record, [])).toBe(true);
    expect(canSeeCase(caller(['clerk'], 'fire-rescue'), record, [])).toBe(false);
    expect(canSeeCase(caller(['clerk'], 'fire-rescue'), record, ['fire-rescue'])).toBe(true);
  });

  it('lets the agent and the entering counter clerk see the case', () => {
    const parties = { ...record, agentId: 'agent', enteredBy: 'counter-clerk' };
    expect(canSeeCase(caller(['citizen'], null, 'agent'), parties, [])).toBe(true);
    expect(canSeeCase(caller(['clerk'], 'human-resources', 'counter-clerk'), parties, [])).toBe(true);
    expect(canSeeCase(caller(['clerk'], 'human-resources', 'someone'), parties, [])).toBe(false);
  });

  it('lets supervisors and admins see everything', () => {
    expect(canSeeCase(caller(['supervisor']), record, [])).toBe(true);
    expect(canSeeCase(caller(['admin']), record, [])).toBe(true);
  });
});
