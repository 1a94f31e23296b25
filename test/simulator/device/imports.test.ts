/**
 * The virtual iPads reach Homeroom and the Apple simulator over HTTP only: no module under
 * src/simulator imports Homeroom's code, and the device modules import nothing but each other,
 * packages and the wire encodings both sides share (`src/wire/`), not even the Apple simulator.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../src');
const HOMEROOM = ['services', 'platform', 'entities', 'resolvers', 'schema', 'http', 'mdm', 'apple', 'crypto'].map((dir) =>
  path.join(SRC, dir),
);

function sources(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory() ? sources(path.join(dir, entry.name)) : /\.[cm]?[jt]s$/.test(entry.name) ? [path.join(dir, entry.name)] : [],
    );
}

/** Module specifiers of static imports and re-exports, side-effect imports, dynamic imports and requires. */
function specifiers(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const patterns = [
    /^\s*(?:import|export)\b[^'"]*?\bfrom\s*['"]([^'"]+)['"]/gm,
    /^\s*import\s*['"]([^'"]+)['"]/gm,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  return patterns.flatMap((pattern) => [...code.matchAll(pattern)].map((match) => match[1]!));
}

function under(file: string, dir: string): boolean {
  const rel = path.relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

const simulatorFiles = sources(path.join(SRC, 'simulator'));
const deviceDir = path.join(SRC, 'simulator', 'device');
const deviceFiles = simulatorFiles.filter((file) => under(file, deviceDir));
const wireDir = path.join(SRC, 'wire');

describe('what the simulator imports', () => {
  it(`finds the import lines it scans (${deviceFiles.length} device files)`, () => {
    expect(deviceFiles.length).toBeGreaterThan(5);
    expect(specifiers(fs.readFileSync(path.join(deviceDir, 'virtual-ipad.ts'), 'utf8'))).toContain('./apple-client.js');
    expect(specifiers("import x from '../../mdm/cms.js';\nexport { y } from \"./y.js\";\nconst z = await import('../z.js');")).toEqual([
      '../../mdm/cms.js',
      './y.js',
      '../z.js',
    ]);
  });

  it(`imports nothing of Homeroom's from src/simulator (${simulatorFiles.length} files)`, () => {
    const offences = simulatorFiles.flatMap((file) =>
      specifiers(fs.readFileSync(file, 'utf8'))
        .filter((specifier) => specifier.startsWith('.'))
        .filter((specifier) => HOMEROOM.some((dir) => under(path.resolve(path.dirname(file), specifier), dir)))
        .map((specifier) => `${path.relative(SRC, file)} imports ${specifier}`),
    );
    expect(offences).toEqual([]);
  });

  it('lets the device modules import only each other, packages and the wire encodings', () => {
    const offences = deviceFiles.flatMap((file) =>
      specifiers(fs.readFileSync(file, 'utf8'))
        .filter((specifier) => specifier.startsWith('.') || specifier.startsWith('/'))
        .filter((specifier) => ![deviceDir, wireDir].some((dir) => under(path.resolve(path.dirname(file), specifier), dir)))
        .map((specifier) => `${path.relative(SRC, file)} imports ${specifier}`),
    );
    expect(offences).toEqual([]);
  });
});
