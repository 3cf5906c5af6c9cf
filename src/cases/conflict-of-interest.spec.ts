import { describe, expect, it } from 'vitest';
import { ProblemException } from '../http/problem.js';
import { conflictOfInterest, partiesOf, refuseConflictOfInterest } from './conflict-of-interest.js';

describe('conflictOfInterest (回避)', () => {
  it('names the party a staff member is to the case', () => {
    const parties = { applicantId: 'a', agentId: 'g', enteredBy: 'k' };
    expect(conflictOfInterest('a', parties)).toBe('applicant');
    expect(conflictOfInterest('g', parties)).toBe('agent');
    expect(conflictOfInterest('k', parties)).toBe('counter clerk');
  });

  it('lets anyone else work the case, also when there is no agent or counter clerk', () => {
    expect(conflictOfInterest('someone', { applicantId: 'a', agentId: 'g', enteredBy: 'k' })).toBeNull();
    expect(conflictOfInterest('someone', { applicantId: 'a' })).toBeNull();
    expect(conflictOfInterest('someone', { applicantId: 'a', agentId: null, enteredBy: null })).toBeNull();
  });

  it('takes the parties of a stored case from its applicant', () => {
    expect(partiesOf({ applicantId: 'a' })).toEqual({ applicantId: 'a', agentId: null, enteredBy: null });
    expect(partiesOf({ applicantId: 'a', agentId: 'g', enteredBy: 'k' })).toEqual({ applicantId: 'a', agentId: 'g', enteredBy: 'k' });
  });

  it('refuses with a 403 and the given code', () => {
    expect(() => refuseConflictOfInterest('someone', { applicantId: 'a' }, 'task.conflict_of_interest')).not.toThrow();
    let thrown: unknown;
    try {
      refuseConflictOfInterest('a', { applicantId: 'a' }, 'task.conflict_of_interest');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ProblemException);
    expect((thrown as ProblemException).code).toBe('task.conflict_of_interest');
    expect((thrown as ProblemException).getStatus()).toBe(403);
  });
});
