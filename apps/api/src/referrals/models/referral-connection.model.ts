import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ReferralStatus } from '@tsunagu/domain';
import { PageInfoModel } from '../../common/pagination/page-info.model';
import type { ReferralFilter } from '../dto/referrals.args';
import { ReferralModel } from './referral.model';

@ObjectType('ReferralEdge')
export class ReferralEdgeModel {
  @Field()
  cursor: string;

  @Field(() => ReferralModel)
  node: ReferralModel;
}

@ObjectType('ReferralStatusCount')
export class ReferralStatusCountModel {
  @Field(() => ReferralStatus)
  status: ReferralStatus;

  @Field(() => Int)
  count: number;
}

@ObjectType('ReferralConnection')
export class ReferralConnectionModel {
  @Field(() => [ReferralEdgeModel])
  edges: ReferralEdgeModel[];

  @Field(() => PageInfoModel)
  pageInfo: PageInfoModel;

  @Field(() => Int)
  totalCount: number;

  // countsByStatus is declared by its @ResolveField (referral-connection-fields.resolver.ts): counted only when asked.

  /** The filter the list was read with, for countsByStatus; the time it was read at, so both agree on "soon". */
  filter?: ReferralFilter | null;
  readAt?: Date;
}
