/**
 * `npm run schema:emit` writes `schema.graphql` from the code (run from the package
 * root, after the build). The drift test compares the same print with the committed file. It sits
 * beside `main.ts` because, like the server, it composes the schema from the resolvers.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { RESOLVERS } from './resolvers/index.js';
import { buildSchemaShape, printHomeroomSchema } from './schema/build-schema.js';

const file = path.resolve('schema.graphql');
fs.writeFileSync(file, printHomeroomSchema(await buildSchemaShape([...RESOLVERS])));
process.stdout.write(`wrote ${file}\n`);
