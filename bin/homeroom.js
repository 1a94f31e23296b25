#!/usr/bin/env node
/* global process */
// The `homeroom` command (`npx homeroom ...`, `npm run homeroom -- ...`). It runs the compiled CLI
// and, in a checkout, first rebuilds only when the build is stale: when a TypeScript file, a folder
// (a file added or deleted) under src/ or bench/, or a tsconfig is newer than dist/.tsbuildinfo.
// An mtime walk costs a few milliseconds; `tsc` even with nothing to do costs seconds.
// After a build it records the newest source mtime it built from (dist/.sources-stamp), not the
// clock: file mtimes come from the kernel's coarse clock, which can lag Date.now() by a tick, so a
// file saved just after a build could look older than a build stamped with "now" and be missed.
// HOMEROOM_SKIP_BUILD=1 skips the check (a deployed copy without sources skips it anyway).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const buildInfo = path.join(root, 'dist', '.tsbuildinfo');
const entry = path.join(root, 'dist', 'src', 'cli', 'main.js');
const sourcesStamp = path.join(root, 'dist', '.sources-stamp');

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

/** The newest source mtime the last build here was made from (0 when none was recorded). */
function stamped() {
  try {
    const value = Number(fs.readFileSync(sourcesStamp, 'utf8'));
    return Number.isFinite(value) ? value : 0;
  } catch {
    return 0;
  }
}

/** The newest mtime of what the build is made from. */
function newestSource() {
  return Math.max(
    newest(path.join(root, 'src')),
    newest(path.join(root, 'bench')),
    mtime(path.join(root, 'tsconfig.json')),
    mtime(path.join(root, 'tsconfig.build.json')),
  );
}

/**
 * Whether dist/ is missing or older than the sources; false in a copy without sources. A build is
 * as new as the later of its .tsbuildinfo (written by tsc, so also by `npm run build`) and the
 * sources stamp this script recorded (tsc leaves .tsbuildinfo alone when nothing changed).
 */
function buildIsStale(sources) {
  if (!fs.existsSync(path.join(root, 'src'))) return false;
  const built = fs.existsSync(entry) && fs.existsSync(buildInfo) ? Math.max(mtime(buildInfo), stamped()) : 0;
  return sources > built;
}

const sources = process.env.HOMEROOM_SKIP_BUILD ? 0 : newestSource();
if (!process.env.HOMEROOM_SKIP_BUILD && buildIsStale(sources)) {
  process.stderr.write('homeroom: sources changed since the last build; building (npm run build)...\n');
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const build = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  // Current up to the sources seen before building: one changed during the build is newer and builds next time.
  // A number's text round-trips exactly; setting an mtime would round it.
  fs.writeFileSync(sourcesStamp, String(sources));
}

await import(pathToFileURL(entry).href);
