// An isolated corner of the city for one test file: its own area, partners and users, so tests never see each
// other's referrals or depend on the demo data's routing.
import { randomUUID } from 'node:crypto';
import * as argon2 from 'argon2';
import { Client } from 'pg';
import { NeedCategory, OrganizationKind, Role } from '@tsunagu/domain';

export interface TestOrganization {
  id: string;
  name: string;
}

export interface TestCity {
  areaCode: string;
  areaId: string;
  otherAreaCode: string;
  password: string;
  /**
   * Partners for TRANSPORT in the area, in routing order (first, second): a routing rule says so, whatever their load
   * (unless the city was made with `transportRule: false`; then the least-loaded goes first, by name on equal load).
   */
  first: TestOrganization;
  second: TestOrganization;
  /** A shop without users of its own: a tier-2 coordinator answers for it. */
  shop: TestOrganization;
  /** A partner serving only the other area. */
  elsewhere: TestOrganization;
  emails: { tier2: string; otherTier2: string; tier1: string; first: string; second: string; elsewhere: string; admin: string };
}

export interface TestCityOptions {
  /** Add the routing rule TRANSPORT × area → [first, second] (default true). */
  transportRule?: boolean;
}

export async function createTestCity(databaseUrl: string, label: string, options: TestCityOptions = {}): Promise<TestCity> {
  const tag = `${label}-${randomUUID().slice(0, 8)}`;
  const password = 'test-password';
  const passwordHash = await argon2.hash(password, { type: argon2.argon2id });
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query('BEGIN');
    const area = async (code: string) =>
      (await db.query(`INSERT INTO area (code, name, sort_order) VALUES ($1, $2, 100) RETURNING id`, [code, `テスト ${code}`])).rows[0].id as string;
    const areaCode = `T-${tag}`.toUpperCase();
    const otherAreaCode = `U-${tag}`.toUpperCase();
    const areaId = await area(areaCode);
    const otherAreaId = await area(otherAreaCode);

    const organization = async (name: string, kind: OrganizationKind, areaIds: string[], categories: NeedCategory[], hasUsers = true) => {
      const id = (
        await db.query(`INSERT INTO organization (name, kind, categories, has_system_users) VALUES ($1, $2, $3, $4) RETURNING id`, [
          name,
          kind,
          categories,
          hasUsers,
        ])
      ).rows[0].id as string;
      for (const a of areaIds) await db.query(`INSERT INTO organization_area (organization_id, area_id) VALUES ($1, $2)`, [id, a]);
      return { id, name };
    };
    const first = await organization(`${tag} 1 NPO`, OrganizationKind.NPO, [areaId], [NeedCategory.TRANSPORT, NeedCategory.HOME_HELP]);
    const second = await organization(`${tag} 2 Silver`, OrganizationKind.SILVER_HR_CENTER, [areaId], [NeedCategory.TRANSPORT]);
    const shop = await organization(`${tag} 3 Shop`, OrganizationKind.BUSINESS, [areaId], [NeedCategory.SHOPPING], false);
    const elsewhere = await organization(`${tag} 4 Elsewhere`, OrganizationKind.NPO, [otherAreaId], [NeedCategory.TRANSPORT]);
    const council = await organization(`${tag} 0 Council`, OrganizationKind.SOCIAL_WELFARE_COUNCIL, [areaId, otherAreaId], []);
    const cityHall = await organization(`${tag} 0 City`, OrganizationKind.CITY_DEPARTMENT, [areaId, otherAreaId], []);

    if (options.transportRule ?? true) {
      await db.query(`INSERT INTO routing_preference (category, area_id, rank, organization_id) VALUES ($1, $2, 1, $3), ($1, $2, 2, $4)`, [
        NeedCategory.TRANSPORT,
        areaId,
        first.id,
        second.id,
      ]);
    }

    const emails = {
      tier2: `tier2-${tag}@test.example`.toLowerCase(),
      otherTier2: `tier2b-${tag}@test.example`.toLowerCase(),
      tier1: `tier1-${tag}@test.example`.toLowerCase(),
      first: `first-${tag}@test.example`.toLowerCase(),
      second: `second-${tag}@test.example`.toLowerCase(),
      elsewhere: `elsewhere-${tag}@test.example`.toLowerCase(),
      admin: `admin-${tag}@test.example`.toLowerCase(),
    };
    const user = (email: string, role: Role, organizationId: string | null, userAreaId: string | null) =>
      db.query(`INSERT INTO app_user (email, display_name, role, organization_id, area_id, password_hash) VALUES ($1, $2, $3, $4, $5, $6)`, [
        email,
        email.split('@')[0],
        role,
        organizationId,
        userAreaId,
        passwordHash,
      ]);
    await user(emails.tier2, Role.TIER2_COORDINATOR, council.id, areaId);
    await user(emails.otherTier2, Role.TIER2_COORDINATOR, council.id, otherAreaId);
    await user(emails.tier1, Role.TIER1_COORDINATOR, cityHall.id, null);
    await user(emails.first, Role.PARTNER, first.id, null);
    await user(emails.second, Role.PARTNER, second.id, null);
    await user(emails.elsewhere, Role.PARTNER, elsewhere.id, null);
    await user(emails.admin, Role.ADMIN, null, null);
    await db.query('COMMIT');
    return { areaCode, areaId, otherAreaCode, password, first, second, shop, elsewhere, emails };
  } catch (error) {
    await db.query('ROLLBACK');
    throw error;
  } finally {
    await db.end();
  }
}
