import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Role } from '@tsunagu/domain';
import { ProvisionRecordEntity } from '@tsunagu/persistence';
import { Roles } from '../auth/roles.decorator';
import { toConnection } from '../common/pagination/connection';
import type { RequestContext } from '../common/request-context';
import { toOrganizationModel } from '../directory/directory.mappers';
import { OrganizationModel } from '../directory/models/organization.model';
import { ProvisionCsvArgs, ProvisionRecordsArgs } from './dto/provision-records.args';
import { ProvisionRecordConnectionModel, ProvisionRecordModel } from './models/provision-record.model';
import { provisionRecordsCsv } from './provision-csv';
import { encodeProvisionCursor, ProvisionRecordsService } from './provision-records.service';

/** Administrators and the tier-1 coordinator audit the personal data given to partners (docs/SECURITY.md). */
const AUDITORS = [Role.ADMIN, Role.TIER1_COORDINATOR];

@Resolver(() => ProvisionRecordModel)
export class ProvisionRecordsResolver {
  constructor(private readonly records: ProvisionRecordsService) {}

  @Roles(...AUDITORS)
  @Query(() => ProvisionRecordConnectionModel, {
    description: 'ADMIN, TIER1_COORDINATOR: the provision records of a period (from inclusive, to exclusive), oldest first.',
  })
  async provisionRecords(@Args() { from, to, first, after }: ProvisionRecordsArgs): Promise<ProvisionRecordConnectionModel> {
    const page = await this.records.page(from, to, first, after);
    return toConnection(page, encodeProvisionCursor, toProvisionRecordModel);
  }

  @Roles(...AUDITORS)
  @Query(() => String, {
    description:
      'ADMIN, TIER1_COORDINATOR: the provision records of a period as a CSV file for Excel (UTF-8 with BOM, header row, CRLF, times in Japan time); ' +
      'Japanese headers unless headers: CODES.',
  })
  async provisionRecordsCsv(@Args() { from, to, headers }: ProvisionCsvArgs): Promise<string> {
    return provisionRecordsCsv(await this.records.csvRows(from, to), headers);
  }

  @ResolveField(() => OrganizationModel)
  async recipientOrganization(@Parent() record: ProvisionRecordModel, @Context() ctx: RequestContext): Promise<OrganizationModel> {
    return toOrganizationModel((await ctx.loaders.organization.load(record.recipientOrganizationId))!);
  }
}

function toProvisionRecordModel(row: ProvisionRecordEntity): ProvisionRecordModel {
  return {
    id: row.id,
    referralId: row.referralId,
    recipientOrganizationId: row.recipientOrganizationId,
    items: row.items,
    consent: {
      obtained: row.consentObtained === true,
      method: row.consentMethod,
      obtainedAt: row.consentObtainedAt,
      givenBy: row.consentGivenBy,
    },
    handoffSeq: row.handoffSeq,
    at: row.at,
  };
}
