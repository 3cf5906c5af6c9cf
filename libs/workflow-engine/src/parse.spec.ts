import { describe, expect, it } from 'vitest';
import { parseDefinition } from './parse.js';
import { FOOD_LICENCE_YAML } from './testing/fixtures.js';

describe('parseDefinition', () => {
  it('reads YAML and JSON text into the same typed document', () => {
    const fromYaml = parseDefinition(FOOD_LICENCE_YAML);
    expect(fromYaml.ok).toBe(true);
    if (!fromYaml.ok) return;
    expect(parseDefinition(JSON.stringify(fromYaml.definition))).toEqual(fromYaml);
    expect(fromYaml.definition.steps.map((step) => step.type)).toEqual(['review', 'auto', 'review', 'joint', 'timer', 'certificate']);
  });

  it('copies the document, so that later changes to the input do not reach the definition', () => {
    const input = { key: 'k', name: 'n', steps: [{ id: 'a', type: 'certificate', outcomes: { done: 'end:approved' } }] };
    const parsed = parseDefinition(input);
    input.steps[0]!.outcomes.done = 'end:rejected';
    expect(parsed.ok && parsed.definition.steps[0]!.outcomes).toEqual({ done: 'end:approved' });
  });

  it('checks shape only: targets and departments are the validator’s', () => {
    const parsed = parseDefinition({
      key: 'k',
      name: 'n',
      steps: [{ id: 'a', type: 'review', queue: { department: 'nowhere', role: 'clerk' }, outcomes: { approve: 'missing' } }],
    });
    expect(parsed.ok).toBe(true);
  });

  it('refuses empty text and YAML with several documents', () => {
    expect(parseDefinition('')).toMatchObject({ ok: false, errors: [{ path: '$', code: 'definition.invalid_type' }] });
    expect(parseDefinition('key: a\n---\nkey: b')).toMatchObject({ ok: false, errors: [{ path: '$', code: 'definition.syntax' }] });
  });

  it('reads YAML as plain data: core-schema tags only, no merge keys', () => {
    for (const tagged of ['key: !!js/function "function () {}"', 'key: !shell ls', 'key: !!binary aGVsbG8=', 'key: !!timestamp 2026-01-01', 'key: !!set {a}']) {
      expect(parseDefinition(tagged)).toMatchObject({ ok: false, errors: [{ path: '$', code: 'definition.unsafe_yaml', message: expect.stringContaining('tag') }] });
    }
    const plain = parseDefinition('key: !!str k\nname: !!str n\nsteps: []');
    expect(plain).toMatchObject({ ok: false, errors: [{ path: '$.steps', code: 'definition.invalid_type' }] });
    // `<<` is an ordinary key, not a merge: the limits do not get their statutoryDays from it.
    const merged = parseDefinition('key: k\nname: n\nlimits: { <<: { statutoryDays: 5 }, promisedDays: 3 }\nsteps: []');
    expect(merged).toMatchObject({ ok: false, errors: expect.arrayContaining([expect.objectContaining({ path: '$.limits.statutoryDays', code: 'definition.required' })]) });
  });

  it('refuses aliases that expand without bound, and takes a few', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) levels.push(`${'abcdefghi'[i]}: &${'abcdefghi'[i]} [${Array(9).fill(`*${'abcdefghi'[i - 1]}`).join(', ')}]`);
    expect(parseDefinition(levels.join('\n'))).toMatchObject({ ok: false, errors: [{ path: '$', code: 'definition.unsafe_yaml' }] });
    const reuse = `key: k\nname: n\nsteps:\n  - { id: a, type: review, queue: &q { department: d, role: r }, outcomes: { accept: b } }\n  - { id: b, type: review, queue: *q, outcomes: { approve: end:approved } }\n`;
    expect(parseDefinition(reuse).ok).toBe(true);
  });

  it('refuses a document that is a single string (plain or quoted, YAML or JSON) instead of reading it again and again', () => {
    for (const text of ['just text', 'a=1&b[c]=2', '"quoted"', JSON.stringify('{"key":"k"}')]) {
      expect(parseDefinition(text)).toMatchObject({ ok: false, errors: [{ path: '$', code: 'definition.invalid_type' }] });
    }
  });

  it('refuses duplicate keys rather than keeping the last one', () => {
    expect(parseDefinition('key: a\nkey: b\nname: n\nsteps: []')).toMatchObject({ ok: false, errors: [{ code: 'definition.syntax' }] });
    expect(parseDefinition('key: a\nname: n\nlimits: { statutoryDays: 1, promisedDays: 1, statutoryDays: 2 }\nsteps: []')).toMatchObject({
      ok: false,
      errors: [{ path: '$', code: 'definition.syntax', message: 'Map keys must be unique: "statutoryDays" again at line 3, column 46' }],
    });
    expect(parseDefinition('key: a\nname: n\nsteps: [{ 1: x, "1": y }]')).toMatchObject({ ok: false, errors: [{ code: 'definition.syntax' }] });
  });

  it('reads the licence a certificate step issues, and refuses a malformed one with its path', () => {
    const step = (certificate: unknown) => ({ key: 'k', name: 'n', steps: [{ id: 'issue', type: 'certificate', certificate, outcomes: { done: 'end:approved' } }] });
    const parsed = parseDefinition(step({ name: '食品经营许可证', validYears: 5 }));
    expect(parsed.ok && parsed.definition.steps[0]).toMatchObject({ certificate: { name: '食品经营许可证', validYears: 5 } });
    expect(parseDefinition(step({ name: '许可证', validYears: 0 }))).toMatchObject({
      ok: false,
      errors: [{ path: '$.steps[0].certificate.validYears', code: 'definition.invalid_value' }],
    });
    expect(parseDefinition(step({ title: 'x' }))).toMatchObject({ ok: false });
  });
});
