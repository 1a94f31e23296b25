/** `homeroom` commands run in-process through `runCli`, with their output captured. */
import { runCli } from '../../src/cli/cli.js';
import { textOutput } from '../../src/cli/output.js';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `homeroom <argv>` with `env` as its whole environment. */
export async function runHomeroom(env: NodeJS.ProcessEnv, ...argv: string[]): Promise<CliRun> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runCli(
    argv,
    textOutput((t) => stdout.push(t)),
    (t) => stderr.push(t),
    env,
  );
  return { code, stdout: stdout.join(''), stderr: stderr.join('') };
}
