import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ReferralModel } from './referral.model';

@ObjectType('PageInfo')
export class PageInfoModel {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

@ObjectType('ReferralEdge')
export class ReferralEdgeModel {
  @Field()
  cursor: string;

  @Field(() => ReferralModel)
  node: ReferralModel;
}

@ObjectType('ReferralConnection')
export class ReferralConnectionModel {
  @Field(() => [ReferralEdgeModel])
  edges: ReferralEdgeModel[];

  @Field(() => PageInfoModel)
  pageInfo: PageInfoModel;

  @Field(() => Int)
  totalCount: number;
}
