/**
 * GraphQL codegen: typed documents (TypedDocumentNode) for every operation in `test/**\/*.graphql`,
 * from the committed `src/schema/schema.graphql`. `npm run codegen` writes them;
 * `npm run codegen:check` fails when they are stale. Frontend teams can point the same config at
 * their own operations.
 *
 * typescript-operations 6 emits the enums and input types it needs, so it runs without the
 * `typescript` plugin (the two in one file clash: TS2567, see stack notes §2.12).
 */
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'src/schema/schema.graphql',
  documents: ['test/**/*.graphql'],
  generates: {
    'test/generated/operations.ts': {
      plugins: ['typescript-operations', 'typed-document-node'],
      config: {
        useTypeImports: true,
        enumType: 'string-literal',
        scalars: { DateTime: 'string', JSONObject: 'Record<string, unknown>' },
        nonOptionalTypename: false,
      },
    },
  },
};

export default config;
