/**
 * The architecture's "rules that keep the house livable", checked on the import graph of src/ as
 * the TypeScript compiler parses it: which layer may import what, no import cycles (type-only
 * imports count: they still tie two modules' designs together), where SQL may live, no default
 * exports, and a module comment on every public module.
 *
 * The graph comes from `ts.createSourceFile`, so comments, strings and regex literals never pass
 * for code, and every form of import is seen: `import`, `import type`, `export ... from`, `import()`,
 * `import('x').T` in a type, and `require()`. Each rule names every offender as `file → specifier`;
 * each cycle is printed as a path. The checkers are pure functions of a graph, and the last block
 * feeds them small in-memory graphs to show they catch a wrong-way import and a cycle.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SRC = path.join(ROOT, 'src');

// ---------------------------------------------------------------------------------------------
// The import graph. Paths are relative to src/ and use `/`.

interface Import {
  /** The specifier as written. */
  readonly specifier: string;
  /** The src/-relative file a relative specifier points at; null for packages. */
  readonly target: string | null;
  readonly typeOnly: boolean;
  readonly line: number;
}

interface SourceModule {
  readonly file: string;
  readonly imports: readonly Import[];
  readonly sourceFile: ts.SourceFile;
}

type ImportGraph = ReadonlyMap<string, SourceModule>;

function isTypeOnly(node: ts.Node): boolean {
  if (ts.isImportDeclaration(node)) {
    const clause = node.importClause;
    if (!clause) return false;
    if (clause.isTypeOnly) return true;
    const bindings = clause.namedBindings;
    return (
      !clause.name &&
      !!bindings &&
      ts.isNamedImports(bindings) &&
      bindings.elements.length > 0 &&
      bindings.elements.every((e) => e.isTypeOnly)
    );
  }
  if (ts.isExportDeclaration(node)) return node.isTypeOnly;
  return ts.isImportTypeNode(node);
}

/** Every module specifier in a file, with whether only types cross it. */
function importsOf(sourceFile: ts.SourceFile): Array<Omit<Import, 'target'>> {
  const found: Array<Omit<Import, 'target'>> = [];
  const add = (node: ts.Node, literal: ts.Expression | ts.TypeNode | undefined) => {
    const text =
      literal && ts.isStringLiteralLike(literal as ts.Node)
        ? (literal as ts.StringLiteralLike).text
        : literal && ts.isLiteralTypeNode(literal as ts.Node) && ts.isStringLiteral((literal as ts.LiteralTypeNode).literal)
          ? ((literal as ts.LiteralTypeNode).literal as ts.StringLiteral).text
          : null;
    if (text === null) return;
    const line = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1;
    found.push({ specifier: text, typeOnly: isTypeOnly(node), line });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) add(node, node.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node, node.moduleReference.expression);
    } else if (ts.isImportTypeNode(node)) add(node, node.argument);
    else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const dynamic = callee.kind === ts.SyntaxKind.ImportKeyword;
      const required = ts.isIdentifier(callee) && callee.text === 'require';
      if (dynamic || required) add(node, node.arguments[0]);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

/** Where a relative specifier points among `files`: `.js` written for `.ts`, or a folder's index. */
function resolveTarget(from: string, specifier: string, files: ReadonlySet<string>): string | null {
  if (!specifier.startsWith('.')) return null;
  const joined = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  const candidates = [joined, joined.replace(/\.([cm]?)js$/, '.$1ts'), `${joined}.ts`, `${joined}/index.ts`];
  return candidates.find((candidate) => files.has(candidate)) ?? joined;
}

/** The import graph of a set of sources given as `src/`-relative path → text. */
function buildImportGraph(sources: ReadonlyMap<string, string>): ImportGraph {
  const files = new Set(sources.keys());
  const graph = new Map<string, SourceModule>();
  for (const [file, text] of sources) {
    const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const imports = importsOf(sourceFile).map((entry) => ({ ...entry, target: resolveTarget(file, entry.specifier, files) }));
    graph.set(file, { file, imports, sourceFile });
  }
  return graph;
}

function readSources(dir: string): Map<string, string> {
  const sources = new Map<string, string>();
  const walk = (current: string) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.[cm]?ts$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        sources.set(path.relative(dir, full).split(path.sep).join('/'), fs.readFileSync(full, 'utf8'));
      }
    }
  };
  walk(dir);
  return new Map([...sources].sort(([a], [b]) => a.localeCompare(b)));
}

// ---------------------------------------------------------------------------------------------
// Layer rules: which files may not import which files or packages.

