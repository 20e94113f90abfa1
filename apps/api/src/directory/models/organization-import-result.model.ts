import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('OrganizationImportError', { description: 'One problem in an imported file, where a spreadsheet user finds it.' })
export class OrganizationImportErrorModel {
  @Field(() => Int, { description: 'Line of the file (the header is line 1; a row starts on the line its first cell is on).' })
  line: number;

  @Field({ description: 'The column (name, kind, areaCodes, ...), or "csv" for the file itself.' })
  field: string;

  @Field()
  message: string;
}

@ObjectType('OrganizationImportResult', {
  description: 'Either every row was imported (errors empty), or none was (imported 0, errors lists every problem).',
})
export class OrganizationImportResultModel {
  @Field(() => Int, { description: 'Rows imported: created + updated.' })
  imported: number;

  @Field(() => Int, { description: 'New organisations.' })
  created: number;

  @Field(() => Int, { description: 'Existing organisations (matched on name) whose details the file replaced.' })
  updated: number;

  @Field(() => [OrganizationImportErrorModel])
  errors: OrganizationImportErrorModel[];
}
