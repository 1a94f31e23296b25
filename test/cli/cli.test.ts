import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { AuditEvent, AuditOutcome } from '../../src/entities/audit-event.entity.js';
import { openDatabase } from '../../src/entities/data-source.js';
import { toGlobalId } from '../../src/global-id.js';
import { runHomeroom, type CliRun } from '../support/cli.js';
import { createTestDatabase, testEnvironment } from '../support/database.js';

interface KeyJson {
  id: string;
  name: string;
  role: string;
  secret?: string;
  revokedAt: string;
}

/** A data directory (and, on PostgreSQL, a schema) of its own for one test. */
interface CliEnvironment {
  readonly env: NodeJS.ProcessEnv;
  cleanup(): Promise<void>;
}

async function createCliEnvironment(): Promise<CliEnvironment> {
  const testDb = await createTestDatabase();
  return { env: testEnvironment(testDb), cleanup: () => testDb.cleanup() };
}

const run = runHomeroom;

/** Runs a command that must succeed, and shows its stderr when it does not. */
async function ok(env: NodeJS.ProcessEnv, ...argv: string[]): Promise<CliRun> {
  const result = await run(env, ...argv);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result;
}

async function createJson(env: NodeJS.ProcessEnv, name: string, role: string): Promise<KeyJson> {
  return JSON.parse((await ok(env, 'api-key', 'create', '--name', name, '--role', role, '--json')).stdout) as KeyJson;
}

async function listJson(env: NodeJS.ProcessEnv, ...flags: string[]): Promise<KeyJson[]> {
  return JSON.parse((await ok(env, 'api-key', 'list', '--json', ...flags)).stdout) as KeyJson[];
}

const SECRET_PATTERN = /hr_[A-Za-z0-9_-]+/g;

