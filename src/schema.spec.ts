import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { getMetadataArgsStorage } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { entities } from './schema.js';

const srcDir = dirname(fileURLToPath(import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

function relativeImports(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/^(?:import|export)[^'"]*from\s+'(\.[^']+)'/gm)].map((m) => resolve(dirname(file), m[1]));
}

describe('the composition root (src/schema.ts)', () => {
  it('registers every @Entity class declared under src/, each once', async () => {
    const declaring = sourceFiles(srcDir).filter((file) => /^@Entity\(/m.test(readFileSync(file, 'utf8')));
    expect(declaring.length).toBeGreaterThan(30);
    for (const file of declaring) await import(pathToFileURL(file).href);
    const declared = getMetadataArgsStorage()
      .tables.filter((table) => table.type === 'regular')
      .map((table) => table.target as Function);
    const missing = declared.filter((target) => !entities.includes(target)).map((target) => target.name);
    expect(missing, 'list them in their module’s entities.ts, and that list in src/schema.ts').toEqual([]);
    expect(new Set(entities).size).toBe(entities.length);
  });

  it('leaves database/ below the domains: it imports only itself and the migrations', () => {
    const database = join(srcDir, 'database');
    const outside = sourceFiles(database).flatMap((file) =>
      relativeImports(file)
        .filter((target) => !target.startsWith(database + '/') && !target.startsWith(resolve(srcDir, '../migrations') + '/'))
        .map((target) => `${relative(srcDir, file)} → ${relative(srcDir, target)}`),
    );
    expect(outside).toEqual([]);
  });
});
