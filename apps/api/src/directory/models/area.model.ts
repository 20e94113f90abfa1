import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Area', { description: 'A daily-life area (日常生活圏域).' })
export class AreaModel {
  @Field(() => ID)
  id: string;

  @Field()
  code: string;

  @Field({ description: 'Japanese name' })
  name: string;
}
