import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extendSchema, parse } from 'graphql';
import { RESOLVERS } from '../../src/resolvers/index.js';
import { buildSchemaShape, printHomeroomSchema } from '../../src/schema/build-schema.js';
import { schemaDrift } from '../../src/schema/schema-drift.js';

const committedFile = path.resolve('schema.graphql');

describe('schema.graphql', () => {
  it('matches the schema the code builds (run `npm run schema:emit` after changing the schema)', async () => {
    const fromCode = printHomeroomSchema(await buildSchemaShape([...RESOLVERS]));
    const drift = schemaDrift(fromCode, fs.readFileSync(committedFile, 'utf8'));
    expect(drift, 'schema.graphql is stale: run `npm run schema:emit` and commit it').toBeNull();
  });

  it('reports a field added to the code but not regenerated, naming it', async () => {
    const committed = fs.readFileSync(committedFile, 'utf8');
    const withNewField = extendSchema(
      await buildSchemaShape([...RESOLVERS]),
      parse('extend type Viewer { "Added without regenerating." addedWithoutRegenerating: String! }'),
    );
    const drift = schemaDrift(printHomeroomSchema(withNewField), committed);
    expect(drift).not.toBeNull();
    expect(drift!.missingFromFile.join('\n')).toContain('addedWithoutRegenerating: String!');
    expect(drift!.missingFromCode).toEqual([]);
  });
});
