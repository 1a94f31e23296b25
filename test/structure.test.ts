/**
 * The architecture's "rules that keep the house livable", checked on the source text: which
 * layer may import what, where SQL may live, no default exports, and a module comment on every
 * public module. Each rule's test names every offending file; its title says how many files it
 * scanned, so a rule that silently scans nothing is visible.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SRC = path.join(ROOT, 'src');

const SOURCE_EXTENSIONS = ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs'];

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return walk(full);
      return SOURCE_EXTENSIONS.some((ext) => entry.name.endsWith(ext)) && !entry.name.endsWith('.d.ts') ? [full] : [];
    })
    .sort();
}

function sourcesUnder(...segments: string[]): string[] {
  return walk(path.join(SRC, ...segments));
}

function relative(file: string): string {
  return path.relative(ROOT, file).split(path.sep).join('/');
}

function isUnder(file: string, dir: string): boolean {
  const rel = path.relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

// ---------------------------------------------------------------------------------------------
// A small lexer: enough of TypeScript to tell code, comments, strings and regex literals apart,
// so that prose in comments and descriptions never counts as code, and vice versa.

interface Scanned {
  /** The source without comments; string literals intact (for import specifiers). */
  readonly withoutComments: string;
  /** The source without comments, with the contents of strings and regexes blanked. */
  readonly code: string;
  /** The text of every string and template literal. */
  readonly strings: string[];
}

const REGEX_MAY_FOLLOW = new Set([...'(,=:[!&|?{};+-*%<>~^'.split(''), '']);
const REGEX_KEYWORDS = /(?:^|[^\w$])(?:return|typeof|case|do|else|in|of|new|delete|void|throw|yield|await)$/;

function scanSource(source: string): Scanned {
  let withoutComments = '';
  let code = '';
  const strings: string[] = [];
  let lastSignificant = '';
  let i = 0;
  const emit = (text: string, blank = false) => {
    withoutComments += text;
    code += blank ? text.replace(/[^\n]/g, ' ') : text;
  };
  while (i < source.length) {
    const c = source[i]!;
    const next = source[i + 1];
    if (c === '/' && next === '/') {
      const end = source.indexOf('\n', i);
      i = end === -1 ? source.length : end;
      continue;
    }
    if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end === -1 ? source.length : end + 2;
      const newlines = source.slice(i, stop).replace(/[^\n]/g, '');
      withoutComments += newlines || ' ';
      code += newlines || ' ';
      i = stop;
      continue;
    }
    if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      let text = '';
      while (j < source.length && source[j] !== c) {
        if (source[j] === '\\') {
          text += source.slice(j, j + 2);
          j += 2;
          continue;
        }
        if (c !== '`' && source[j] === '\n') break;
        text += source[j];
        j += 1;
      }
      strings.push(text);
      emit(c);
      emit(text, true);
      emit(source[j] ?? '');
      i = j + 1;
      lastSignificant = 'x';
      continue;
    }
    if (c === '/' && (REGEX_MAY_FOLLOW.has(lastSignificant) || REGEX_KEYWORDS.test(code.trimEnd()))) {
      let j = i + 1;
      let inClass = false;
      while (j < source.length && source[j] !== '\n') {
        const r = source[j]!;
        if (r === '\\') {
          j += 2;
          continue;
        }
        if (r === '[') inClass = true;
        else if (r === ']') inClass = false;
        else if (r === '/' && !inClass) break;
        j += 1;
      }
      emit('/');
      emit(source.slice(i + 1, j), true);
      emit(source[j] ?? '');
      i = j + 1;
      lastSignificant = 'x';
      continue;
    }
    emit(c);
    if (!/\s/.test(c)) lastSignificant = /[\w$)\].]/.test(c) ? 'x' : c;
    i += 1;
  }
  return { withoutComments, code, strings };
}

/** Every module specifier the file imports or re-exports from, statically or dynamically. */
function importsOf(scanned: Scanned): string[] {
  const text = scanned.withoutComments;
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g,
    /\brequire\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g,
  ];
  return patterns.flatMap((pattern) => [...text.matchAll(pattern)].map((m) => m[1]!));
}

/** Where a relative specifier points, as a path without extension; bare specifiers as given. */
function resolveSpecifier(file: string, specifier: string): string {
  if (!specifier.startsWith('.')) return specifier;
  return path.resolve(path.dirname(file), specifier).replace(/\.(?:[cm]?js|[cm]?ts)$/, '');
}

interface Checked {
  readonly scanned: number;
  readonly offenders: string[];
}

function check(files: string[], offences: (file: string, scanned: Scanned) => string[]): Checked {
  const offenders = files.flatMap((file) =>
    offences(file, scanSource(fs.readFileSync(file, 'utf8'))).map((what) => `${relative(file)}: ${what}`),
  );
  return { scanned: files.length, offenders };
}

// ---------------------------------------------------------------------------------------------
// The rules, as functions of one file, so they can be shown to catch what they claim to.

