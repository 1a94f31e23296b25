#!/usr/bin/env node
// The `homeroom` command. Runs the compiled CLI; `npm run homeroom -- <args>` builds first.
import '../dist/src/cli/main.js';