/** A file or folder of src/: `services` matches `services/...`, `errors.ts` matches only itself. */
function under(file: string, place: string): boolean {
  return file === place || file.startsWith(`${place}/`);
}

/**
 * GraphQL packages. `@graphql-yoga/subscription` (the event bus) is not one: it is a typed pub/sub
 * over EventTarget with no dependency on graphql itself.
 */
const GRAPHQL_PACKAGES =
  /^(?:type-graphql|graphql|graphql-ws|graphql-scalars|graphql-query-complexity)(?:\/|$)|^@apollo\/|^@as-integrations\//;

interface LayerRule {
  readonly name: string;
  /** The files the rule constrains. */
  readonly files: (file: string) => boolean;
  /** src/ places those files may not import. */
  readonly forbiddenPlaces?: readonly string[];
  /** Packages those files may not import. */
  readonly forbiddenPackages?: RegExp;
  /** When set, any relative import leaving these places is forbidden. */
  readonly confinedTo?: readonly string[];
}

const LAYER_RULES: readonly LayerRule[] = [
  {
    name: 'the simulator imports nothing from Homeroom but the wire encodings (it talks to it over HTTP only)',
    files: (f) => under(f, 'simulator'),
    confinedTo: ['simulator', 'wire'],
  },
  {
    // What both sides of a protocol share, as a package from npm would be: it depends on nothing of the project's.
    name: 'the wire encodings import nothing from the project',
    files: (f) => under(f, 'wire'),
    confinedTo: ['wire'],
  },
  {
    name: 'services import no GraphQL package and nothing from resolvers, schema or http',
    files: (f) => under(f, 'services'),
    forbiddenPlaces: ['resolvers', 'schema', 'http'],
    forbiddenPackages: GRAPHQL_PACKAGES,
  },
  {
    name: 'entities import no GraphQL package and nothing from schema, services, resolvers or http',
    files: (f) => under(f, 'entities'),
    forbiddenPlaces: ['schema', 'services', 'resolvers', 'http'],
    forbiddenPackages: GRAPHQL_PACKAGES,
  },
  {
    name: 'platform imports nothing from services, resolvers, http or schema',
    files: (f) => under(f, 'platform'),
    forbiddenPlaces: ['services', 'resolvers', 'http', 'schema'],
  },
  {
    name: 'schema imports nothing from resolvers (the resolver list is composed at the server)',
    files: (f) => under(f, 'schema'),
    forbiddenPlaces: ['resolvers', 'http'],
  },
  {
    name: 'mdm keeps the protocol only: nothing from services, entities, resolvers, schema or http',
    files: (f) => under(f, 'mdm'),
    forbiddenPlaces: ['services', 'entities', 'resolvers', 'schema', 'http'],
  },
  {
    name: 'the shared vocabulary (errors, global IDs, permissions, text input, word sets) imports no layer above it',
    files: (f) => ['errors.ts', 'global-id.ts', 'permissions.ts', 'text-input.ts', 'words.ts'].includes(f),
    forbiddenPlaces: ['schema', 'resolvers', 'services', 'http', 'entities', 'platform'],
    forbiddenPackages: GRAPHQL_PACKAGES,
  },
  {
    name: 'resolvers import no TypeORM (queries belong to services)',
    files: (f) => under(f, 'resolvers'),
    forbiddenPackages: /^typeorm(?:\/|$)/,
  },
];

function describeImport(file: string, entry: Import): string {
  return `src/${file}:${entry.line} → '${entry.specifier}'${entry.typeOnly ? ' (type-only)' : ''}`;
}

/** Every import that breaks `rule`, as `src/file:line → 'specifier'`. */
function layerOffences(graph: ImportGraph, rule: LayerRule): string[] {
  const offences: string[] = [];
  for (const module of graph.values()) {
    if (!rule.files(module.file)) continue;
    for (const entry of module.imports) {
      const target = entry.target;
      const wrong =
        target === null
          ? !!rule.forbiddenPackages?.test(entry.specifier)
          : (rule.forbiddenPlaces ?? []).some((place) => under(target, place)) ||
            (rule.confinedTo !== undefined && !rule.confinedTo.some((place) => under(target, place)));
      if (wrong) offences.push(describeImport(module.file, entry));
    }
  }
  return offences;
}

// ---------------------------------------------------------------------------------------------
// Cycles: Tarjan's strongly connected components; each one with more than one module (or a
// module importing itself) is reported with one concrete cycle through it.

