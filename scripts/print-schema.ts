// Prints the api's GraphQL schema (SDL) to docs/schema.graphql, or with --check fails when that file differs from what
// the code builds (`--file F` names another file). The schema is built from the resolvers found in AppModule's module tree, with the api's own schema
// options (SCHEMA_BUILD_OPTIONS), without a database or Temporal: the same schema the running api serves.
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { AppModule } from '../apps/api/src/app.module';
import { SCHEMA_BUILD_OPTIONS } from '../apps/api/src/common/schema-build-options';

const DEFAULT_SCHEMA_FILE = join(__dirname, '..', '..', 'docs', 'schema.graphql');
const HEADER = '# The GraphQL schema of the Tsunagu api, printed by `npm run schema` (scripts/print-schema.ts). Do not edit.\n\n';

/** Every class in the module tree that @Resolver() marks, each once, in a stable order (Nest's factory takes Function[]). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
function resolversOf(root: unknown): Function[] {
  const seen = new Set<unknown>();
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  const resolvers = new Set<Function>();
  const visit = (module: unknown): void => {
    if (!module || seen.has(module)) return;
    seen.add(module);
    // A dynamic module ({ module, imports, providers }) carries its parts itself, besides its class's metadata.
    const dynamic = typeof module === 'object' ? (module as { module?: unknown; imports?: unknown[]; providers?: unknown[] }) : null;
    const moduleClass = dynamic ? dynamic.module : module;
    const imports = [...(Reflect.getMetadata('imports', moduleClass as object) ?? []), ...(dynamic?.imports ?? [])];
    const providers = [...(Reflect.getMetadata('providers', moduleClass as object) ?? []), ...(dynamic?.providers ?? [])];
    for (const provider of providers) {
      if (typeof provider === 'function' && Reflect.hasMetadata('graphql:resolver_type', provider)) resolvers.add(provider);
    }
    for (const imported of imports) visit(imported);
  };
  visit(root);
  return [...resolvers].sort((a, b) => a.name.localeCompare(b.name));
}

export async function buildSchemaText(): Promise<string> {
  const app = await NestFactory.create(GraphQLSchemaBuilderModule, { logger: false });
  try {
    await app.init();
    const schema = await app.get(GraphQLSchemaFactory).create(resolversOf(AppModule), SCHEMA_BUILD_OPTIONS);
    return HEADER + printSchema(lexicographicSortSchema(schema)) + '\n';
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  const fileArg = process.argv.indexOf('--file');
  const SCHEMA_FILE = fileArg > 0 ? process.argv[fileArg + 1] : DEFAULT_SCHEMA_FILE;
  const text = await buildSchemaText();
  if (process.argv.includes('--check')) {
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    if (committed !== text) {
      console.error('docs/schema.graphql differs from the schema the code builds: run `npm run schema` and commit it.');
      process.exit(1);
    }
    console.log('docs/schema.graphql matches the code');
    return;
  }
  writeFileSync(SCHEMA_FILE, text);
  console.log(`wrote ${SCHEMA_FILE} (${text.split('\n').length} lines)`);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(`print-schema: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
    process.exit(1);
  });
}
