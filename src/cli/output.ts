/** How CLI commands answer: lines, tables and JSON on stdout; tests capture them. */
export interface CommandOutput {
  line(text: string): void;
  table(headers: string[], rows: string[][]): void;
  json(value: unknown): void;
}

/** Wrong words on the command line: exit code 2 and the usage text. */
export class UsageError extends Error {
  override name = 'UsageError';
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
