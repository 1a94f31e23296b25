#!/usr/bin/env node
/* global process, console */
// `npm run build`'s second half: type-checks and builds the browser pages (web/) into dist/web
// with Vite, unless dist/web is already newer than every file under web/ (outside web/src/gql's
// JSON) and package-lock.json, so `npm start` and `npm test` do not rebuild them each time.
// `node web/build.mjs --force` always builds.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const web = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(web);
const out = path.join(root, 'dist', 'web');
const stamp = path.join(out, '.built');

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/** The newest mtime (ms) of the files and folders under `dir`. */
function newest(dir) {
  let latest = mtime(dir);
  for (const item of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, item.name);
    latest = Math.max(latest, item.isDirectory() ? newest(full) : mtime(full));
  }
  return latest;
}

function run(label, script, args) {
  const started = Date.now();
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules', ...script), ...args], { stdio: 'inherit', cwd: root });
  if (result.status !== 0) {
    console.error(`web: ${label} failed`);
    process.exit(result.status ?? 1);
  }
  return Date.now() - started;
}

const force = process.argv.includes('--force');
const sources = Math.max(newest(web), mtime(path.join(root, 'package-lock.json')));
if (!force && fs.existsSync(path.join(out, 'index.html')) && mtime(stamp) >= sources) process.exit(0);

const typecheck = run('type check', ['typescript', 'bin', 'tsc'], ['-p', path.join(web, 'tsconfig.json')]);
const bundle = run('vite build', ['vite', 'bin', 'vite.js'], ['build', '--config', path.join(web, 'vite.config.ts'), '--logLevel', 'warn']);
fs.writeFileSync(stamp, `${new Date().toISOString()}\n`);
console.log(
  `web: console and explorer built into dist/web (types ${(typecheck / 1000).toFixed(1)} s, bundle ${(bundle / 1000).toFixed(1)} s)`,
);
