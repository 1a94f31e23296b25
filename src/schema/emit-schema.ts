/**
 * `npm run schema:emit` writes `src/schema/schema.graphql` from the code (run from the package
 * root, after the build). The drift test compares the same print with the committed file.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { buildSchemaShape, printHomeroomSchema } from './build-schema.js';

const file = path.resolve('src/schema/schema.graphql');
fs.writeFileSync(file, printHomeroomSchema(await buildSchemaShape()));
process.stdout.write(`wrote ${file}\n`);
