/* global process, console */
// Copies the client preset's manifest (web/src/gql/persisted-documents.json) to
// web/trusted-documents.json, sorted by hash so diffs stay small: the console's every operation,
// sha256 hex -> document. `npm run codegen` runs it; test/web/trusted-documents.test.ts checks
// the copy and its hashes.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const web = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const manifest = JSON.parse(fs.readFileSync(path.join(web, 'src', 'gql', 'persisted-documents.json'), 'utf8'));
const sorted = Object.fromEntries(Object.entries(manifest).sort(([a], [b]) => a.localeCompare(b)));
fs.writeFileSync(path.join(web, 'trusted-documents.json'), `${JSON.stringify(sorted, null, 2)}\n`);
if (!process.env.CI) console.log(`web/trusted-documents.json: ${Object.keys(sorted).length} documents`);
