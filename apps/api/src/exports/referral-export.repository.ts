// The directory's names a referral export writes beside each row: every area, organisation and user, by id.
import type { DataSource, EntityManager } from 'typeorm';

export class ReferralExportRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** Every area: its code and name. */
  areaNames(): Promise<Array<{ id: string; code: string; name: string }>> {
    return this.db.query(`SELECT id, code, name FROM area`);
  }

  /** Every organisation's name. */
  organizationNames(): Promise<Array<{ id: string; name: string }>> {
    return this.db.query(`SELECT id, name FROM organization`);
  }

  /** Every user's display name, as `name`. */
  userNames(): Promise<Array<{ id: string; name: string }>> {
    return this.db.query(`SELECT id, display_name AS name FROM app_user`);
  }
}
