import { MigrationInterface, QueryRunner } from 'typeorm';

// Enumerated values are written out here, not imported: a migration is a frozen record of the schema it made.
const list = (values: string[]) => values.map((v) => `'${v}'`).join(', ');
const ROLES = ['ADMIN', 'TIER1_COORDINATOR', 'TIER2_COORDINATOR', 'PARTNER', 'SUBCOMMITTEE'];
const ORG_KINDS = [
  'CITY_DEPARTMENT',
  'SOCIAL_WELFARE_COUNCIL',
  'COMMUNITY_SUPPORT_CENTER',
  'NPO',
  'VOLUNTEER_GROUP',
  'SILVER_HR_CENTER',
  'CIVIC_ACTIVITY_CENTER',
  'BUSINESS',
  'SUBCOMMITTEE',
];
const CATEGORIES = ['TRANSPORT', 'SHOPPING', 'VOLUNTEER_INTEREST', 'HOME_HELP', 'GATHERING_PLACE', 'WATCH_OVER', 'OTHER'];
const STATUSES = ['SUBMITTED', 'OFFERED', 'ACCEPTED', 'IN_PROGRESS', 'COMPLETED', 'UNMATCHED', 'ESCALATED', 'WITHDRAWN'];
const HANDOFF_KINDS = [
  'SUBMITTED',
  'OFFERED',
  'ACCEPTED',
  'DECLINED',
  'EXPIRED',
  'REMINDED',
  'REASSIGNED',
  'STARTED',
  'COMPLETED',
  'UNMATCHED',
  'ESCALATED',
  'WITHDRAWN',
  'NOTE',
];
const OUTCOMES = ['RESOLVED', 'PARTIALLY_RESOLVED', 'NOT_RESOLVED', 'NO_LONGER_NEEDED'];

export class InitialSchema1764460800000 implements MigrationInterface {
  name = 'InitialSchema1764460800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE area (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        sort_order integer NOT NULL DEFAULT 0
      )`);
    await db.query(`
      CREATE TABLE organization (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL UNIQUE,
        kind text NOT NULL CHECK (kind IN (${list(ORG_KINDS)})),
        categories text[] NOT NULL DEFAULT '{}' CHECK (categories <@ ARRAY[${list(CATEGORIES)}]::text[]),
        accepting_referrals boolean NOT NULL DEFAULT true,
        has_system_users boolean NOT NULL DEFAULT true,
        contact_email text,
        contact_phone text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE organization_area (
        organization_id uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
        area_id uuid NOT NULL REFERENCES area(id) ON DELETE CASCADE,
        PRIMARY KEY (organization_id, area_id)
      )`);
    await db.query(`CREATE INDEX organization_area_area_idx ON organization_area (area_id)`);
    await db.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL UNIQUE CHECK (email = lower(email)),
        display_name text NOT NULL,
        role text NOT NULL CHECK (role IN (${list(ROLES)})),
        organization_id uuid REFERENCES organization(id),
        area_id uuid REFERENCES area(id),
        password_hash text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (role <> 'PARTNER' OR organization_id IS NOT NULL),
        CHECK (role <> 'TIER2_COORDINATOR' OR area_id IS NOT NULL)
      )`);
    await db.query(`
      CREATE TABLE referral (
        id uuid PRIMARY KEY,
        workflow_id text NOT NULL UNIQUE,
        client_request_id text NOT NULL,
        status text NOT NULL CHECK (status IN (${list(STATUSES)})),
        category text NOT NULL CHECK (category IN (${list(CATEGORIES)})),
        area_id uuid NOT NULL REFERENCES area(id),
        summary text NOT NULL,
        subject_kind text NOT NULL CHECK (subject_kind IN ('PERSON', 'AREA')),
        subject_display_name text,
        subject_age_band text,
        subject_contact text,
        consent_obtained boolean,
        consent_method text,
        consent_obtained_at timestamptz,
        destination text NOT NULL CHECK (destination IN ('PARTNER', 'TIER1')),
        submitted_by_id uuid NOT NULL REFERENCES app_user(id),
        current_organization_id uuid REFERENCES organization(id),
        response_due_at timestamptz,
        outcome text CHECK (outcome IN (${list(OUTCOMES)})),
        last_seq integer NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX referral_created_idx ON referral (created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX referral_area_idx ON referral (area_id, status)`);
    await db.query(`CREATE INDEX referral_current_org_idx ON referral (current_organization_id)`);
    await db.query(`CREATE INDEX referral_submitted_by_idx ON referral (submitted_by_id)`);
    await db.query(`
      CREATE TABLE referral_handoff (
        referral_id uuid NOT NULL REFERENCES referral(id),
        seq integer NOT NULL CHECK (seq > 0),
        kind text NOT NULL CHECK (kind IN (${list(HANDOFF_KINDS)})),
        from_organization_id uuid REFERENCES organization(id),
        to_organization_id uuid REFERENCES organization(id),
        actor_id uuid REFERENCES app_user(id),
        proxy boolean NOT NULL DEFAULT false,
        reason text,
        note text,
        at timestamptz NOT NULL,
        PRIMARY KEY (referral_id, seq)
      )`);
    // Partners see the referrals ever offered to them: this index answers that question.
    await db.query(`CREATE INDEX referral_handoff_offered_to_idx ON referral_handoff (to_organization_id, referral_id) WHERE kind = 'OFFERED'`);
    // The history is append-only: refuse updates and deletes at the database, not only in code.
    await db.query(`
      CREATE FUNCTION referral_handoff_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'referral_handoff is append-only';
      END $$`);
    await db.query(`
      CREATE TRIGGER referral_handoff_append_only BEFORE UPDATE OR DELETE ON referral_handoff
      FOR EACH ROW EXECUTE FUNCTION referral_handoff_append_only()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE referral_handoff`);
    await db.query(`DROP FUNCTION referral_handoff_append_only`);
    await db.query(`DROP TABLE referral`);
    await db.query(`DROP TABLE app_user`);
    await db.query(`DROP TABLE organization_area`);
    await db.query(`DROP TABLE organization`);
    await db.query(`DROP TABLE area`);
  }
}