describe('homeroom CLI', () => {
  let cli: CliEnvironment;
  let env: NodeJS.ProcessEnv;

  beforeEach(async () => {
    cli = await createCliEnvironment();
    env = cli.env;
  });
  afterEach(async () => {
    await cli.cleanup();
  });

  describe('api-key create', () => {
    it('creates an operator key, exits 0 and prints its hr_ secret exactly once', async () => {
      const result = await ok(env, 'api-key', 'create', '--name', 'ci', '--role', 'operator');
      const secrets = result.stdout.match(SECRET_PATTERN) ?? [];
      expect(secrets).toHaveLength(1);
      expect(secrets[0]!.length).toBeGreaterThan(40);
      expect(result.stdout).toContain('Created OPERATOR key "ci"');
      expect(result.stdout).toContain(toGlobalId('ApiKey', 1));
    });

    it('prints parseable JSON with id, name, role and secret under --json', async () => {
      const created = await createJson(env, 'ci', 'operator');
      expect(created).toMatchObject({ id: toGlobalId('ApiKey', 1), name: 'ci', role: 'OPERATOR', revokedAt: '' });
      expect(created.secret).toMatch(/^hr_[A-Za-z0-9_-]{40,}$/);
    });

    it('accepts the role written as read-only', async () => {
      const created = await createJson(env, 'dashboard', 'read-only');
      expect(created.role).toBe('READ_ONLY');
    });

    it('refuses a second active key with the same name with ALREADY_EXISTS and exit code 1', async () => {
      await ok(env, 'api-key', 'create', '--name', 'ci', '--role', 'operator');
      const result = await run(env, 'api-key', 'create', '--name', 'ci', '--role', 'admin');
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('ALREADY_EXISTS');
      expect(result.stdout).toBe('');
      expect((await listJson(env)).map((k) => k.role)).toEqual(['OPERATOR']);
    });

    it('allows the name of a revoked key to be used again', async () => {
      await ok(env, 'api-key', 'create', '--name', 'ci', '--role', 'operator');
      await ok(env, 'api-key', 'revoke', '--name', 'ci');
      const again = await createJson(env, 'ci', 'operator');
      expect(again.id).toBe(toGlobalId('ApiKey', 2));
    });

    it('rejects an invalid name with BAD_USER_INPUT and exit code 1', async () => {
      const result = await run(env, 'api-key', 'create', '--name', 'ci&co', '--role', 'operator');
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('BAD_USER_INPUT');
    });
  });

  describe('api-key list', () => {
    it('prints a table with the key and never its secret', async () => {
      const created = await createJson(env, 'ci', 'operator');
      const result = await ok(env, 'api-key', 'list');
      const [header, ...rows] = result.stdout.trimEnd().split('\n');
      expect(header).toMatch(/^ID\s+NAME\s+ROLE\s+PREFIX\s+CREATED\s+LAST USED\s+REVOKED$/);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toContain(created.id);
      expect(rows[0]).toContain('ci');
      expect(rows[0]).toContain('OPERATOR');
      expect(rows[0]).toContain(created.secret!.slice(0, 10));
      expect(result.stdout).not.toContain(created.secret!);
      expect(result.stdout.match(SECRET_PATTERN)!.every((shown) => shown.length <= 10)).toBe(true);
    });

    it('never prints a secret under --json', async () => {
      const created = await createJson(env, 'ci', 'operator');
      const result = await ok(env, 'api-key', 'list', '--json');
      expect(result.stdout).not.toContain(created.secret!);
      const [key] = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
      expect(key).not.toHaveProperty('secret');
      expect(key).toMatchObject({ id: created.id, name: 'ci', role: 'OPERATOR' });
    });

    it('hides revoked keys unless --all is given', async () => {
      await createJson(env, 'ci', 'operator');
      await createJson(env, 'dashboard', 'read-only');
      await ok(env, 'api-key', 'revoke', '--name', 'ci');

      expect((await listJson(env)).map((k) => k.name)).toEqual(['dashboard']);
      const all = await listJson(env, '--all');
      expect(all.map((k) => k.name)).toEqual(['ci', 'dashboard']);
      expect(all[0]!.revokedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(all[1]!.revokedAt).toBe('');
    });

    it('prints only the header on an empty database', async () => {
      const result = await ok(env, 'api-key', 'list');
      expect(result.stdout.trimEnd().split('\n')).toHaveLength(1);
      expect(await listJson(env)).toEqual([]);
    });
  });

  describe('api-key revoke', () => {
    it('revokes a key by --name and exits 0', async () => {
      const created = await createJson(env, 'ci', 'operator');
      const result = await ok(env, 'api-key', 'revoke', '--name', 'ci');
      expect(result.stdout).toContain(`Revoked key "ci" (${created.id})`);
      expect(await listJson(env)).toEqual([]);
    });

    it('revokes a key by its global --id', async () => {
      const created = await createJson(env, 'ci', 'operator');
      await createJson(env, 'other', 'operator');
      const result = await ok(env, 'api-key', 'revoke', '--id', created.id, '--json');
      const revoked = JSON.parse(result.stdout) as KeyJson;
      expect(revoked.id).toBe(created.id);
      expect(revoked.revokedAt).not.toBe('');
      expect((await listJson(env)).map((k) => k.name)).toEqual(['other']);
    });

    it('refuses to revoke the last active ADMIN key with LAST_ADMIN_KEY and exit code 1', async () => {
      await createJson(env, 'root', 'admin');
      const result = await run(env, 'api-key', 'revoke', '--name', 'root');
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('LAST_ADMIN_KEY');
      expect((await listJson(env)).map((k) => k.name)).toEqual(['root']);
    });

    it('revokes an ADMIN key when another active ADMIN key remains', async () => {
      await createJson(env, 'root', 'admin');
      await createJson(env, 'root-2', 'admin');
      await ok(env, 'api-key', 'revoke', '--name', 'root');
      expect((await listJson(env)).map((k) => k.name)).toEqual(['root-2']);
    });

    it('reports an unknown name with NOT_FOUND and exit code 1', async () => {
      const result = await run(env, 'api-key', 'revoke', '--name', 'nobody');
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('NOT_FOUND');
    });

    it('reports an id of another type with NOT_FOUND and exit code 1', async () => {
      await createJson(env, 'ci', 'operator');
      const result = await run(env, 'api-key', 'revoke', '--id', toGlobalId('AuditEvent', 1));
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('NOT_FOUND');
      expect((await listJson(env)).map((k) => k.name)).toEqual(['ci']);
    });
  });

  describe('command line errors', () => {
    it.each([
      ['create without --role', ['api-key', 'create', '--name', 'ci'], '--role'],
      ['create with an unknown role', ['api-key', 'create', '--name', 'ci', '--role', 'superuser'], '--role'],
      ['create without --name', ['api-key', 'create', '--role', 'admin'], '--name'],
      ['an unknown command', ['frobnicate'], 'unknown command "frobnicate"'],
      ['an unknown api-key action', ['api-key', 'rotate'], 'unknown api-key action "rotate"'],
      ['an unknown flag', ['api-key', 'list', '--colour'], '--colour'],
      ['revoke with both --name and --id', ['api-key', 'revoke', '--name', 'ci', '--id', 'x'], '--name or --id'],
      ['revoke with neither --name nor --id', ['api-key', 'revoke'], '--name or --id'],
    ])('exits 2 with the usage text on stderr for %s', async (_, argv, mention) => {
      const result = await run(env, ...argv);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(mention);
      expect(result.stderr).toContain('Usage:');
      // The subcommand's own usage when it is known, else the family's or all of it.
      const [command, action] = argv;
      expect(result.stderr).toContain(
        command === 'api-key' && ['list', 'revoke'].includes(action!)
          ? `Usage: homeroom api-key ${action} `
          : 'homeroom api-key create --name <name> --role <admin|operator|read-only>',
      );
      expect(result.stdout).toBe('');
    });

    it('does not touch the database for a wrong command line', async () => {
      await run(env, 'api-key', 'create', '--name', 'ci');
      const config = loadConfig(env);
      if (config.database.type === 'sqlite') expect(fs.existsSync(config.database.path)).toBe(false);
      expect(await listJson(env)).toEqual([]);
    });

    it('exits 1 naming DATABASE_URL when it has an unsupported scheme', async () => {
      const result = await run({ ...env, DATABASE_URL: 'mysql://x' }, 'api-key', 'list');
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('configuration error');
      expect(result.stderr).toContain('DATABASE_URL');
      expect(result.stdout).toBe('');
    });
  });

  describe('help', () => {
    it.each([['help'], ['--help'], ['-h']])('prints the usage and exits 0 for %s', async (word) => {
      const result = await ok(env, word);
      expect(result.stdout).toContain('Usage:');
      expect(result.stdout).toContain('homeroom api-key list [--all] [--json]');
      expect(result.stdout).toContain('homeroom api-key revoke (--name <name> | --id <id>) [--json]');
    });

    it('prints the usage and exits 0 with no arguments', async () => {
      const result = await ok(env);
      expect(result.stdout).toContain('Usage:');
    });

    const subcommands = [
      ...['org', 'servers', 'create-server', 'download-token', 'assign', 'move', 'release', 'add-order', 'devices', 'terms'].map(
        (action) => ['asm', action],
      ),
      ...['create', 'list', 'revoke'].map((action) => ['api-key', action]),
      ['simulate', 'apple'],
      ['simulate', 'devices'],
    ];

    it.each(subcommands)('prints the usage of "%s %s --help" on stdout and exits 0, touching nothing', async (command, action) => {
      for (const flag of ['--help', '-h']) {
        const result = await ok(env, command!, action!, flag);
        expect(result.stdout).toMatch(new RegExp(`^Usage: homeroom ${command} ${action} `));
        // What the subcommand does, not only its synopsis.
        expect(result.stdout.split('\n').filter((line) => line.trim() !== '').length).toBeGreaterThan(2);
      }
      const config = loadConfig(env);
      if (config.database.type === 'sqlite') expect(fs.existsSync(config.database.path)).toBe(false);
    });

    it.each([['asm'], ['api-key'], ['simulate']])('lists every subcommand of "%s --help" and exits 0', async (command) => {
      const result = await ok(env, command, '--help');
      expect(result.stdout).toMatch(new RegExp(`^Usage: homeroom ${command} `));
      for (const [family, action] of subcommands.filter(([family]) => family === command)) {
        expect(result.stdout).toContain(`homeroom ${family} ${action}`);
      }
    });

    it('answers "help asm assign" like "asm assign --help", with --help after other flags too', async () => {
      const viaHelp = await ok(env, 'help', 'asm', 'assign');
      expect(viaHelp.stdout).toMatch(/^Usage: homeroom asm assign --server <name>/);
      expect((await ok(env, 'asm', 'assign', '--server', 'X', '--help')).stdout).toBe(viaHelp.stdout);
    });

    it('documents repeated values as --serial A --serial B and says that commas and spaces work too', async () => {
      const result = await ok(env, 'asm', 'assign', '--help');
      expect(result.stdout).toContain('--serial <s> [--serial <s>...]');
      expect(result.stdout).toContain('--order <o> [--order <o>...]');
      expect(result.stdout).toContain('repeat the flag (--serial A --serial B), or separate them with commas or');
      expect(result.stdout).toContain('spaces in one value (--serial A,B or --serial "$(cat serials.txt)")');
    });

    it('refuses --help of an unknown subcommand with exit 2 and the family usage', async () => {
      const result = await run(env, 'asm', 'frobnicate', '--help');
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('unknown asm command "frobnicate"');
      expect(result.stderr).toContain('Usage: homeroom asm <command>');
    });
  });

  describe('audit log', () => {
    async function auditEvents(): Promise<AuditEvent[]> {
      const dataSource = await openDatabase(loadConfig(env).database);
      try {
        return await dataSource.getRepository(AuditEvent).find({ order: { id: 'ASC' } });
      } finally {
        await dataSource.destroy();
      }
    }

    it('records keys created and revoked by the CLI under a cli: actor', async () => {
      await createJson(env, 'ci', 'operator');
      await ok(env, 'api-key', 'revoke', '--name', 'ci');
      const events = await auditEvents();
      expect(events.map((e) => [e.action, e.outcome])).toEqual([
        ['createApiKey', AuditOutcome.SUCCEEDED],
        ['revokeApiKey', AuditOutcome.SUCCEEDED],
      ]);
      for (const event of events) {
        expect(event.actorName).toMatch(/^cli:.+/);
        expect(event.actorApiKeyId).toBeNull();
      }
      expect(events[0]!.details).toEqual({ name: 'ci', role: 'OPERATOR' });
    });

    it('records a refused revocation as FAILED with LAST_ADMIN_KEY under a cli: actor', async () => {
      await createJson(env, 'root', 'admin');
      expect((await run(env, 'api-key', 'revoke', '--name', 'root')).code).toBe(1);
      const events = await auditEvents();
      expect(events).toHaveLength(2);
      expect(events[1]).toMatchObject({ action: 'revokeApiKey', outcome: AuditOutcome.FAILED, errorCode: 'LAST_ADMIN_KEY' });
      expect(events[1]!.actorName).toMatch(/^cli:.+/);
    });
  });
});
