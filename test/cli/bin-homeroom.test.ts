/**
 * `bin/homeroom.js` (`npx homeroom`, `npm run homeroom`): it runs dist/ at once when the build is
 * current and builds first only when a source is newer. Run on a copy of the script in a checkout
 * of its own, with a stand-in compiler that records each build, so nothing here compiles for real.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const repo = path.resolve(import.meta.dirname, '../..');
let root: string;

function write(relative: string, content: string, mtime?: Date): string {
  const file = path.join(root, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  if (mtime) fs.utimesSync(file, mtime, mtime);
  return file;
}

function homeroom(...argv: string[]): { stdout: string; stderr: string; builds: number } {
  const run = spawnSync(process.execPath, [path.join(root, 'bin', 'homeroom.js'), ...argv], { encoding: 'utf8' });
  expect(run.status).toBe(0);
  const marker = path.join(root, 'builds.log');
  return { stdout: run.stdout, stderr: run.stderr, builds: fs.existsSync(marker) ? fs.readFileSync(marker, 'utf8').length : 0 };
}

const hourAgo = new Date(Date.now() - 3_600_000);
const minuteAgo = new Date(Date.now() - 60_000);

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'homeroom-bin-'));
  fs.mkdirSync(path.join(root, 'bin'));
  fs.copyFileSync(path.join(repo, 'bin', 'homeroom.js'), path.join(root, 'bin', 'homeroom.js'));
  write('package.json', '{ "type": "module" }');
  write('dist/src/cli/main.js', "process.stdout.write(`ran ${process.argv.slice(2).join(' ')}\\n`);\n");
  // The stand-in for tsc: one character in builds.log per build, and a fresh .tsbuildinfo like tsc's.
  write(
    'node_modules/typescript/bin/tsc',
    [
      "const fs = require('node:fs');",
      "const path = require('node:path');",
      "const root = path.resolve(__dirname, '../../..');",
      "fs.appendFileSync(path.join(root, 'builds.log'), 'b');",
      "fs.writeFileSync(path.join(root, 'dist/.tsbuildinfo'), '{}');",
    ].join('\n'),
  );
  write('node_modules/typescript/package.json', '{ "type": "commonjs" }');
  write('src/cli/cli.ts', 'export {};', hourAgo);
  write('bench/sync.bench.ts', 'export {};', hourAgo);
  write('tsconfig.json', '{}', hourAgo);
  write('tsconfig.build.json', '{}', hourAgo);
  for (const dir of ['src/cli', 'src', 'bench']) fs.utimesSync(path.join(root, dir), hourAgo, hourAgo);
  write('dist/.tsbuildinfo', '{}', minuteAgo);
});

afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describe('bin/homeroom.js', () => {
  it('runs the compiled CLI with its arguments and builds nothing when dist/.tsbuildinfo is newer than every source', () => {
    const run = homeroom('asm', '--help');
    expect(run.stdout).toBe('ran asm --help\n');
    expect(run.stderr).toBe('');
    expect(run.builds).toBe(0);
  });

  it('builds once, saying so on stderr, when a source file is newer than the build; then runs without building', () => {
    write('src/cli/cli.ts', 'export const changed = 1;');
    const first = homeroom('help');
    expect(first.builds).toBe(1);
    expect(first.stderr).toContain('building');
    expect(first.stdout).toBe('ran help\n');
    expect(homeroom('help').builds).toBe(1);
  });

  it('builds when a source was deleted (its folder changed), a tsconfig changed, or dist/ is missing', () => {
    fs.rmSync(path.join(root, 'bench', 'sync.bench.ts'));
    expect(homeroom().builds).toBe(1);
    write('tsconfig.build.json', '{ "compilerOptions": {} }');
    expect(homeroom().builds).toBe(2);
    fs.rmSync(path.join(root, 'dist', '.tsbuildinfo'));
    expect(homeroom().builds).toBe(3);
  });

  it('marks the build current even when the compiler left .tsbuildinfo alone (a file touched, nothing to emit)', () => {
    write(
      'node_modules/typescript/bin/tsc',
      "require('node:fs').appendFileSync(require('node:path').resolve(__dirname, '../../../builds.log'), 'b');",
    );
    write('src/cli/cli.ts', 'export {};');
    expect(homeroom().builds).toBe(1);
    expect(homeroom().builds).toBe(1);
  });

  it('is current up to the sources it was built from, not up to the clock: a file saved after the build but dated before it builds', () => {
    // tsc leaves .tsbuildinfo alone (nothing to emit), so only what the script records says what was built.
    write(
      'node_modules/typescript/bin/tsc',
      "require('node:fs').appendFileSync(require('node:path').resolve(__dirname, '../../../builds.log'), 'b');",
    );
    const dayAgo = new Date(Date.now() - 86_400_000);
    fs.utimesSync(path.join(root, 'dist', '.tsbuildinfo'), dayAgo, dayAgo);
    write('src/cli/cli.ts', 'export {};', new Date(hourAgo.getTime() + 1000));
    expect(homeroom().builds).toBe(1);
    expect(homeroom().builds).toBe(1);
    // Dated after the sources the build saw, though long before the build ran (a coarse file clock, a restored file).
    write('tsconfig.json', '{ "compilerOptions": {} }', new Date(hourAgo.getTime() + 2000));
    expect(homeroom().builds).toBe(2);
    expect(homeroom().builds).toBe(2);
  });

  it('is what `npm run homeroom` runs: no build step in front of it', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
      bin: Record<string, string>;
    };
    expect(pkg.scripts.homeroom).toBe('node bin/homeroom.js');
    expect(pkg.bin.homeroom).toBe('bin/homeroom.js');
  });
});