const SQL_IN_STRING = /\b(?:SELECT|INSERT|UPDATE)\s|\bDELETE\s+FROM\b/;
const TYPEORM_CALLS: ReadonlyArray<[RegExp, string]> = [
  [/\bcreateQueryBuilder\b/, 'calls createQueryBuilder'],
  [/\bgetRepository\b/, 'calls getRepository'],
  [/\.\s*query\s*\(/, 'calls .query('],
  [/\.\s*manager\b/, 'uses an EntityManager (.manager)'],
];

function resolverOffences(_file: string, scanned: Scanned): string[] {
  const found: string[] = [];
  for (const specifier of importsOf(scanned)) {
    if (specifier === 'typeorm' || specifier.startsWith('typeorm/')) found.push(`imports from '${specifier}'`);
  }
  for (const [pattern, what] of TYPEORM_CALLS) if (pattern.test(scanned.code)) found.push(what);
  for (const text of scanned.strings) {
    if (SQL_IN_STRING.test(text)) found.push(`has SQL in a string literal: ${JSON.stringify(text.slice(0, 80))}`);
  }
  return found;
}

/**
 * GraphQL packages services must not import. `@graphql-yoga/subscription` (the event bus) is
 * allowed: it is a typed pub/sub over EventTarget with no dependency on graphql itself.
 */
function isGraphQLPackage(specifier: string): boolean {
  return (
    /^(?:type-graphql|graphql|graphql-ws|graphql-scalars|graphql-query-complexity)(?:\/|$)/.test(specifier) ||
    /^@apollo\//.test(specifier) ||
    /^@as-integrations\//.test(specifier)
  );
}

function serviceOffences(file: string, scanned: Scanned): string[] {
  const forbiddenDirs = [path.join(SRC, 'schema'), path.join(SRC, 'resolvers')];
  return importsOf(scanned).flatMap((specifier) => {
    if (isGraphQLPackage(specifier)) return [`imports GraphQL package '${specifier}'`];
    const target = resolveSpecifier(file, specifier);
    if (forbiddenDirs.some((dir) => isUnder(target, dir))) return [`imports GraphQL layer '${specifier}'`];
    return [];
  });
}

function simulatorOffences(file: string, scanned: Scanned): string[] {
  const forbiddenDirs = ['services', 'entities', 'resolvers', 'schema'].map((d) => path.join(SRC, d));
  return importsOf(scanned).flatMap((specifier) => {
    const target = resolveSpecifier(file, specifier);
    return forbiddenDirs.some((dir) => isUnder(target, dir)) ? [`imports Homeroom internals '${specifier}'`] : [];
  });
}

function defaultExportOffences(_file: string, scanned: Scanned): string[] {
  const found: string[] = [];
  if (/\bexport\s+default\b/.test(scanned.code)) found.push('has `export default`');
  if (/\bexport\s*\{[^}]*\bas\s+default\b[^}]*\}/.test(scanned.code)) found.push('exports something `as default`');
  if (/\bexport\s*=/.test(scanned.code)) found.push('has `export =`');
  return found;
}

function moduleCommentOffences(file: string): string[] {
  return fs.readFileSync(file, 'utf8').startsWith('/**') ? [] : ['does not open with a /** module comment */'];
}

// ---------------------------------------------------------------------------------------------

const resolverFiles = sourcesUnder('resolvers');
const serviceFiles = sourcesUnder('services');
const simulatorFiles = sourcesUnder('simulator');
const allFiles = walk(SRC);
const documentedFiles = ['services', 'schema', 'entities', 'http', 'cli']
  .flatMap((dir) => sourcesUnder(dir))
  .filter((file) => !/^index\.[cm]?[jt]s$/.test(path.basename(file)));

function report(rule: string, result: Checked): string {
  return `${rule} (${result.scanned} files scanned); offenders:\n  ${result.offenders.join('\n  ')}`;
}

describe('architecture rules', () => {
  it(`keeps SQL and TypeORM out of src/resolvers (${resolverFiles.length} files)`, () => {
    expect(resolverFiles.length, 'src/resolvers has no source files: is the walk broken?').toBeGreaterThan(0);
    const result = check(resolverFiles, resolverOffences);
    expect(result.offenders, report('resolvers use SQL or TypeORM', result)).toEqual([]);
  });

  it(`keeps GraphQL out of src/services (${serviceFiles.length} files)`, () => {
    expect(serviceFiles.length, 'src/services has no source files: is the walk broken?').toBeGreaterThan(0);
    const result = check(serviceFiles, serviceOffences);
    expect(result.offenders, report('services import GraphQL', result)).toEqual([]);
  });

  it(`lets src/simulator reach Homeroom only over HTTP (${simulatorFiles.length} files)`, () => {
    const result = check(simulatorFiles, simulatorOffences);
    expect(result.offenders, report('simulator imports services, entities, resolvers or schema', result)).toEqual([]);
  });

  it(`has no default exports in src (${allFiles.length} files)`, () => {
    expect(allFiles.length).toBeGreaterThan(0);
    const result = check(allFiles, defaultExportOffences);
    expect(result.offenders, report('default exports', result)).toEqual([]);
  });

  it(`opens every module in services, schema, entities, http and cli with a /** comment (${documentedFiles.length} files)`, () => {
    expect(documentedFiles.length).toBeGreaterThan(0);
    const result = check(documentedFiles, (file) => moduleCommentOffences(file));
    expect(result.offenders, report('modules without a module comment', result)).toEqual([]);
  });
});

