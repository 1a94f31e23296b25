/**
 * The data directory and what Homeroom writes into it (the SQLite database and its -wal/-shm,
 * `secret.key`, `admin-api-key.txt`) are for the user Homeroom runs as only: the directory 0700,
 * files 0600, whatever the umask. The mode is given at creation and set again with chmod, since
 * a umask can only take bits away and an existing file keeps the mode it had.
 *
 * (The Apple simulator writes its own files with the same modes: it imports nothing from here.)
 */
import fs from 'node:fs';
import type { Logger } from '../logger.js';

export const PRIVATE_DIRECTORY_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** `0755`, as `ls` and chmod write it. */
export function octalMode(mode: number): string {
  return `0${(mode & 0o777).toString(8)}`;
}

/** Creates `directory` (and missing parents) 0700; an existing one is left as it is. */
export function ensurePrivateDirectory(directory: string): void {
  if (fs.existsSync(directory)) return;
  fs.mkdirSync(directory, { recursive: true, mode: PRIVATE_DIRECTORY_MODE });
  fs.chmodSync(directory, PRIVATE_DIRECTORY_MODE);
}

/** Writes `content` to `file` 0600 (creating its directory 0700 when missing). */
export function writePrivateFile(file: string, content: string, options: { readonly exclusive?: boolean } = {}): void {
  fs.writeFileSync(file, content, { mode: PRIVATE_FILE_MODE, flag: options.exclusive ? 'wx' : 'w' });
  fs.chmodSync(file, PRIVATE_FILE_MODE);
}

/** Makes an existing `file` 0600, or creates it empty with that mode. */
export function touchPrivateFile(file: string): void {
  fs.closeSync(fs.openSync(file, 'a', PRIVATE_FILE_MODE));
  fs.chmodSync(file, PRIVATE_FILE_MODE);
}

/** Makes `file` 0600 if it exists. */
export function restrictIfPresent(file: string): void {
  try {
    fs.chmodSync(file, PRIVATE_FILE_MODE);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/**
 * At start: a data directory other local users may enter or read is reported (with its path
 * and mode) but left alone, since the operator may have meant it. A missing one is created 0700
 * by whatever writes into it first (nothing does with PostgreSQL and HOMEROOM_SECRET_KEY).
 */
export function checkDataDirectory(directory: string, logger: Logger): void {
  let mode: number;
  try {
    mode = fs.statSync(directory).mode & 0o777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return;
  }
  if ((mode & 0o077) !== 0) {
    logger.warn(
      { path: directory, mode: octalMode(mode) },
      `the data directory is open to other local users (mode ${octalMode(mode)}); it holds the database and keys: chmod 700 it`,
    );
  }
}
