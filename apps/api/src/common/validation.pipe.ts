import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { badUserInput, FieldProblem } from './graphql-errors';
import { inputProblems } from './input-sanitation/input-walker';
import { textLocatorsOf } from './input-sanitation/text-locators';

// How a resolver's @Args() reaches pipes: Nest names param types by its HTTP RouteParamtypes, where @nestjs/graphql's
// ARGS (3) is BODY. @Context(), @Info(), @Parent() and custom decorators (@CurrentViewer) arrive as 'custom': no client
// input, and never to be walked.
const GRAPHQL_ARGUMENTS = 'body';

/**
 * Every resolver argument, of every operation, first goes through the input walker (docs/API.md, "Bad input"): no text
 * PostgreSQL cannot store or that shows nothing, no DateTime the scalar refused. Then class-validator, as before.
 */
class InputValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === GRAPHQL_ARGUMENTS) {
      const problems = inputProblems(value, metadata.data ?? '', textLocatorsOf(metadata.metatype));
      if (problems.length) {
        // Report the other fields' problems too, in one answer, as class-validator alone would.
        const others = await super.transform(value, metadata).then(
          () => [],
          (error: unknown) => problemsOf(error),
        );
        const named = new Set(problems.map((p) => p.field));
        throw badUserInput([...problems, ...others.filter((p) => !named.has(p.field))]);
      }
    }
    return super.transform(value, metadata);
  }
}

function problemsOf(error: unknown): FieldProblem[] {
  const problems = (error as { extensions?: { problems?: unknown } } | null)?.extensions?.problems;
  return Array.isArray(problems) ? (problems as FieldProblem[]) : [];
}

/** class-validator on every argument; failures become BAD_USER_INPUT naming each field by its path (subject.displayName). */
export function createValidationPipe(): ValidationPipe {
  return new InputValidationPipe({
    transform: true,
    whitelist: true,
    forbidUnknownValues: false,
    exceptionFactory: (errors) => badUserInput(flatten(errors)),
  });
}

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
