/**
 * The `homeroom` command line, as a function tests can call. Exit codes: 0 done, 1 the command failed (the error code and
 * message are printed, as in the API), 2 the command line itself is wrong.
 */
import 'reflect-metadata';
import { ConfigError } from '../config.js';
import { isHomeroomError } from '../errors.js';
import { API_KEY_USAGE, apiKeyCommand } from './api-key.command.js';
import { ASM_USAGE, asmCommand, PortalError } from './asm.command.js';
import { openCliContext } from './cli-context.js';
import { textOutput, UsageError, type CommandOutput } from './output.js';
import { processStopSignal, SIMULATE_USAGE, simulateCommand, type StopSignal } from './simulate.command.js';
import { HomeroomApiError } from '../simulator/device/index.js';

const USAGE = `Usage:
${API_KEY_USAGE}
${SIMULATE_USAGE}
${ASM_USAGE}

\`homeroom <command> --help\` (or \`homeroom help <command>\`) explains a command and its options, e.g.
\`homeroom asm assign --help\`. The server itself runs with \`npm start\`. Every command reads the same
environment variables as the server (DATABASE_URL, HOMEROOM_DATA_DIR, HOMEROOM_SECRET_KEY, ...); see README.md.`;

const writeStderr = (text: string): void => void process.stderr.write(text);

export async function runCli(
  argv: string[],
  out: CommandOutput = textOutput((t) => process.stdout.write(t)),
  err: (text: string) => void = writeStderr,
  env: NodeJS.ProcessEnv = process.env,
  /** When a long-running command (`simulate`) should stop; tests pass their own. */
  stop: () => StopSignal = processStopSignal,
): Promise<number> {
  // `homeroom help asm assign` is `homeroom asm assign --help`.
  const [command, ...rest] = argv[0] === 'help' && argv.length > 1 ? [...argv.slice(1), '--help'] : argv;
  try {
    if (command === 'api-key') await apiKeyCommand(rest, () => openCliContext(env), out);
    // A progress bar is redrawn in place only on the real terminal, never in a caller's capture.
    else if (command === 'simulate')
      return await simulateCommand(rest, out, stop, { err, env, stderrIsTty: err === writeStderr && process.stderr.isTTY });
    else if (command === 'asm') await asmCommand(rest, out, env);
    else if (command === undefined || command === 'help' || command === '--help' || command === '-h') out.line(USAGE);
    else throw new UsageError(`unknown command "${command}"`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      err(`homeroom: ${(error as Error).message}\n\n${(error instanceof UsageError && error.usage) || USAGE}\n`);
      return 2;
    }
    if (isHomeroomError(error) || error instanceof PortalError || error instanceof HomeroomApiError)
      err(`homeroom: ${error.code}: ${error.message}\n`);
    else if (error instanceof ConfigError) err(`homeroom: configuration error: ${error.message}\n`);
    else err(`homeroom: ${(error as Error).stack ?? String(error)}\n`);
    return 1;
  }
}
