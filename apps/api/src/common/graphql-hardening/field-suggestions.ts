/**
 * graphql-js ends some messages with a guess at what the caller meant, naming fields, arguments, types and enum values
 * of the schema: `Cannot query field "subjet" on type "Referral". Did you mean "subject"?`. With introspection off
 * that is a way to map the schema by trial and error, so production strips it (formatError), from validation and
 * variable errors alike.
 */
const SUGGESTION = /\s*Did you mean [\s\S]*\?\s*$/;

export function withoutSuggestions(message: string): string {
  return message.replace(SUGGESTION, '');
}
