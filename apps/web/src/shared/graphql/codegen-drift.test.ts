// @vitest-environment node
// The committed typed documents (generated/) match what GraphQL Code Generator makes now from docs/schema.graphql (the
// schema the api prints; its own drift check is test/e2e/schema.e2e-spec.ts) and the console's documents.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import { codegenConfig } from '../../../codegen.config.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', '..');

describe('generated GraphQL types', () => {
  it('are current: run `npm run web:codegen` after changing the schema or a document', async () => {
    const outputs = await generate(codegenConfig, false);
    expect(outputs.length).toBeGreaterThan(0);
    for (const { filename, content } of outputs) expect(readFileSync(join(repo, filename), 'utf8'), filename).toBe(content);
  }, 60_000);
});
