/** Entry point of the `homeroom` command (bin/homeroom.js, `npm run homeroom -- <args>`). */
import { runCli } from './cli.js';

process.exitCode = await runCli(process.argv.slice(2));
