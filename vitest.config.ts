import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  // vite 8's oxc transform reads emitDecoratorMetadata from tsconfig, which TypeORM and
  // type-graphql need; no plugin is required (../shared/reference/stack-notes.md §2.4).
  resolve: {
    // graphql 16 ships a CJS build (`main`) and an ESM copy (`module`). Node gives everyone the
    // CJS one, vite would give our sources the ESM one: two realms, and "Cannot use
    // GraphQLScalarType from another module". Resolve it the way Node does at run time.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
