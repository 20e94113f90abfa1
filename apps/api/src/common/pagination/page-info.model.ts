import { Field, ObjectType } from '@nestjs/graphql';

/** Every connection's page info (referrals, regional issues, users, audit events, provision records). */
@ObjectType('PageInfo')
export class PageInfoModel {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}
