import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../common/request-context';
import { ReferralConnectionModel, ReferralStatusCountModel } from './models/referral-connection.model';
import { ReferralQueryService } from './referral-query.service';

/** Fields of a referral list computed only when asked for. */
@Resolver(() => ReferralConnectionModel)
export class ReferralConnectionFieldsResolver {
  constructor(private readonly queries: ReferralQueryService) {}

  @ResolveField(() => [ReferralStatusCountModel], {
    description:
      'How many referrals of each status match the filter with its status list left out (the counts beside a home screen’s tabs); statuses with none are left out.',
  })
  async countsByStatus(@Parent() connection: ReferralConnectionModel, @Context() ctx: RequestContext): Promise<ReferralStatusCountModel[]> {
    return this.queries.countsByStatus(ctx.req.viewer!, connection.filter, connection.readAt);
  }
}
