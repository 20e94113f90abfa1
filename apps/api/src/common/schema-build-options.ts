import type { BuildSchemaOptions } from '@nestjs/graphql';
import { DateTimeScalar } from './input-sanitation/date-time.scalar';

/**
 * How the code-first schema is built, shared by the api (app.module) and `npm run schema` (scripts/print-schema.ts), so
 * that docs/schema.graphql is the schema the api serves. The strict DateTime (docs/API.md, "Bad input") keeps Nest's name
 * and description, so the schema reads as before.
 */
export const SCHEMA_BUILD_OPTIONS: BuildSchemaOptions = { scalarsMap: [{ type: Date, scalar: DateTimeScalar }] };
