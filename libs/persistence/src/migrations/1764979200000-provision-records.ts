import { MigrationInterface, QueryRunner } from 'typeorm';

// Who gave consent, and the record of every offer of personal data to a partner (docs/SECURITY.md, "Personal data").
// Values written out: a migration is a frozen record of the schema it made.
const ITEMS = "'displayName', 'ageBand', 'contact'";

export class ProvisionRecords1764979200000 implements MigrationInterface {
  name = 'ProvisionRecords1764979200000';

  async up(db: QueryRunner): Promise<void> {
    // Who consented (本人, 家族(長女), ...): optional in the API, so null for earlier referrals and forms that leave it out.
    await db.query(`ALTER TABLE referral ADD COLUMN consent_given_by text`);
    // One row per item set given to one organisation by one handoff: the OFFERED handoff gives the age band, the
    // ACCEPTED handoff the name and contact. The consent is copied as it stood then. Written by the worker in the
    // transaction of the handoff; the unique key makes a retried write a no-op.
    await db.query(`
      CREATE TABLE provision_record (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        referral_id uuid NOT NULL REFERENCES referral(id),
        recipient_organization_id uuid NOT NULL REFERENCES organization(id),
        items text[] NOT NULL CHECK (cardinality(items) > 0 AND items <@ ARRAY[${ITEMS}]::text[]),
        consent_obtained boolean,
        consent_method text,
        consent_obtained_at timestamptz,
        consent_given_by text,
        handoff_seq integer NOT NULL,
        at timestamptz NOT NULL,
        UNIQUE (referral_id, handoff_seq, recipient_organization_id),
        FOREIGN KEY (referral_id, handoff_seq) REFERENCES referral_handoff (referral_id, seq)
      )`);
    // Audits list a period, oldest first.
    await db.query(`CREATE INDEX provision_record_at_idx ON provision_record (at, id)`);
    // A record says what happened: it is never rewritten. (Deleting is left to retention.)
    await db.query(`
      CREATE FUNCTION provision_record_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'provision_record rows are never updated';
      END $$`);
    await db.query(`
      CREATE TRIGGER provision_record_immutable BEFORE UPDATE ON provision_record
      FOR EACH ROW EXECUTE FUNCTION provision_record_immutable()`);
    // Acceptances already in the history gave the holding partner the whole subject (name, age band, contact): record them.
    await db.query(`
      INSERT INTO provision_record (referral_id, recipient_organization_id, items, consent_obtained, consent_method,
                                    consent_obtained_at, consent_given_by, handoff_seq, at)
      SELECT r.id, h.to_organization_id,
             array_remove(ARRAY[
               CASE WHEN r.subject_display_name IS NOT NULL THEN 'displayName' END,
               CASE WHEN r.subject_age_band IS NOT NULL THEN 'ageBand' END,
               CASE WHEN r.subject_contact IS NOT NULL THEN 'contact' END], NULL),
             r.consent_obtained, r.consent_method, r.consent_obtained_at, NULL, h.seq, h.at
        FROM referral_handoff h JOIN referral r ON r.id = h.referral_id
       WHERE h.kind = 'ACCEPTED' AND h.to_organization_id IS NOT NULL
         AND r.subject_kind = 'PERSON' AND r.consent_obtained IS TRUE AND r.subject_display_name IS NOT NULL
      ON CONFLICT DO NOTHING`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE provision_record`);
    await db.query(`DROP FUNCTION provision_record_immutable`);
    await db.query(`ALTER TABLE referral DROP COLUMN consent_given_by`);
  }
}