function stronglyConnected(graph: ImportGraph): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const edges = (file: string) =>
    (graph.get(file)?.imports ?? []).map((e) => e.target).filter((t): t is string => t !== null && graph.has(t));

  const connect = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of edges(v)) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || edges(v).includes(v)) components.push(component.sort());
    }
  };
  for (const file of graph.keys()) if (!index.has(file)) connect(file);
  return components.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

/** The shortest cycle from the component's first module back to itself, within the component. */
function cycleThrough(graph: ImportGraph, component: readonly string[]): string[] {
  const members = new Set(component);
  const start = component[0]!;
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const current = queue.shift()!;
    for (const entry of graph.get(current)?.imports ?? []) {
      const next = entry.target;
      if (next === null || !members.has(next)) continue;
      if (next === start) {
        const path = [current];
        while (path[0] !== start) path.unshift(previous.get(path[0]!)!);
        return [...path, start];
      }
      if (!previous.has(next)) {
        previous.set(next, current);
        queue.push(next);
      }
    }
  }
  return [...component, start];
}

function cycleOffences(graph: ImportGraph): string[] {
  return stronglyConnected(graph).map((component) => {
    const cycle = cycleThrough(graph, component).map((file) => `src/${file}`);
    return `${cycle.join(' → ')}${component.length > cycle.length - 1 ? ` (and ${component.length - cycle.length + 1} more modules in the same knot)` : ''}`;
  });
}

// ---------------------------------------------------------------------------------------------
// Rules about the code itself, on the syntax tree.

const SQL_IN_STRING = /\b(?:SELECT|INSERT|UPDATE)\s|\bDELETE\s+FROM\b/;

/** TypeORM reaches and SQL text in a resolver: queries belong to services. */
function sqlOffences(module: SourceModule): string[] {
  const found: string[] = [];
  const where = (node: ts.Node) =>
    `src/${module.file}:${module.sourceFile.getLineAndCharacterOfPosition(node.getStart(module.sourceFile)).line + 1}`;
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && (node.text === 'createQueryBuilder' || node.text === 'getRepository')) {
      found.push(`${where(node)} uses ${node.text}`);
    } else if (ts.isPropertyAccessExpression(node) && node.name.text === 'manager') {
      found.push(`${where(node)} uses an EntityManager (.manager)`);
    } else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'query') {
      found.push(`${where(node)} calls .query(`);
    } else if (ts.isStringLiteralLike(node) || ts.isTemplateExpression(node)) {
      const text = ts.isTemplateExpression(node) ? node.getText(module.sourceFile) : node.text;
      if (SQL_IN_STRING.test(text)) found.push(`${where(node)} has SQL in a string: ${JSON.stringify(text.slice(0, 80))}`);
      if (ts.isTemplateExpression(node)) return;
    }
    ts.forEachChild(node, visit);
  };
  visit(module.sourceFile);
  return found;
}

