/**
 * The data directory is Homeroom's user's only: an embedded start under umask 022 creates the
 * directory 0700 and every file it writes there 0600 (the SQLite file and its -wal/-shm, the
 * secret key, the first ADMIN key, the simulator's state and running files), and a start on an
 * existing directory open to others says so (path and mode) in the log.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { Role } from '../../src/permissions.js';
import { systemContext } from '../../src/platform/request-context.js';
import { writeAtomically } from '../../src/simulator/apple/persistence.js';
import { startServer } from '../../src/server.js';

const modeOf = (file: string) => `0${(fs.statSync(file).mode & 0o777).toString(8)}`;

describe('data directory modes', () => {
  let root: string;
  let umask: number;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'homeroom-modes-'));
    umask = process.umask(0o022);
  });
  afterEach(() => {
    process.umask(umask);
    fs.rmSync(root, { recursive: true, force: true });
  });

  /** The embedded setup (SQLite, generated key, built-in simulator) in `dataDir`, with what it logs at warn. */
  async function startEmbedded(dataDir: string) {
    const lines: Array<Record<string, unknown>> = [];
    const logger = createLogger('warn', { write: (s: string) => void lines.push(JSON.parse(s) as Record<string, unknown>) });
    const config = loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      HOMEROOM_DATA_DIR: dataDir,
      APPLE_SIMULATOR_PORT: '0',
      APPLE_SIMULATOR_DEVICES: '10',
    });
    const server = await startServer(config, { logger });
    return { server, lines };
  }

  it('creates the data directory 0700 and the database, its -wal/-shm, keys and simulator files 0600 under umask 022', async () => {
    const dataDir = path.join(root, 'data');
    const { server } = await startEmbedded(dataDir);
    try {
      // Something written so the WAL exists.
      await server.services.apiKeys.create(systemContext(createLogger('silent')), { name: 'wal-writer', role: Role.READ_ONLY });
      expect(modeOf(dataDir)).toBe('0700');
      const running = [
        'homeroom.sqlite',
        'homeroom.sqlite-wal',
        'homeroom.sqlite-shm',
        'secret.key',
        'admin-api-key.txt',
        'apple-simulator.running.json',
      ];
      for (const name of running) expect(`${name} ${modeOf(path.join(dataDir, name))}`).toBe(`${name} 0600`);
    } finally {
      await server.close();
    }
    const left = fs.readdirSync(dataDir);
    expect(left).toContain('apple-simulator.json');
    for (const name of left) expect(`${name} ${modeOf(path.join(dataDir, name))}`).toBe(`${name} 0600`);
  });

  it('makes an existing homeroom.sqlite of 0644 private on start, and warns with the path and mode of a data directory wider than 0700', async () => {
    const dataDir = path.join(root, 'open');
    fs.mkdirSync(dataDir, { mode: 0o755 });
    fs.writeFileSync(path.join(dataDir, 'homeroom.sqlite'), '', { mode: 0o644 });
    const { server, lines } = await startEmbedded(dataDir);
    await server.close();
    expect(modeOf(path.join(dataDir, 'homeroom.sqlite'))).toBe('0600');
    expect(modeOf(dataDir)).toBe('0755');
    expect(lines).toContainEqual(
      expect.objectContaining({ level: 'warn', path: dataDir, mode: '0755', msg: expect.stringContaining('chmod 700') }),
    );
  });

  it('says nothing of a data directory that is 0700', async () => {
    const dataDir = path.join(root, 'closed');
    fs.mkdirSync(dataDir, { mode: 0o700 });
    const { server, lines } = await startEmbedded(dataDir);
    await server.close();
    expect(lines.filter((line) => line.path === dataDir)).toEqual([]);
  });

  it('writes the Apple simulator’s state 0600 in a directory it creates 0700 (homeroom simulate apple)', async () => {
    const file = path.join(root, 'elsewhere', 'state.json');
    await writeAtomically(file, '{}');
    expect(modeOf(path.dirname(file))).toBe('0700');
    expect(modeOf(file)).toBe('0600');
  });
});