describe('the rule checkers themselves', () => {
  const resolverFile = path.join(SRC, 'resolvers', 'sample.resolver.ts');
  const serviceFile = path.join(SRC, 'services', 'sample.service.ts');
  const simulatorFile = path.join(SRC, 'simulator', 'device', 'ipad.ts');

  it('flag TypeORM imports, query builders, raw queries and SQL strings in a resolver', () => {
    const source = [
      "import type { EntityManager } from 'typeorm';",
      "const rows = await ds.query('SELECT * FROM api_key');",
      "const q = repo.createQueryBuilder('k');",
      'const r = ds.getRepository(ApiKey);',
      'const m = this.services.deps.database.manager;',
      'const d = `DELETE FROM device WHERE id = ${id}`;',
    ].join('\n');
    expect(resolverOffences(resolverFile, scanSource(source))).toEqual([
      "imports from 'typeorm'",
      'calls createQueryBuilder',
      'calls getRepository',
      'calls .query(',
      'uses an EntityManager (.manager)',
      'has SQL in a string literal: "SELECT * FROM api_key"',
      'has SQL in a string literal: "DELETE FROM device WHERE id = ${id}"',
    ]);
  });

  it('ignore SQL words and TypeORM names in comments and in prose descriptions of a resolver', () => {
    const source = [
      '// We never call createQueryBuilder here, nor SELECT anything.',
      "/** import { DataSource } from 'typeorm'; */",
      "@Query(() => X, { description: 'Lists keys (the query builder lives in the service).' })",
      'const pattern = /select|update/i;',
    ].join('\n');
    expect(resolverOffences(resolverFile, scanSource(source))).toEqual([]);
  });

  it('flag GraphQL packages and the schema and resolver layers in a service, but not entities', () => {
    const source = [
      "import { Field } from 'type-graphql';",
      "import { GraphQLError } from 'graphql';",
      "import type { ApolloServer } from '@apollo/server';",
      "import { makeServer } from 'graphql-ws';",
      "import { toGlobalId } from '../schema/global-id.js';",
      "export { ApiKeyResolver } from '../resolvers/api-key.resolver.js';",
      "const lazy = await import('../schema/build-schema.js');",
      "import { ApiKey } from '../entities/api-key.entity.js';",
      "import { createPubSub } from '@graphql-yoga/subscription';",
      "import { clock } from './clock.js';",
    ].join('\n');
    expect(serviceOffences(serviceFile, scanSource(source))).toEqual([
      "imports GraphQL package 'type-graphql'",
      "imports GraphQL package 'graphql'",
      "imports GraphQL package '@apollo/server'",
      "imports GraphQL package 'graphql-ws'",
      "imports GraphQL layer '../schema/global-id.js'",
      "imports GraphQL layer '../resolvers/api-key.resolver.js'",
      "imports GraphQL layer '../schema/build-schema.js'",
    ]);
  });

  it('flag simulator imports of services, entities, resolvers and schema, but not its own modules', () => {
    const source = [
      "import { ApiKeyService } from '../../services/api-key.service.js';",
      "import type { ApiKey } from '../../entities/api-key.entity.js';",
      "import { RESOLVERS } from '../../resolvers/index.js';",
      "import '../../schema/enums.js';",
      "import { scenario } from './scenario.js';",
      "import { appleServer } from '../apple/server.js';",
      "import { services } from './services/local.js';",
    ].join('\n');
    expect(simulatorOffences(simulatorFile, scanSource(source))).toEqual([
      "imports Homeroom internals '../../services/api-key.service.js'",
      "imports Homeroom internals '../../entities/api-key.entity.js'",
      "imports Homeroom internals '../../resolvers/index.js'",
      "imports Homeroom internals '../../schema/enums.js'",
    ]);
  });

  it('flag every form of default export, and not the word in strings or comments', () => {
    expect(defaultExportOffences('', scanSource('export default class Server {}'))).toEqual(['has `export default`']);
    expect(defaultExportOffences('', scanSource('const a = 1;\nexport { a as default };'))).toEqual(['exports something `as default`']);
    expect(defaultExportOffences('', scanSource("// export default x\nconst s = 'export default';"))).toEqual([]);
  });

  it('read a regex literal that holds quotes or slashes as a regex, not as a string or comment', () => {
    const scanned = scanSource("const a = raw.replace(/^\\/\\/(?=\\/)/, '');\nconst b = /[\"']/.test(x);\nimport { y } from 'typeorm';");
    expect(importsOf(scanned)).toEqual(['typeorm']);
    expect(scanned.strings).toEqual(['', 'typeorm']);
  });
});
