/**
 * `homeroom api-key create|list|revoke`: key management from the server's shell, for the first
 * key of a PostgreSQL setup and for getting back in when every ADMIN key is lost.
 */
import type { ApiKey } from '../entities/api-key.entity.js';
import { ErrorCode, HomeroomError } from '../errors.js';
import { toGlobalId, integerKeyOf } from '../global-id.js';
import { MAX_PAGE_SIZE } from '../entities/pagination.js';
import { parseRole, Role } from '../permissions.js';
import type { CliContext } from './cli-context.js';
import { familyHelp, parseCommandLine, subcommandHelp, UsageError, wantsHelp, type CommandHelp, type CommandOutput } from './output.js';

/** Every `api-key` subcommand: its synopsis and what it does (`homeroom api-key <command> --help`). */
export const API_KEY_COMMANDS: Readonly<Record<string, CommandHelp>> = {
  create: {
    usage: 'homeroom api-key create --name <name> --role <admin|operator|read-only> [--description <text>] [--json]',
    about:
      'Creates an API key and prints its secret (hr_...) once: store it then. The role is what it may do: admin everything, operator sync and assign, read-only read.',
  },
  list: {
    usage: 'homeroom api-key list [--all] [--json]',
    about: 'Lists the active keys (ID, name, role, prefix, created, last used); --all adds the revoked ones.',
  },
  revoke: {
    usage: 'homeroom api-key revoke (--name <name> | --id <id>) [--json]',
    about: 'Revokes a key at once, by its name or its global ID. Revoking the last active admin key is refused (LAST_ADMIN_KEY).',
  },
};

const API_KEY_NOTES = `api-key commands use the server's database and read the same environment variables as the server
(DATABASE_URL, HOMEROOM_DATA_DIR, HOMEROOM_SECRET_KEY, ...): run them on the server's machine.`;

export const API_KEY_USAGE = Object.values(API_KEY_COMMANDS)
  .map((command) => command.usage)
  .join('\n');

/** `homeroom api-key --help`, or one subcommand's. */
export function apiKeyHelp(action: string | undefined): string {
  const command = action === undefined ? undefined : API_KEY_COMMANDS[action];
  if (command) return subcommandHelp(command, API_KEY_NOTES);
  return familyHelp('homeroom api-key <command> [options]', "Manage API keys from the server's shell.", API_KEY_COMMANDS, API_KEY_NOTES);
}

export async function apiKeyCommand(args: string[], open: () => Promise<CliContext>, out: CommandOutput): Promise<void> {
  const [action, ...rest] = args;
  if (wantsHelp(args)) {
    if (action !== undefined && !action.startsWith('-') && !API_KEY_COMMANDS[action])
      throw new UsageError(`unknown api-key action "${action}"`, apiKeyHelp(undefined));
    return out.line(apiKeyHelp(action));
  }
  const usage = apiKeyHelp(action);
  const { values } = parseCommandLine(
    {
      args: rest,
      strict: true,
      options: {
        name: { type: 'string' },
        role: { type: 'string' },
        description: { type: 'string' },
        id: { type: 'string' },
        all: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
      },
    },
    usage,
  );
  if (action === 'create') {
    if (!values.name) throw new UsageError('api-key create needs --name', usage);
    const role = values.role ? parseRole(values.role) : undefined;
    if (!role)
      throw new UsageError(
        `api-key create needs --role, one of ${Object.values(Role)
          .map((r) => r.toLowerCase().replace('_', '-'))
          .join(', ')}`,
        usage,
      );
    await withContext(open, async (cli) => {
      const { apiKey, secret } = await cli.services.apiKeys.create(cli.request, {
        name: values.name!,
        role,
        description: values.description ?? null,
      });
      if (values.json) return out.json({ ...describe(apiKey), secret });
      out.line(`Created ${apiKey.role} key "${apiKey.name}" (${toGlobalId('ApiKey', apiKey.id)}).`);
      out.line('The key is shown once; store it now:');
      out.line('');
      out.line(`  ${secret}`);
      out.line('');
    });
  } else if (action === 'list') {
    await withContext(open, async (cli) => {
      const keys: ApiKey[] = [];
      let after: string | null = null;
      for (;;) {
        const page = await cli.services.apiKeys.list({ includeRevoked: values.all }, { first: MAX_PAGE_SIZE, after });
        keys.push(...page.edges.map((e) => e.node));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      if (values.json) return out.json(keys.map(describe));
      out.table(
        ['ID', 'NAME', 'ROLE', 'PREFIX', 'CREATED', 'LAST USED', 'REVOKED'],
        keys.map((k) => [toGlobalId('ApiKey', k.id), k.name, k.role, k.prefix, iso(k.createdAt), iso(k.lastUsedAt), iso(k.revokedAt)]),
      );
    });
  } else if (action === 'revoke') {
    if (!values.name === !values.id) throw new UsageError('api-key revoke needs exactly one of --name or --id', usage);
    await withContext(open, async (cli) => {
      const key = values.id ? await findById(cli, values.id) : await cli.services.apiKeys.findActiveByName(values.name!);
      if (!key)
        throw new HomeroomError(ErrorCode.NOT_FOUND, `No active API key ${values.id ? `with id ${values.id}` : `named "${values.name}"`}.`);
      const revoked = await cli.services.apiKeys.revoke(cli.request, key.id);
      if (values.json) return out.json(describe(revoked));
      out.line(`Revoked key "${revoked.name}" (${toGlobalId('ApiKey', revoked.id)}).`);
    });
  } else {
    throw new UsageError(action ? `unknown api-key action "${action}"` : 'api-key needs a command', usage);
  }
}

async function findById(cli: CliContext, id: string): Promise<ApiKey | null> {
  const key = integerKeyOf(id, 'ApiKey');
  return key === null ? null : cli.services.apiKeys.findById(key);
}

async function withContext(open: () => Promise<CliContext>, work: (cli: CliContext) => Promise<void>): Promise<void> {
  const cli = await open();
  try {
    await work(cli);
  } finally {
    await cli.close();
  }
}

function describe(key: ApiKey): Record<string, unknown> {
  return {
    id: toGlobalId('ApiKey', key.id),
    name: key.name,
    role: key.role,
    description: key.description,
    prefix: key.prefix,
    createdBy: key.createdBy,
    createdAt: iso(key.createdAt),
    lastUsedAt: iso(key.lastUsedAt),
    revokedAt: iso(key.revokedAt),
  };
}

function iso(date: Date | null): string {
  return date ? date.toISOString() : '';
}
