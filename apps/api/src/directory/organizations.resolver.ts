import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Role } from '@tsunagu/domain';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import { Roles } from '../auth/roles.decorator';
import type { Viewer } from '../common/viewer';
import { toOrganizationModel } from './directory.mappers';
import { ImportOrganizationsArgs } from './dto/import-organizations.args';
import { OrganizationIdArgs, SetAcceptingReferralsArgs } from './dto/organization.args';
import { CreateOrganizationInput, UpdateOrganizationInput } from './dto/organization.input';
import { OrganizationImportService } from './import/organization-import.service';
import { OrganizationImportResultModel } from './models/organization-import-result.model';
import { OrganizationModel } from './models/organization.model';
import { OrganizationsService } from './organizations.service';

/** Keeping the directory of organisations: administrators create, edit and import; partners switch their capacity. */
@Resolver(() => OrganizationModel)
export class OrganizationsResolver {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly importer: OrganizationImportService,
  ) {}

  @Roles(Role.ADMIN)
  @Mutation(() => OrganizationModel)
  async createOrganization(@Args('input') input: CreateOrganizationInput): Promise<OrganizationModel> {
    return toOrganizationModel(await this.organizations.create(input));
  }

  @Roles(Role.ADMIN)
  @Mutation(() => OrganizationModel)
  async updateOrganization(@Args() { id }: OrganizationIdArgs, @Args('input') input: UpdateOrganizationInput): Promise<OrganizationModel> {
    return toOrganizationModel(await this.organizations.update(id, input));
  }

  @Roles(Role.ADMIN, Role.PARTNER)
  @Mutation(() => OrganizationModel, {
    description: 'Capacity on or off. An administrator for any organisation; partner staff for their own.',
  })
  async setOrganizationAcceptingReferrals(
    @CurrentViewer() viewer: Viewer,
    @Args() { id, accepting }: SetAcceptingReferralsArgs,
  ): Promise<OrganizationModel> {
    return toOrganizationModel(await this.organizations.setAcceptingReferrals(viewer, id, accepting));
  }

  @Roles(Role.ADMIN)
  @Mutation(() => OrganizationImportResultModel, {
    description:
      'Creates or updates (matched on name) organisations from a CSV file, all or none: with any bad row nothing is imported and errors lists every problem.',
  })
  importOrganizations(@Args() { csv }: ImportOrganizationsArgs): Promise<OrganizationImportResultModel> {
    return this.importer.import(csv);
  }
}
