// GraphQL Code Generator's client preset: typed documents for every `graphql(...)` in the console, from the schema the
// api prints (docs/schema.graphql, `npm run schema`). Output committed; `npm run web:codegen -- --check` and a Vitest
// test (src/shared/graphql/codegen-drift.test.ts) fail when it no longer matches the schema or the documents.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const GENERATED_DIR = 'apps/web/src/shared/graphql/generated/';

/** @type {import('@graphql-codegen/cli').CodegenConfig} */
export const codegenConfig = {
  cwd: repo,
  schema: 'docs/schema.graphql',
  documents: ['apps/web/src/**/*.{ts,tsx}', '!apps/web/src/shared/graphql/generated/**'],
  ignoreNoDocuments: false,
  generates: {
    [GENERATED_DIR]: {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { enumsAsTypes: true, useTypeImports: true, skipTypename: true, avoidOptionals: false, scalars: { DateTime: 'string' } },
    },
  },
  silent: true,
};
