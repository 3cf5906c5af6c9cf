import { isMap, isSeq, parse, parseDocument, stringify, type Node } from 'yaml';

export type DefinitionFormat = 'json' | 'yaml';

/** A definition from the editor's text; `error` says why it cannot be read (line and column included). */
export function readDefinition(text: string, format: DefinitionFormat): { value?: unknown; error?: string } {
  try {
    if (format === 'json') return { value: JSON.parse(text) as unknown };
    const document = parseDocument(text);
    if (document.errors.length > 0) return { error: document.errors[0]!.message.split('\n')[0] };
    return { value: document.toJS() as unknown };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** The order people write a definition in; stored as jsonb, a document comes back with its keys reordered. */
const KEY_ORDER = ['key', 'id', 'type', 'name', 'serviceItem', 'limits', 'queue', 'sla', 'rule', 'participants', 'join', 'duration', 'pausesClock', 'certificate', 'outcomes', 'steps'];

function readable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(readable);
  if (value === null || typeof value !== 'object') return value;
  const rank = (key: string) => (KEY_ORDER.includes(key) ? KEY_ORDER.indexOf(key) : KEY_ORDER.length - 1);
  return Object.fromEntries(
    Object.entries(value)
      .sort(([a], [b]) => rank(a) - rank(b))
      .map(([key, inner]) => [key, readable(inner)]),
  );
}

export function writeDefinition(value: unknown, format: DefinitionFormat): string {
  const ordered = readable(value);
  return format === 'json' ? JSON.stringify(ordered, null, 2) : stringify(ordered, { lineWidth: 0 });
}

/** Converts the text between JSON and YAML; null when it does not parse (the user fixes it first). */
export function convertDefinition(text: string, from: DefinitionFormat, to: DefinitionFormat): string | null {
  if (from === to) return text;
  try {
    return writeDefinition(from === 'json' ? JSON.parse(text) : parse(text), to);
  } catch {
    return null;
  }
}

/** `$.steps[3].outcomes.approve` or `$['odd-name'][0]` → ['steps', 3, 'outcomes', 'approve']. */
export function pathSegments(path: string): (string | number)[] {
  const segments: (string | number)[] = [];
  const pattern = /\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]|\['((?:[^'\\]|\\.)*)'\]|\["((?:[^"\\]|\\.)*)"\]/g;
  for (const match of path.replace(/^\$/, '').matchAll(pattern)) {
    if (match[1] !== undefined) segments.push(match[1]);
    else if (match[2] !== undefined) segments.push(Number(match[2]));
    else segments.push((match[3] ?? match[4] ?? '').replace(/\\(.)/g, '$1'));
  }
  return segments;
}

/**
 * Where a validator path is written in the text, as [start, end) offsets: the value at the path, or the
 * nearest enclosing one that exists (a missing field points at the object that should have it). JSON is
 * YAML, so one parser finds positions in both formats.
 */
export function locatePath(text: string, path: string): [number, number] | null {
  const document = parseDocument(text, { keepSourceTokens: false });
  if (document.errors.length > 0) return null;
  const segments = pathSegments(path);
  for (let depth = segments.length; depth >= 0; depth--) {
    const node = (depth === 0 ? document.contents : document.getIn(segments.slice(0, depth), true)) as Node | null | undefined;
    if (node && typeof node === 'object' && 'range' in node && node.range) {
      const [start, valueEnd] = node.range;
      // A whole map or list would select half the document: its first line is enough to find it.
      if (depth < segments.length && (isMap(node) || isSeq(node))) {
        const lineEnd = text.indexOf('\n', start);
        return [start, lineEnd < 0 ? valueEnd : Math.min(lineEnd, valueEnd)];
      }
      return [start, valueEnd];
    }
  }
  return null;
}
