import * as argon2 from 'argon2';
import { DataSource, EntityManager } from 'typeorm';
import { NeedCategory as C, OrganizationKind as K, Role } from '@tsunagu/domain';

// The demo city: Kawanishi's 7 daily-life areas, its organisations (DOMAIN.md, "Organisations") and one user per role.
// Loading is idempotent: rows are matched on their natural keys (area code, organisation name, user email).

export const DEMO_AREAS = [
  { code: 'KAWANISHI', name: '川西' },
  { code: 'MEIHO', name: '明峰' },
  { code: 'TADA', name: '多田' },
  { code: 'MIDORIDAI', name: '緑台' },
  { code: 'SEIWADAI', name: '清和台' },
  { code: 'HIGASHITANI', name: '東谷' },
  { code: 'HOKURYO', name: '北陵' },
] as const;

const ALL = 'ALL' as const;

interface DemoOrganization {
  name: string;
  kind: K;
  areas: typeof ALL | string[];
  categories: C[];
  hasSystemUsers?: boolean;
  contactPhone?: string;
}

export const DEMO_ORGANIZATIONS: DemoOrganization[] = [
  { name: '川西市 介護保険課', kind: K.CITY_DEPARTMENT, areas: ALL, categories: [] },
  { name: '川西市 企画政策課', kind: K.CITY_DEPARTMENT, areas: ALL, categories: [] },
  { name: '川西市 産業振興課', kind: K.CITY_DEPARTMENT, areas: ALL, categories: [] },
  { name: '川西市 地域福祉課', kind: K.CITY_DEPARTMENT, areas: ALL, categories: [] },
  { name: '川西市 公園緑地課', kind: K.CITY_DEPARTMENT, areas: ALL, categories: [] },
  { name: '川西市 参画協働課', kind: K.CITY_DEPARTMENT, areas: ALL, categories: [] },
  { name: '川西市社会福祉協議会', kind: K.SOCIAL_WELFARE_COUNCIL, areas: ALL, categories: [] },
  ...DEMO_AREAS.map((area) => ({
    name: `地域包括支援センター ${area.name}`,
    kind: K.COMMUNITY_SUPPORT_CENTER,
    areas: [area.code],
    categories: [C.WATCH_OVER, C.GATHERING_PLACE, C.OTHER],
  })),
  { name: 'NPO法人 つながり移動支援', kind: K.NPO, areas: ALL, categories: [C.TRANSPORT, C.HOME_HELP, C.VOLUNTEER_INTEREST] },
  { name: '川西市シルバー人材センター', kind: K.SILVER_HR_CENTER, areas: ALL, categories: [C.TRANSPORT, C.HOME_HELP, C.VOLUNTEER_INTEREST] },
  { name: '清和台ささえあいの会', kind: K.VOLUNTEER_GROUP, areas: ['SEIWADAI'], categories: [C.HOME_HELP, C.GATHERING_PLACE, C.WATCH_OVER] },
  { name: '多田たすけあいグループ', kind: K.VOLUNTEER_GROUP, areas: ['TADA'], categories: [C.HOME_HELP, C.GATHERING_PLACE] },
  { name: '川西市市民活動センター', kind: K.CIVIC_ACTIVITY_CENTER, areas: ALL, categories: [C.VOLUNTEER_INTEREST] },
  { name: 'とくし丸 川西', kind: K.BUSINESS, areas: ALL, categories: [C.SHOPPING], hasSystemUsers: false, contactPhone: '072-000-0001' },
  { name: 'コンビニ 宅配サービス 川西', kind: K.BUSINESS, areas: ALL, categories: [C.SHOPPING], hasSystemUsers: false },
  { name: 'スーパー 買物配達 川西', kind: K.BUSINESS, areas: ALL, categories: [C.SHOPPING], hasSystemUsers: false },
  { name: '百貨店 外商サービス 川西', kind: K.BUSINESS, areas: ['KAWANISHI', 'MEIHO'], categories: [C.SHOPPING], hasSystemUsers: false },
  { name: '生活協同組合 個配 川西', kind: K.BUSINESS, areas: ALL, categories: [C.SHOPPING], hasSystemUsers: false },
  { name: '介護保険運営協議会 生活支援体制整備部会', kind: K.SUBCOMMITTEE, areas: ALL, categories: [] },
];

