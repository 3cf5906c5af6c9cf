import { describe, expect, it } from 'vitest';
import type { Join } from './definition.js';
import { joinVerdict } from './joint.js';
import type { ParticipantProgress } from './state.js';

/** `a` approved, `r` rejected, `c` waiting for corrections, `d` deciding. */
function participants(pattern: string): ParticipantProgress[] {
  return [...pattern].map((mark, index): ParticipantProgress => {
    const department = `dept-${index}`;
    if (mark === 'a') return { department, status: 'approved' };
    if (mark === 'r') return { department, status: 'rejected' };
    if (mark === 'c') return { department, status: 'awaiting_correction', missing: [{ key: 'k', reason: 'r' }] };
    return { department, status: 'deciding', task: { id: `t${index}`, stepId: 's', department, role: 'reviewer' } };
  });
}

describe('joinVerdict', () => {
  const cases: [Join, string, 'approve' | 'reject' | undefined][] = [
    ['all', 'ddd', undefined],
    ['all', 'aad', undefined],
    ['all', 'aaa', 'approve'],
    ['all', 'rdd', 'reject'],
    ['all', 'acd', undefined],
    ['any', 'rrd', undefined],
    ['any', 'add', 'approve'],
    ['any', 'rrr', 'reject'],
    ['any', 'rrc', undefined],
    [{ quorum: 2 }, 'rad', undefined],
    [{ quorum: 2 }, 'raa', 'approve'],
    [{ quorum: 2 }, 'rrd', 'reject'],
    [{ quorum: 2 }, 'rcd', undefined],
    [{ quorum: 3 }, 'aaad', 'approve'],
    [{ quorum: 3 }, 'rrdd', 'reject'],
  ];

  it.each(cases)('%j with %s -> %s', (join, pattern, verdict) => {
    expect(joinVerdict(join, participants(pattern))).toBe(verdict);
  });
});
