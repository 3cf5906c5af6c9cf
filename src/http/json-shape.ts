/** How deep and how wide a JSON document may be. */
export interface JsonShapeLimits {
  /** Objects and arrays inside one another. */
  maxDepth: number;
  /** Members of one object (arrays are not limited: their cost downstream is linear). */
  maxMembers: number;
}

export type JsonShapeViolation = { kind: 'depth'; at: number } | { kind: 'members'; at: number };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

/**
 * One pass over the raw bytes of a JSON text (UTF-8, or any ASCII-compatible encoding), before anyone
 * parses it: a document nested thousands deep overflows the stack of every recursive walker after
 * JSON.parse (class-transformer first), and an object with tens of thousands of members costs
 * class-transformer quadratic time (it de-duplicates keys with indexOf). Malformed JSON is not this
 * function's business: JSON.parse refuses it next. Answers the first violation and its byte offset.
 */
export function jsonShapeViolation(bytes: Uint8Array, limits: JsonShapeLimits): JsonShapeViolation | null {
  // For each open container: whether it is an object, and its commas so far (members = commas + 1).
  const isObject: boolean[] = [];
  const commas: number[] = [];
  let inString = false;
  for (let at = 0; at < bytes.length; at++) {
    const byte = bytes[at];
    if (inString) {
      if (byte === BACKSLASH) at++;
      else if (byte === QUOTE) inString = false;
      continue;
    }
    switch (byte) {
      case QUOTE:
        inString = true;
        break;
      case OPEN_OBJECT:
      case OPEN_ARRAY:
        if (isObject.length === limits.maxDepth) return { kind: 'depth', at };
        isObject.push(byte === OPEN_OBJECT);
        commas.push(0);
        break;
      case CLOSE_OBJECT:
      case CLOSE_ARRAY:
        isObject.pop();
        commas.pop();
        break;
      case COMMA: {
        const top = commas.length - 1;
        if (top < 0) break;
        commas[top]!++;
        if (isObject[top] && commas[top]! >= limits.maxMembers) return { kind: 'members', at };
        break;
      }
    }
  }
  return null;
}