function defaultExportOffences(module: SourceModule): string[] {
  const found: string[] = [];
  const where = (node: ts.Node) =>
    `src/${module.file}:${module.sourceFile.getLineAndCharacterOfPosition(node.getStart(module.sourceFile)).line + 1}`;
  for (const statement of module.sourceFile.statements) {
    if (ts.isExportAssignment(statement))
      found.push(`${where(statement)} has ${statement.isExportEquals ? '`export =`' : '`export default`'}`);
    const modifiers = ts.canHaveModifiers(statement) ? (ts.getModifiers(statement) ?? []) : [];
    if (modifiers.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)) found.push(`${where(statement)} has \`export default\``);
    if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      if (statement.exportClause.elements.some((e) => e.name.text === 'default'))
        found.push(`${where(statement)} exports something \`as default\``);
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------

const graph = buildImportGraph(readSources(SRC));
const modules = [...graph.values()];
const inPlace = (...places: string[]) => modules.filter((m) => places.some((place) => under(m.file, place)));

function report(rule: string, scanned: number, offenders: readonly string[]): string {
  return `${rule} (${scanned} files scanned); ${offenders.length} offender(s):\n  ${offenders.join('\n  ')}`;
}

describe('the import graph of src/', () => {
  it(`is read from every source file (${graph.size} files, ${modules.reduce((n, m) => n + m.imports.length, 0)} imports)`, () => {
    for (const place of ['services', 'platform', 'entities', 'resolvers', 'schema', 'http', 'mdm', 'simulator']) {
      expect(inPlace(place).length, `no source files under src/${place}: is the walk broken?`).toBeGreaterThan(0);
    }
    const unresolved = modules.flatMap((m) =>
      m.imports.filter((e) => e.target !== null && !graph.has(e.target)).map((e) => describeImport(m.file, e)),
    );
    expect(unresolved, report('relative imports that name no source file', graph.size, unresolved)).toEqual([]);
  });

  for (const rule of LAYER_RULES) {
    it(`keeps the rule: ${rule.name}`, () => {
      const scanned = modules.filter((m) => rule.files(m.file)).length;
      expect(scanned, `the rule "${rule.name}" applies to no file: is its place still there?`).toBeGreaterThan(0);
      const offenders = layerOffences(graph, rule);
      expect(offenders, report(rule.name, scanned, offenders)).toEqual([]);
    });
  }

  it('has no import cycles, type-only imports included', () => {
    const cycles = cycleOffences(graph);
    expect(cycles, report('import cycles', graph.size, cycles)).toEqual([]);
  });
});

describe('the layout of src/', () => {
  it('keeps every service in a domain room (src/services/<domain>/), beside the bundle that wires them', () => {
    const loose = inPlace('services')
      .map((m) => m.file)
      .filter((file) => file.split('/').length === 2 && !['services/services.ts', 'services/service-dependencies.ts'].includes(file));
    expect(loose, report('loose files in src/services', inPlace('services').length, loose)).toEqual([]);
  });
});

describe('the code', () => {
  it(`keeps SQL and TypeORM out of src/resolvers (${inPlace('resolvers').length} files)`, () => {
    const offenders = inPlace('resolvers').flatMap(sqlOffences);
    expect(offenders, report('resolvers use SQL or TypeORM', inPlace('resolvers').length, offenders)).toEqual([]);
  });

  it(`has no default exports in src (${modules.length} files)`, () => {
    const offenders = modules.flatMap(defaultExportOffences);
    expect(offenders, report('default exports', modules.length, offenders)).toEqual([]);
  });

  it('opens every module in services, platform, schema, entities, http and cli with a /** comment', () => {
    const documented = inPlace('services', 'platform', 'schema', 'entities', 'http', 'cli').filter(
      (m) => !/(?:^|\/)index\.ts$/.test(m.file),
    );
    const offenders = documented.filter((m) => !m.sourceFile.text.startsWith('/**')).map((m) => `src/${m.file}`);
    expect(offenders, report('modules without a module comment', documented.length, offenders)).toEqual([]);
  });
});

describe('the checkers themselves', () => {
  const fixture = (files: Record<string, string>) => buildImportGraph(new Map(Object.entries(files)));
  const rule = (start: string) => LAYER_RULES.find((r) => r.name.startsWith(start))!;

  it('see every form of import, and mark the type-only ones', () => {
    const g = fixture({
      'services/a.ts': [
        "import { b } from './b.js';",
        "import type { C } from './c.js';",
        "import { type D } from './d.js';",
        "export { e } from './e.js';",
        "export type { F } from './f.js';",
        'const g = await import("./g.js");',
        "type H = import('./h.js').H;",
        "const i = require('./i.js');",
        "// import { nope } from './comment.js';",
        'const text = "import { nope } from \'./string.js\'";',
      ].join('\n'),
    });
    expect(g.get('services/a.ts')!.imports.map((e) => `${e.specifier}${e.typeOnly ? ' type' : ''}`)).toEqual([
      './b.js',
      './c.js type',
      './d.js type',
      './e.js',
      './f.js type',
      './g.js',
      './h.js type',
      './i.js',
    ]);
  });

  it('catch a wrong-way import and name the file, the line and the specifier', () => {
    const g = fixture({
      'services/device/device.service.ts':
        "import { Device } from '../../entities/device.entity.js';\nimport type { DeviceType } from '../../resolvers/device.type.js';",
      'services/token/token.service.ts':
        "import { Field } from 'type-graphql';\nimport { createPubSub } from '@graphql-yoga/subscription';",
      'entities/device.entity.ts': "import { Node } from '../schema/node.type.js';",
      'platform/clock.ts': "import type { Services } from '../services/services.js';",
      'schema/build-schema.ts': "import { RESOLVERS } from '../resolvers/index.js';",
      'errors.ts': "import { toGlobalId } from './schema/global-id.js';",
      'simulator/device/ipad.ts': "import { scenario } from './scenario.js';\nimport { logger } from '../../logger.js';",
      'simulator/device/scenario.ts': "export const scenario = 1;\nimport { readDer } from '../../wire/der.js';",
      'wire/der.ts': "import { badInput } from '../errors.js';",
      'resolvers/device.type.ts': "import type { EntityManager } from 'typeorm';",
      'resolvers/index.ts': '',
      'schema/node.type.ts': '',
      'schema/global-id.ts': '',
      'services/services.ts': '',
      'logger.ts': '',
    });
    expect(layerOffences(g, rule('services'))).toEqual([
      "src/services/device/device.service.ts:2 → '../../resolvers/device.type.js' (type-only)",
      "src/services/token/token.service.ts:1 → 'type-graphql'",
    ]);
    expect(layerOffences(g, rule('entities'))).toEqual(["src/entities/device.entity.ts:1 → '../schema/node.type.js'"]);
    expect(layerOffences(g, rule('platform'))).toEqual(["src/platform/clock.ts:1 → '../services/services.js' (type-only)"]);
    expect(layerOffences(g, rule('schema'))).toEqual(["src/schema/build-schema.ts:1 → '../resolvers/index.js'"]);
    expect(layerOffences(g, rule('the shared vocabulary'))).toEqual(["src/errors.ts:1 → './schema/global-id.js'"]);
    expect(layerOffences(g, rule('the simulator'))).toEqual(["src/simulator/device/ipad.ts:2 → '../../logger.js'"]);
    expect(layerOffences(g, rule('the wire encodings'))).toEqual(["src/wire/der.ts:1 → '../errors.js'"]);
    expect(layerOffences(g, rule('resolvers'))).toEqual(["src/resolvers/device.type.ts:1 → 'typeorm' (type-only)"]);
  });

  it('catch a cycle, type-only included, and print it as a path', () => {
    const g = fixture({
      'services/sync/sync.service.ts': "import { runner } from './sync-runner.js';",
      'services/sync/sync-runner.ts': "import type { TokenService } from '../token/token.service.js';",
      'services/token/token.service.ts': "import type { SyncService } from '../sync/sync.service.js';",
      'services/user/user.service.ts': "import type { TokenService } from '../token/token.service.js';",
      'platform/self.ts': "import type { Self } from './self.js';",
    });
    expect(cycleOffences(g)).toEqual([
      'src/platform/self.ts → src/platform/self.ts',
      'src/services/sync/sync-runner.ts → src/services/token/token.service.ts → src/services/sync/sync.service.ts → src/services/sync/sync-runner.ts',
    ]);
    expect(cycleOffences(fixture({ 'a.ts': "import './b.js';", 'b.ts': "import './c.js';", 'c.ts': '' }))).toEqual([]);
  });

  it('flag TypeORM calls and SQL strings in a resolver, but not SQL words in comments or descriptions', () => {
    const g = fixture({
      'resolvers/bad.resolver.ts': [
        "const rows = await ds.query('SELECT * FROM api_key');",
        "const q = repo.createQueryBuilder('k');",
        'const m = this.services.deps.database.manager;',
        'const d = `DELETE FROM device WHERE id = ${id}`;',
      ].join('\n'),
      'resolvers/good.resolver.ts': [
        '// We never call createQueryBuilder here, nor SELECT anything.',
        "@Query(() => X, { description: 'Lists keys (the query builder lives in the service).' })",
        'const pattern = /select|update/i;',
      ].join('\n'),
    });
    expect(sqlOffences(g.get('resolvers/bad.resolver.ts')!)).toEqual([
      'src/resolvers/bad.resolver.ts:1 calls .query(',
      'src/resolvers/bad.resolver.ts:1 has SQL in a string: "SELECT * FROM api_key"',
      'src/resolvers/bad.resolver.ts:2 uses createQueryBuilder',
      'src/resolvers/bad.resolver.ts:3 uses an EntityManager (.manager)',
      'src/resolvers/bad.resolver.ts:4 has SQL in a string: "`DELETE FROM device WHERE id = ${id}`"',
    ]);
    expect(sqlOffences(g.get('resolvers/good.resolver.ts')!)).toEqual([]);
  });

  it('flag every form of default export, and not the words in strings or comments', () => {
    const g = fixture({
      'a.ts': 'export default class Server {}',
      'b.ts': 'const a = 1;\nexport { a as default };',
      'c.ts': "// export default x\nconst s = 'export default';",
      'd.ts': 'export = 1;',
    });
    expect(['a.ts', 'b.ts', 'c.ts', 'd.ts'].flatMap((f) => defaultExportOffences(g.get(f)!))).toEqual([
      'src/a.ts:1 has `export default`',
      'src/b.ts:2 exports something `as default`',
      'src/d.ts:1 has `export =`',
    ]);
  });
});