export const DEMO_USERS = [
  { email: 'admin@tsunagu.test', displayName: 'システム管理者', role: Role.ADMIN, organization: null, area: null },
  { email: 'tier1@tsunagu.test', displayName: '第1層SC 市役所', role: Role.TIER1_COORDINATOR, organization: '川西市 介護保険課', area: null },
  { email: 'tier2@tsunagu.test', displayName: '第2層SC 川西', role: Role.TIER2_COORDINATOR, organization: '川西市社会福祉協議会', area: 'KAWANISHI' },
  { email: 'npo@tsunagu.test', displayName: 'つながり移動支援 担当', role: Role.PARTNER, organization: 'NPO法人 つながり移動支援', area: null },
  {
    email: 'silver@tsunagu.test',
    displayName: 'シルバー人材センター 担当',
    role: Role.PARTNER,
    organization: '川西市シルバー人材センター',
    area: null,
  },
  // One community support centre with a user of its own, to try a centre's side; the other centres have none, and a
  // tier-2 coordinator answers for them (DOMAIN.md, "Proxy answers").
  {
    email: 'center@tsunagu.test',
    displayName: '地域包括支援センター 川西 担当',
    role: Role.PARTNER,
    organization: '地域包括支援センター 川西',
    area: null,
  },
  {
    email: 'subcommittee@tsunagu.test',
    displayName: '部会事務局',
    role: Role.SUBCOMMITTEE,
    organization: '介護保険運営協議会 生活支援体制整備部会',
    area: null,
  },
] as const;

export const DEFAULT_DEMO_PASSWORD = 'tsunagu-demo';

export interface SeedSummary {
  areas: number;
  organizations: number;
  usersCreated: number;
}

/** Loads the demo city. Users are created with `password` when missing; existing users keep theirs. */
export async function seedDemoData(dataSource: DataSource, password: string): Promise<SeedSummary> {
  const passwordHash = await argon2.hash(password, { type: argon2.argon2id });
  return dataSource.transaction(async (db) => {
    const areaIds = new Map<string, string>();
    for (const [index, area] of DEMO_AREAS.entries()) {
      const [row] = await db.query(
        `INSERT INTO area (code, name, sort_order) VALUES ($1, $2, $3)
         ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, sort_order = EXCLUDED.sort_order RETURNING id`,
        [area.code, area.name, index + 1],
      );
      areaIds.set(area.code, row.id);
    }
    const organizationIds = new Map<string, string>();
    for (const org of DEMO_ORGANIZATIONS) {
      const codes = org.areas === ALL ? DEMO_AREAS.map((a) => a.code) : org.areas;
      const id = await upsertOrganization(
        db,
        org,
        codes.map((code) => areaIds.get(code)!),
      );
      organizationIds.set(org.name, id);
    }
    let usersCreated = 0;
    for (const user of DEMO_USERS) {
      const inserted = await db.query(
        `INSERT INTO app_user (email, display_name, role, organization_id, area_id, password_hash)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (email) DO NOTHING RETURNING id`,
        [
          user.email,
          user.displayName,
          user.role,
          user.organization ? organizationIds.get(user.organization) : null,
          user.area ? areaIds.get(user.area) : null,
          passwordHash,
        ],
      );
      usersCreated += inserted.length;
    }
    return { areas: areaIds.size, organizations: organizationIds.size, usersCreated };
  });
}

async function upsertOrganization(db: EntityManager, org: DemoOrganization, areaIds: string[]): Promise<string> {
  const [row] = await db.query(
    `INSERT INTO organization (name, kind, categories, has_system_users, contact_phone) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (name) DO UPDATE SET kind = EXCLUDED.kind RETURNING id`,
    [org.name, org.kind, org.categories, org.hasSystemUsers ?? true, org.contactPhone ?? null],
  );
  await db.query(`INSERT INTO organization_area (organization_id, area_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`, [row.id, areaIds]);
  return row.id;
}
