import { describe, expect, it } from 'vitest';
import { handlerProblems } from './job-registry.js';

describe('handlerProblems', () => {
  it('accepts exactly one handler per job', () => {
    expect(handlerProblems(['a', 'b'], new Map([['a', ['A.run']], ['b', ['B.run']]]))).toEqual([]);
  });

  it('names a job without a handler, one with two, and a handler for no job', () => {
    const problems = handlerProblems(['a', 'b'], new Map([['b', ['B.one', 'C.two']], ['z', ['Z.run']]]));
    expect(problems).toEqual([
      'job "a" has no handler',
      'job "b" has 2 handlers: B.one, C.two',
      'handler for unknown job "z" (add it to JobName)',
    ]);
  });
});
