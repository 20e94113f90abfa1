// `npm run web:codegen`: writes the console's typed GraphQL documents (apps/web/codegen.config.mjs). With --check, writes
// nothing and fails when the committed output differs from what the schema and the documents give now.
import { generate } from '@graphql-codegen/cli';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codegenConfig } from '../apps/web/codegen.config.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
const outputs = await generate(codegenConfig, false);
const stale = [];
for (const { filename, content } of outputs) {
  const file = join(root, filename);
  const current = existsSync(file) ? readFileSync(file, 'utf8') : null;
  if (current === content) continue;
  if (check) stale.push(filename);
  else {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
    console.log(`web:codegen: wrote ${filename}`);
  }
}
if (stale.length) {
  console.error(`web:codegen: out of date (run \`npm run web:codegen\`): ${stale.join(', ')}`);
  process.exit(1);
}
if (check) console.log('web:codegen: up to date');
