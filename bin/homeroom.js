#!/usr/bin/env node
/* global process */
// The `homeroom` command (`npx homeroom ...`, `npm run homeroom -- ...`). It runs the compiled CLI
// and, in a checkout, first rebuilds only when the build is stale: when a TypeScript file, a folder
// (a file added or deleted) under src/ or bench/, or a tsconfig is newer than dist/.tsbuildinfo.
// An mtime walk costs a few milliseconds; `tsc` even with nothing to do costs seconds.
// HOMEROOM_SKIP_BUILD=1 skips the check (a deployed copy without sources skips it anyway).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const buildInfo = path.join(root, 'dist', '.tsbuildinfo');
const entry = path.join(root, 'dist', 'src', 'cli', 'main.js');

/** The newest mtime (ms) of the folders and `.ts` files under `dir`; 0 when it is not there. */
function newest(dir) {
  let stat;
  try {
    stat = fs.statSync(dir);
  } catch {
    return 0;
  }
  let latest = stat.mtimeMs;
  for (const item of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, item.name);
    if (item.isDirectory()) latest = Math.max(latest, newest(full));
    else if (item.name.endsWith('.ts')) latest = Math.max(latest, fs.statSync(full).mtimeMs);
  }
  return latest;
}

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/** Whether dist/ is missing or older than the sources; false in a copy without sources. */
function buildIsStale() {
  if (!fs.existsSync(path.join(root, 'src'))) return false;
  const built = fs.existsSync(entry) ? mtime(buildInfo) : 0;
  const sources = Math.max(
    newest(path.join(root, 'src')),
    newest(path.join(root, 'bench')),
    mtime(path.join(root, 'tsconfig.json')),
    mtime(path.join(root, 'tsconfig.build.json')),
  );
  return sources > built;
}

if (!process.env.HOMEROOM_SKIP_BUILD && buildIsStale()) {
  process.stderr.write('homeroom: sources changed since the last build; building (npm run build)...\n');
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const build = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  // tsc leaves .tsbuildinfo alone when no output changed (a touched file, a comment): mark the build current anyway.
  const now = new Date();
  fs.utimesSync(buildInfo, now, now);
}

await import(pathToFileURL(entry).href);
