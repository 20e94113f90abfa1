import type { EntityManager } from 'typeorm';
import { HandoffKind, itemsGivenBy, ITEMS_GIVEN_BY_HANDOFF, PERSONAL_DATA_ITEMS, PersonalDataItem } from '@tsunagu/domain';

/** What a provision record needs of a handoff: whom it went to, as what, and its place and time in the history. */
export interface ProvisionHandoff {
  kind: HandoffKind;
  toOrganizationId: string | null;
  seq: number;
  at: string;
}

/**
 * Writes a provision record for each handoff that gives a partner personal data of a PERSON referral's subject: an
 * OFFERED handoff gives the age band, an ACCEPTED one the name and contact (ITEMS_GIVEN_BY_HANDOFF), each only if
 * present and only if the resident consented, as the api shows them. Runs inside the referral write's transaction
 * (ReferralWriter), after the handoffs: the record exists exactly when the handoff does. A retry inserts nothing twice.
 *
 * The subject columns are only tested for presence here, never read: how they are stored (encrypted) is not this
 * code's business. The consent is copied from the referral row in SQL, as it stands.
 */
export class ProvisionRecordWriter {
  constructor(private readonly tx: EntityManager) {}

  async recordProvisions(referralId: string, handoffs: readonly ProvisionHandoff[]): Promise<void> {
    const giving = handoffs.filter((h) => h.toOrganizationId !== null && ITEMS_GIVEN_BY_HANDOFF[h.kind]?.length);
    if (giving.length === 0) return;

    const [subject]: Array<{ shared: boolean } & Record<PersonalDataItem, boolean>> = await this.tx.query(
      `SELECT (subject_kind = 'PERSON' AND consent_obtained IS TRUE) AS shared,
              subject_display_name IS NOT NULL AS "displayName",
              subject_name_kana IS NOT NULL AS "nameKana",
              subject_age_band IS NOT NULL AS "ageBand",
              subject_contact IS NOT NULL AS "contact"
         FROM referral WHERE id = $1`,
      [referralId],
    );
    if (!subject?.shared) return;
    const present = new Set(PERSONAL_DATA_ITEMS.filter((item) => subject[item]));

    for (const handoff of giving) {
      const items = itemsGivenBy(handoff.kind, present);
      if (items.length === 0) continue;
      await this.tx.query(
        `INSERT INTO provision_record (referral_id, recipient_organization_id, items, consent_obtained, consent_method,
                                       consent_obtained_at, consent_given_by, handoff_seq, at)
         SELECT r.id, $2, $3::text[], r.consent_obtained, r.consent_method, r.consent_obtained_at, r.consent_given_by, $4, $5
           FROM referral r WHERE r.id = $1
         ON CONFLICT (referral_id, handoff_seq, recipient_organization_id) DO NOTHING`,
        [referralId, handoff.toOrganizationId, items, handoff.seq, handoff.at],
      );
    }
  }
}
