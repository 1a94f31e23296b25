/**
 * What every `homeroom` command shares: its output, usage errors and help text, and the checks of
 * its command line.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** How CLI commands answer: lines, tables and JSON on stdout; tests capture them. */
export interface CommandOutput {
  line(text: string): void;
  table(headers: string[], rows: string[][]): void;
  json(value: unknown): void;
}

/** Wrong words on the command line: exit code 2 and the usage text (the command's own when given, else all of it). */
export class UsageError extends Error {
  override name = 'UsageError';

  constructor(
    message: string,
    readonly usage?: string,
  ) {
    super(message);
  }
}

/** A subcommand's synopsis and what it does, for `--help`. */
export interface CommandHelp {
  readonly usage: string;
  readonly about: string;
}

/** `--help` of one subcommand: its synopsis, what it does, and the notes its family shares. */
export function subcommandHelp(help: CommandHelp, notes: string): string {
  return `Usage: ${help.usage}\n\n${indent(help.about)}\n\n${notes}`;
}

/** `--help` of a family of subcommands: each synopsis with the first sentence of what it does, then the shared notes. */
export function familyHelp(synopsis: string, about: string, commands: Readonly<Record<string, CommandHelp>>, notes: string): string {
  const list = Object.values(commands)
    .map((help) => `  ${help.usage}\n${indent(help.about.split('. ')[0]!.replace(/\.?$/, '.')).replace(/^/gm, '    ')}`)
    .join('\n');
  return `Usage: ${synopsis}\n\n${about}\n\n${list}\n\n${notes}`;
}

/** Text wrapped at about 100 columns and indented by two spaces. */
export function indent(text: string): string {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      if (line && line.length + word.length + 1 > 98) {
        lines.push(`  ${line}`);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push(`  ${line}`);
  }
  return lines.join('\n');
}

export function textOutput(write: (text: string) => void): CommandOutput {
  return {
    line: (text) => write(`${text}\n`),
    json: (value) => write(`${JSON.stringify(value, null, 2)}\n`),
    table(headers, rows) {
      const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
      const format = (cells: string[]) =>
        cells
          .map((c, i) => c.padEnd(widths[i]!))
          .join('  ')
          .trimEnd();
      write([format(headers), ...rows.map(format)].join('\n') + '\n');
    },
  };
}

/** A whole-number flag within bounds, or a UsageError naming the flag. */
export function wholeNumber(flag: string, raw: string | undefined, min: number, max: number): number {
  if (raw === undefined || !/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new UsageError(`${flag} must be a whole number from ${min} to ${max}, not "${raw ?? ''}"`);
  }
  return Number(raw);
}

/** Whether the words ask for help (`--help` or `-h` anywhere): usage on stdout and exit 0, before anything is checked. */
export function wantsHelp(args: readonly string[]): boolean {
  return args.includes('--help') || args.includes('-h');
}

/**
 * The values of a repeatable flag given as `--serial A --serial B`, and within one value separated by
 * commas or white space (`--serial A,B`, `--serial "$(cat serials.txt)"`): serial and order numbers
 * hold neither. Undefined when the flag was not given.
 */
export function listValues(values: readonly string[] | undefined): string[] | undefined {
  return values?.flatMap((value) => value.split(/[\s,]+/)).filter((value) => value !== '');
}

/**
 * `parseArgs` of a command's words; a bad command line (an unknown flag, a missing value) is a
 * {@link UsageError} followed by `usage`, with `positionalHint` added when a stray word was given.
 */
export function parseCommandLine<const T extends ParseArgsConfig>(
  config: T,
  usage: string,
  positionalHint?: string,
): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    if (positionalHint !== undefined && code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
      throw new UsageError(`${message}\n${positionalHint}`, usage);
    if (code?.startsWith('ERR_PARSE_ARGS')) throw new UsageError(message, usage);
    throw error;
  }
}
