import type { EntityManager } from 'typeorm';
import { itemsGivenBy, ITEMS_GIVEN_BY_HANDOFF, PERSONAL_DATA_ITEMS, PersonalDataItem } from '@tsunagu/domain';
import type { RecordedHandoff } from '@tsunagu/temporal';

/**
 * Writes a provision record for each handoff that gives a partner personal data of a PERSON referral's subject: an
 * OFFERED handoff gives the age band, an ACCEPTED one the name and contact (ITEMS_GIVEN_BY_HANDOFF), each only if
 * present and only if the resident consented, as the api shows them. Runs inside recordReferralTransition's
 * transaction, after the handoffs: the record exists exactly when the handoff does. A retry inserts nothing twice.
 *
 * The subject columns are only tested for presence here, never read: how they are stored (encrypted) is not this
 * code's business. The consent is copied from the referral row in SQL, as it stands.
 */
export async function recordProvisions(tx: EntityManager, referralId: string, handoffs: readonly RecordedHandoff[]): Promise<void> {
  const giving = handoffs.filter((h) => h.toOrganizationId !== null && ITEMS_GIVEN_BY_HANDOFF[h.kind]?.length);
  if (giving.length === 0) return;

  const [subject]: Array<{ shared: boolean } & Record<PersonalDataItem, boolean>> = await tx.query(
    `SELECT (subject_kind = 'PERSON' AND consent_obtained IS TRUE) AS shared,
            subject_display_name IS NOT NULL AS "displayName",
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
    await tx.query(
      `INSERT INTO provision_record (referral_id, recipient_organization_id, items, consent_obtained, consent_method,
                                     consent_obtained_at, consent_given_by, handoff_seq, at)
       SELECT r.id, $2, $3::text[], r.consent_obtained, r.consent_method, r.consent_obtained_at, r.consent_given_by, $4, $5
         FROM referral r WHERE r.id = $1
       ON CONFLICT (referral_id, handoff_seq, recipient_organization_id) DO NOTHING`,
      [referralId, handoff.toOrganizationId, items, handoff.seq, handoff.at],
    );
  }
}
