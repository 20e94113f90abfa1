import { MigrationInterface, QueryRunner } from 'typeorm';

// Enumerated values are written out here, not imported: a migration is a frozen record of the schema it made.
const CATEGORIES = ['TRANSPORT', 'SHOPPING', 'VOLUNTEER_INTEREST', 'HOME_HELP', 'GATHERING_PLACE', 'WATCH_OVER', 'OTHER'];
const list = (values: string[]) => values.map((v) => `'${v}'`).join(', ');

/** The partner directory as an administrator keeps it: a contact name, routing rules, and an index for partner load. */
export class DirectoryRouting1764547200000 implements MigrationInterface {
  name = 'DirectoryRouting1764547200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE organization ADD COLUMN contact_name text`);
    // A routing rule: per category and area, the partners to offer a need to first, in rank order (1 = first).
    await db.query(`
      CREATE TABLE routing_preference (
        category text NOT NULL CHECK (category IN (${list(CATEGORIES)})),
        area_id uuid NOT NULL REFERENCES area(id),
        rank integer NOT NULL CHECK (rank > 0),
        organization_id uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
        PRIMARY KEY (category, area_id, rank),
        UNIQUE (category, area_id, organization_id)
      )`);
    await db.query(`CREATE INDEX routing_preference_organization_idx ON routing_preference (organization_id)`);
    // Routing counts each candidate's open referrals (its load): this index answers that count.
    await db.query(`
      CREATE INDEX referral_open_load_idx ON referral (current_organization_id)
       WHERE status IN ('OFFERED', 'ACCEPTED', 'IN_PROGRESS')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX referral_open_load_idx`);
    await db.query(`DROP TABLE routing_preference`);
    await db.query(`ALTER TABLE organization DROP COLUMN contact_name`);
  }
}
