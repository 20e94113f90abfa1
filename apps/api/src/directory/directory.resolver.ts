import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Role } from '@tsunagu/domain';
import { AnyRole } from '../auth/roles.decorator';
import type { RequestContext } from '../common/request-context';
import { toAreaModel, toOrganizationModel } from './directory.mappers';
import { DirectoryService } from './directory.service';
import { OrganizationsArgs } from './dto/organizations.args';
import { AreaModel } from './models/area.model';
import { OrganizationModel } from './models/organization.model';
import { UserModel } from '../users/models/user.model';

@Resolver()
export class DirectoryResolver {
  constructor(private readonly directory: DirectoryService) {}

  @AnyRole()
  @Query(() => [AreaModel])
  async areas(): Promise<AreaModel[]> {
    return (await this.directory.areas()).map(toAreaModel);
  }

  @AnyRole()
  @Query(() => [OrganizationModel])
  async organizations(@Args() filter: OrganizationsArgs): Promise<OrganizationModel[]> {
    return (await this.directory.organizations(filter)).map(toOrganizationModel);
  }
}

@Resolver(() => OrganizationModel)
export class OrganizationFieldsResolver {
  @ResolveField(() => [AreaModel])
  async areas(@Parent() org: OrganizationModel, @Context() ctx: RequestContext): Promise<AreaModel[]> {
    return (await ctx.loaders.areasOfOrganization.load(org.id)).map(toAreaModel);
  }

  // Derived, beside the organisation's own declaration hasSystemUsers (docs/DOMAIN.md, "Proxy answers").
  @ResolveField(() => Boolean, {
    nullable: true,
    description:
      'True when the organisation has no active partner user, so a tier-2 coordinator records its answers (a proxy update). ' +
      'Null unless you are a coordinator or an administrator.',
  })
  async answeredByProxy(@Parent() org: OrganizationModel, @Context() ctx: RequestContext): Promise<boolean | null> {
    if (!PROXY_SIGHT.includes(ctx.req.viewer?.role as Role)) return null;
    return !(await ctx.loaders.organizationHasActiveUser.load(org.id));
  }
}

const PROXY_SIGHT: readonly Role[] = [Role.TIER1_COORDINATOR, Role.TIER2_COORDINATOR, Role.ADMIN];

@Resolver(() => UserModel)
export class UserFieldsResolver {
  @ResolveField(() => OrganizationModel, { nullable: true })
  async organization(@Parent() user: UserModel, @Context() ctx: RequestContext): Promise<OrganizationModel | null> {
    const org = user.organizationId ? await ctx.loaders.organization.load(user.organizationId) : null;
    return org ? toOrganizationModel(org) : null;
  }

  @ResolveField(() => AreaModel, { nullable: true })
  async area(@Parent() user: UserModel, @Context() ctx: RequestContext): Promise<AreaModel | null> {
    const area = user.areaId ? await ctx.loaders.area.load(user.areaId) : null;
    return area ? toAreaModel(area) : null;
  }
}
