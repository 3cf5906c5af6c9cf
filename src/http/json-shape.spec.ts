import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonShapeViolation, type JsonShapeLimits } from './json-shape.js';

const limits: JsonShapeLimits = { maxDepth: 4, maxMembers: 3 };
const scan = (text: string, given = limits) => jsonShapeViolation(Buffer.from(text, 'utf8'), given);

function depthOf(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  const children = Array.isArray(value) ? value : Object.values(value);
  return 1 + Math.max(0, ...children.map(depthOf));
}

function widestObject(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  const children = Array.isArray(value) ? value : Object.values(value);
  return Math.max(Array.isArray(value) ? 0 : Object.keys(value).length, ...children.map(widestObject));
}

describe('jsonShapeViolation', () => {
  it('lets through documents within the limits', () => {
    expect(scan('{"a":[{"b":[1,2,3,4,5,6,7]}],"c":"d","e":null}')).toBeNull();
    expect(scan('[[[[]]]]')).toBeNull();
    expect(scan('"just a string"')).toBeNull();
  });

  it('refuses nesting one level past the limit, at the opening byte', () => {
    expect(scan('[[[[[]]]]]')).toEqual({ kind: 'depth', at: 4 });
    expect(scan('{"a":{"b":{"c":{"d":{}}}}}')).toEqual({ kind: 'depth', at: 20 });
    expect(jsonShapeViolation(Buffer.from('['.repeat(5000) + ']'.repeat(5000)), { maxDepth: 32, maxMembers: 256 })).toEqual({ kind: 'depth', at: 32 });
  });

  it('refuses an object with more members than the limit, but not a long array', () => {
    expect(scan('{"a":1,"b":2,"c":3}')).toBeNull();
    expect(scan('{"a":1,"b":2,"c":3,"d":4}')).toEqual({ kind: 'members', at: 18 });
    expect(scan('{"list":[1,2,3,4,5,6,7,8,9]}')).toBeNull();
  });

  it('does not count brackets, braces, commas or escaped quotes inside strings', () => {
    expect(scan('{"[[[[[[":"{{{{{,,,,,", "q":"\\"[[[[[[\\\\", "r":"]]]]]"}')).toBeNull();
    expect(scan('["\\\\", [[[[]]]]]')).toEqual({ kind: 'depth', at: 10 });
  });

  it('agrees with a walk over the parsed value on any JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 7 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }), (value, maxDepth, maxMembers) => {
        const verdict = jsonShapeViolation(Buffer.from(JSON.stringify(value)), { maxDepth, maxMembers });
        const fits = depthOf(value) <= maxDepth && widestObject(value) <= maxMembers;
        expect(verdict === null).toBe(fits);
      }),
      { numRuns: 2000 },
    );
  });
});
