/**
 * How a shell finds the Apple simulator `npm start` embeds: the server writes the URL its start-up
 * banner prints, with its process ID, to `<HOMEROOM_DATA_DIR>/apple-simulator.running.json` once the
 * simulator listens, and removes the file when it stops. `homeroom asm` and `homeroom simulate
 * devices` read it, so they reach the simulator even on a port the server picked itself
 * (`APPLE_SIMULATOR_PORT=0`) or on another `HOST`. A file left by a server that was killed names a
 * process that is gone and is ignored.
 */
import fs from 'node:fs';
import path from 'node:path';

/** The file's name inside the data directory. */
export const RUNNING_SIMULATOR_FILE = 'apple-simulator.running.json';

interface RunningSimulatorRecord {
  readonly url: string;
  readonly pid: number;
}

/**
 * Records `url` as the running simulator of this process; resolves with a function that removes
 * the record again (only while it is still this process's: a later server may have replaced it).
 * Best effort: a data directory that cannot be written only costs the shell its default.
 */
export function writeRunningSimulatorFile(dataDir: string, url: string): () => void {
  const file = path.join(dataDir, RUNNING_SIMULATOR_FILE);
  const record: RunningSimulatorRecord = { url, pid: process.pid };
  try {
    // Private like the rest of the data directory: 0700 when created here, the file 0600.
    if (!fs.existsSync(dataDir)) {
      fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
      fs.chmodSync(dataDir, 0o700);
    }
    fs.writeFileSync(file, `${JSON.stringify(record)}\n`, { mode: 0o600 });
    fs.chmodSync(file, 0o600);
  } catch {
    return () => undefined;
  }
  return () => {
    if (readRecord(file)?.pid !== process.pid) return;
    fs.rmSync(file, { force: true });
  };
}

/** The URL of the simulator a live Homeroom on this machine embeds with this data directory, or null. */
export function readRunningSimulatorUrl(dataDir: string): string | null {
  const record = readRecord(path.join(dataDir, RUNNING_SIMULATOR_FILE));
  return record && processIsAlive(record.pid) ? record.url : null;
}

function readRecord(file: string): RunningSimulatorRecord | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<RunningSimulatorRecord>;
    return typeof parsed.url === 'string' && Number.isInteger(parsed.pid) ? { url: parsed.url, pid: parsed.pid! } : null;
  } catch {
    return null;
  }
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
