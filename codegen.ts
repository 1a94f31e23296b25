/**
 * GraphQL codegen, from the committed `schema.graphql`. `npm run codegen` writes the
 * outputs; `npm run codegen:check` fails when they are stale. Two outputs:
 *
 * - `test/generated/operations.ts`: typed documents (TypedDocumentNode) for `test/**\/*.graphql`.
 *   typescript-operations 6 emits the enums and input types it needs, so it runs without the
 *   `typescript` plugin (the two in one file clash: TS2567, see stack notes §2.12).
 * - `web/src/gql/`: the reference console's typed client (the client preset) for
 *   `web/src/operations/*.graphql`, with each document's sha256 embedded (`__meta__.hash`) and
 *   the manifest of them, `persisted-documents.json`, copied to `web/trusted-documents.json`
 *   (hash -> document) for a server that runs only trusted documents. The hash is the plain hex
 *   sha256 of the printed document, as Apollo's persisted queries use it.
 *
 * Frontend teams can point either at their own operations (README, "For frontend teams").
 */
import crypto from 'node:crypto';
import type { CodegenConfig } from '@graphql-codegen/cli';

const scalars = { DateTime: 'string', JSONObject: 'Record<string, unknown>' };

const config: CodegenConfig = {
  schema: 'schema.graphql',
  hooks: { afterAllFileWrite: ['node web/scripts/trusted-documents.mjs'] },
  generates: {
    'test/generated/operations.ts': {
      documents: ['test/**/*.graphql'],
      plugins: ['typescript-operations', 'typed-document-node'],
      config: {
        useTypeImports: true,
        enumType: 'string-literal',
        scalars,
        nonOptionalTypename: false,
      },
    },
    'web/src/gql/': {
      documents: ['web/src/operations/*.graphql'],
      preset: 'client',
      presetConfig: {
        fragmentMasking: false,
        persistedDocuments: {
          mode: 'embedHashInDocument',
          hashAlgorithm: (document: string) => crypto.createHash('sha256').update(document).digest('hex'),
        },
      },
      config: { useTypeImports: true, enumsAsTypes: true, scalars, skipTypename: true },
    },
  },
};

export default config;
