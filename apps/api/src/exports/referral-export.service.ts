import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ReferralStatus } from '@tsunagu/domain';
import type { Viewer } from '../common/viewer';
import { ReferralQueryService } from '../referrals/referral-query.service';
import { toReferralModel } from '../referrals/referral.mapper';
import { visibleSubjectItems } from '../referrals/referral-access.policy';
import type { ReferralFilter } from '../referrals/dto/referrals.args';
import type { ReferralExportRow } from './referral-export-columns';
import { ReferralExportRepository } from './referral-export.repository';

/** What an export found while it ran, for its audit event. */
export interface ExportTally {
  rows: number;
  /** Rows whose personal data cells were filled (the viewer may see some of that referral's personal data). */
  personalDataRows: number;
}

/**
 * The rows of the referral list export: exactly the referrals the `referrals` query lists for this viewer and filter
 * (ReferralQueryService, same scope and filter SQL), each as the api shows it to this viewer (toReferralModel), newest
 * first, read in batches.
 */
@Injectable()
export class ReferralExportService {
  private readonly repository: ReferralExportRepository;

  constructor(
    @Inject(DataSource) db: DataSource,
    private readonly referrals: ReferralQueryService,
  ) {
    this.repository = new ReferralExportRepository(db);
  }

  /**
   * Whether this viewer's role may see any resident's personal data at all: the access policy asked about the referral
   * it would see most of (consented, taken on by the viewer's own organisation). ADMIN and SUBCOMMITTEE may not.
   */
  maySeePersonalData(viewer: Viewer): boolean {
    const best = { status: ReferralStatus.ACCEPTED, currentOrganizationId: viewer.organizationId, consentObtained: true };
    return visibleSubjectItems(viewer, best).length > 0;
  }

  /** The rows; without `personalData` the residents' data is not even decrypted. */
  async *rows(viewer: Viewer, filter: ReferralFilter, personalData: boolean, tally: ExportTally): AsyncGenerator<ReferralExportRow> {
    // The directory is small: its names once per export instead of a join per batch.
    const [areas, organizations, users] = await Promise.all([
      this.repository.areaNames(),
      this.repository.organizationNames(),
      this.repository.userNames(),
    ]);
    const area = new Map<string, { code: string; name: string }>(areas.map((a) => [a.id, a]));
    const organization = new Map<string, string>(organizations.map((o) => [o.id, o.name]));
    const user = new Map<string, string>(users.map((u) => [u.id, u.name]));
    for await (const row of this.referrals.allMatching(viewer, filter, { personalData })) {
      const referral = toReferralModel(row, viewer);
      tally.rows++;
      if (referral.subject || referral.subjectAgeBand) tally.personalDataRows++;
      yield {
        referral,
        areaCode: area.get(referral.areaId)?.code ?? '',
        areaName: area.get(referral.areaId)?.name ?? '',
        holderName: referral.currentOrganizationId ? (organization.get(referral.currentOrganizationId) ?? null) : null,
        submittedByName: user.get(referral.submittedById) ?? '',
      };
    }
  }
}
