import { LineCounter, isScalar, parseDocument, visit, type Document, type DocumentOptions, type ParseOptions, type Scalar, type SchemaOptions } from 'yaml';
import { ROOT, type DefinitionError } from './definition-error.js';

export type YamlRead = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly errors: readonly DefinitionError[] };

/**
 * YAML as data and nothing else: the core schema's tags only (no !!js/function, no !!binary or other YAML 1.1
 * types, no custom tags), no merge keys. The package's own duplicate-key check compares every key of a map
 * with every other (16,000 keys took seconds): duplicates are found here instead, with a set.
 */
const OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  schema: 'core',
  customTags: [],
  resolveKnownTags: false,
  merge: false,
  uniqueKeys: false,
};
/** How far aliases may expand a document (the `yaml` package's measure): ample for reuse, fatal to a billion laughs. */
const MAX_ALIAS_EXPANSION = 100;

const refused = (code: DefinitionError['code'], message: string): YamlRead => ({ ok: false, errors: [{ path: ROOT, code, message }] });

/** YAML messages end with a drawing of the offending line; the path and first line say enough. */
const firstLine = (message: string) => message.split('\n', 1)[0]!;

function firstRepeatedKey(document: Document): Scalar | null {
  let repeated: Scalar | null = null;
  visit(document, {
    Map(_, map) {
      const seen = new Set<string>();
      for (const { key } of map.items) {
        if (!isScalar(key)) continue;
        // As toJS will name the member: 1 and "1" are one key there.
        const name = String(key.value);
        if (seen.has(name)) {
          repeated = key;
          return visit.BREAK;
        }
        seen.add(name);
      }
      return undefined;
    },
  });
  return repeated;
}

/** Reads one YAML document (JSON is YAML) into plain data, or says why not. */
export function readYaml(text: string): YamlRead {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { ...OPTIONS, lineCounter });
  const [syntaxError] = document.errors;
  if (syntaxError) return refused('definition.syntax', firstLine(syntaxError.message));
  const tag = document.warnings.find((warning) => warning.code === 'TAG_RESOLVE_FAILED');
  if (tag) return refused('definition.unsafe_yaml', `tags other than the YAML core schema's are not read: ${firstLine(tag.message)}`);
  const repeated = firstRepeatedKey(document);
  if (repeated) {
    const { line, col } = lineCounter.linePos(repeated.range?.[0] ?? 0);
    return refused('definition.syntax', `Map keys must be unique: ${JSON.stringify(String(repeated.value))} again at line ${line}, column ${col}`);
  }
  try {
    return { ok: true, value: document.toJS({ maxAliasCount: MAX_ALIAS_EXPANSION }) };
  } catch (error) {
    // The yaml package stops an expansion past the limit with a ReferenceError; anything else is ours to see.
    if (error instanceof ReferenceError) return refused('definition.unsafe_yaml', 'aliases expand the document too far (a billion laughs?)');
    throw error;
  }
}
