import { NeedCategory, SubjectKind } from '../enums';

// What a coordinator records for each kind of need, beyond the summary (DOMAIN.md, "Details per category"). Stored as
// one jsonb value on the referral (`details`, with `version`), so reports can query its keys. Details describe the
// need, never the person: no names, no contact, no address of a resident (those are the subject's, encrypted). Pure:
// unit-tested; the api checks a submission with validateReferralDetails before it starts a workflow.

/** Days of the week, Monday first (as Japanese calendars print them: 月火水木金土日). */
export enum Weekday {
  MON = 'MON',
  TUE = 'TUE',
  WED = 'WED',
  THU = 'THU',
  FRI = 'FRI',
  SAT = 'SAT',
  SUN = 'SUN',
}

/** How often the need recurs. */
export enum NeedFrequency {
  ONCE = 'ONCE',
  AS_NEEDED = 'AS_NEEDED',
  MONTHLY = 'MONTHLY',
  WEEKLY = 'WEEKLY',
  SEVERAL_TIMES_A_WEEK = 'SEVERAL_TIMES_A_WEEK',
  DAILY = 'DAILY',
}

export enum TransportPurpose {
  HOSPITAL = 'HOSPITAL',
  SHOPPING = 'SHOPPING',
  OUTING = 'OUTING',
  OTHER = 'OTHER',
}

/** How the person gets about. Health-related (docs/SECURITY.md, "Need details"). */
export enum Mobility {
  INDEPENDENT = 'INDEPENDENT',
  CANE = 'CANE',
  WHEELCHAIR = 'WHEELCHAIR',
}

/** Whether a shopping need is one person's or a whole place's (an estate without a shop within walking distance). */
export enum ShoppingScope {
  PERSON = 'PERSON',
  AREA = 'AREA',
}

export enum VolunteerSkill {
  DRIVING = 'DRIVING',
  HOUSEWORK = 'HOUSEWORK',
  GARDENING = 'GARDENING',
  CONVERSATION = 'CONVERSATION',
  REPAIRS = 'REPAIRS',
  SMARTPHONE_PC = 'SMARTPHONE_PC',
  OTHER = 'OTHER',
}

/** Whether a supporter wants paid work (e.g. through the Silver HR Center) or to volunteer. */
export enum WorkPreference {
  VOLUNTEER = 'VOLUNTEER',
  PAID = 'PAID',
  EITHER = 'EITHER',
}

export enum HomeHelpTask {
  GARBAGE = 'GARBAGE',
  CLEANING = 'CLEANING',
  SHOPPING_ERRANDS = 'SHOPPING_ERRANDS',
  WATCHING = 'WATCHING',
  LIGHT_WORK = 'LIGHT_WORK',
  OTHER = 'OTHER',
}

export enum GatheringPlaceKind {
  SALON = 'SALON',
  CAFE = 'CAFE',
  EXERCISE = 'EXERCISE',
  HOBBY = 'HOBBY',
  OTHER = 'OTHER',
}

export enum WatchOverMethod {
  VISIT = 'VISIT',
  PHONE = 'PHONE',
}

/** The Japanese words staff use for each value (docs/API.md, "Need details"; the GraphQL enums' descriptions). */
export const DETAIL_LABELS_JA = {
  Weekday: { MON: '月', TUE: '火', WED: '水', THU: '木', FRI: '金', SAT: '土', SUN: '日' },
  NeedFrequency: {
    ONCE: '1回のみ',
    AS_NEEDED: '必要な時',
    MONTHLY: '月に1〜2回',
    WEEKLY: '週に1回',
    SEVERAL_TIMES_A_WEEK: '週に数回',
    DAILY: '毎日',
  },
  TransportPurpose: { HOSPITAL: '通院', SHOPPING: '買い物', OUTING: '外出', OTHER: 'その他' },
  Mobility: { INDEPENDENT: '自立', CANE: '杖', WHEELCHAIR: '車椅子' },
  ShoppingScope: { PERSON: '個人', AREA: '地域' },
  VolunteerSkill: {
    DRIVING: '運転',
    HOUSEWORK: '家事',
    GARDENING: '庭仕事・草引き',
    CONVERSATION: '話し相手',
    REPAIRS: '修繕・軽作業',
    SMARTPHONE_PC: 'スマホ・パソコン',
    OTHER: 'その他',
  },
  WorkPreference: { VOLUNTEER: 'ボランティア', PAID: '有償の仕事', EITHER: 'どちらでも' },
  HomeHelpTask: {
    GARBAGE: 'ごみ出し',
    CLEANING: '掃除',
    SHOPPING_ERRANDS: '買い物代行',
    WATCHING: '見守り',
    LIGHT_WORK: '軽作業',
    OTHER: 'その他',
  },
  GatheringPlaceKind: { SALON: 'サロン', CAFE: 'カフェ', EXERCISE: '体操・運動', HOBBY: '趣味・学び', OTHER: 'その他' },
  WatchOverMethod: { VISIT: '訪問', PHONE: '電話' },
} as const;

export interface TransportDetails {
  purpose: TransportPurpose;
  frequency: NeedFrequency | null;
  days: Weekday[];
  mobility: Mobility | null;
  escortNeeded: boolean | null;
}

export interface ShoppingDetails {
  scope: ShoppingScope;
  /** Where (an estate, a street, a 自治会): free text about the place, never a resident's address. */
  location: string | null;
  nearestShop: string | null;
  mobileSalesWanted: boolean | null;
  frequency: NeedFrequency | null;
}

export interface VolunteerInterestDetails {
  skills: VolunteerSkill[];
  days: Weekday[];
  /** Daily-life area codes the supporter can act in. */
  areaCodes: string[];
  supporterTrainingCompleted: boolean | null;
  workPreference: WorkPreference | null;
}

export interface HomeHelpDetails {
  tasks: HomeHelpTask[];
  frequency: NeedFrequency | null;
}

export interface GatheringPlaceDetails {
  placeKind: GatheringPlaceKind;
  days: Weekday[];
  transportNeeded: boolean | null;
}

export interface WatchOverDetails {
  frequency: NeedFrequency | null;
  methods: WatchOverMethod[];
}

export interface OtherDetails {
  note: string;
}

/** The details of each category, under the key the API's input and the stored value use. */
export interface DetailsByKey {
  transport: TransportDetails;
  shopping: ShoppingDetails;
  volunteerInterest: VolunteerInterestDetails;
  homeHelp: HomeHelpDetails;
  gatheringPlace: GatheringPlaceDetails;
  watchOver: WatchOverDetails;
  other: OtherDetails;
}

export type DetailsKey = keyof DetailsByKey;

export const DETAILS_KEY: Readonly<Record<NeedCategory, DetailsKey>> = {
  [NeedCategory.TRANSPORT]: 'transport',
  [NeedCategory.SHOPPING]: 'shopping',
  [NeedCategory.VOLUNTEER_INTEREST]: 'volunteerInterest',
  [NeedCategory.HOME_HELP]: 'homeHelp',
  [NeedCategory.GATHERING_PLACE]: 'gatheringPlace',
  [NeedCategory.WATCH_OVER]: 'watchOver',
  [NeedCategory.OTHER]: 'other',
};

/** The version of the stored shape; a reader meeting a newer one than it knows shows none rather than guess. */
export const REFERRAL_DETAILS_VERSION = 1;

/** As stored in referral.details (jsonb) and carried in the workflow's input: the category's fields at the top level. */
export type StoredReferralDetails = {
  [C in NeedCategory]: { version: typeof REFERRAL_DETAILS_VERSION; category: C } & DetailsByKey[(typeof DETAILS_KEY)[C]];
}[NeedCategory];

/** What a client sends: at most one category's details, under its key (`details.transport`). Fields may be missing. */
export type ReferralDetailsInput = { [K in DetailsKey]?: Partial<Record<keyof DetailsByKey[K], unknown>> | null };

export interface DetailsProblem {
  /** The field's path from the submission: `details.transport.days[2]`. */
  field: string;
  message: string;
}

export const DETAIL_TEXT_MAX = { location: 200, nearestShop: 100, note: 1000 } as const;
const MAX_AREA_CODES = 20;

/**
 * Checks a submission's details for its category and returns them as stored, or every problem found (each naming its
 * field). No details at all is fine (callers that predate them); details of another category, an empty list where one
 * is needed, a repeated day, text over its length are not. `areaCodeExists` answers for VOLUNTEER_INTEREST's areas.
 */
export function validateReferralDetails(
  category: NeedCategory,
  subjectKind: SubjectKind,
  input: ReferralDetailsInput | null | undefined,
  areaCodeExists: (code: string) => boolean,
): { details: StoredReferralDetails | null; problems: DetailsProblem[] } {
  if (input === null || input === undefined) return { details: null, problems: [] };
  const key = DETAILS_KEY[category];
  const problems: DetailsProblem[] = [];
  for (const other of Object.keys(input) as DetailsKey[]) {
    if (other !== key && input[other] !== null && input[other] !== undefined) {
      problems.push({ field: `details.${other}`, message: `must be empty for a ${category} referral (give details.${key})` });
    }
  }
  const given = input[key];
  if (given === null || given === undefined) {
    if (!problems.length) problems.push({ field: `details.${key}`, message: `is required when details are given for a ${category} referral` });
    return { details: null, problems };
  }
  const f = new Fields(`details.${key}`, given as Record<string, unknown>, problems);
  const base = { version: REFERRAL_DETAILS_VERSION } as const;
  let details: StoredReferralDetails;
  switch (category) {
    case NeedCategory.TRANSPORT:
      details = {
        ...base,
        category,
        purpose: f.required('purpose', TransportPurpose),
        frequency: f.optional('frequency', NeedFrequency),
        days: f.list('days', Weekday, { min: 0 }),
        mobility: f.optional('mobility', Mobility),
        escortNeeded: f.flag('escortNeeded'),
      };
      break;
    case NeedCategory.SHOPPING: {
      const scope = f.required('scope', ShoppingScope);
      if (scope && scope !== (subjectKind as string)) f.problem('scope', `must be ${subjectKind}, as the referral's subjectKind`);
      details = {
        ...base,
        category,
        scope,
        location: f.text('location', DETAIL_TEXT_MAX.location),
        nearestShop: f.text('nearestShop', DETAIL_TEXT_MAX.nearestShop),
        mobileSalesWanted: f.flag('mobileSalesWanted'),
        frequency: f.optional('frequency', NeedFrequency),
      };
      break;
    }
    case NeedCategory.VOLUNTEER_INTEREST:
      details = {
        ...base,
        category,
        skills: f.list('skills', VolunteerSkill, { min: 0 }),
        days: f.list('days', Weekday, { min: 0 }),
        areaCodes: f.areaCodes('areaCodes', areaCodeExists),
        supporterTrainingCompleted: f.flag('supporterTrainingCompleted'),
        workPreference: f.optional('workPreference', WorkPreference),
      };
      break;
    case NeedCategory.HOME_HELP:
      details = { ...base, category, tasks: f.list('tasks', HomeHelpTask, { min: 1 }), frequency: f.optional('frequency', NeedFrequency) };
      break;
    case NeedCategory.GATHERING_PLACE:
      details = {
        ...base,
        category,
        placeKind: f.required('placeKind', GatheringPlaceKind),
        days: f.list('days', Weekday, { min: 0 }),
        transportNeeded: f.flag('transportNeeded'),
      };
      break;
    case NeedCategory.WATCH_OVER:
      details = { ...base, category, frequency: f.optional('frequency', NeedFrequency), methods: f.list('methods', WatchOverMethod, { min: 1 }) };
      break;
    case NeedCategory.OTHER: {
      const note = f.text('note', DETAIL_TEXT_MAX.note);
      if (note === null && !problems.some((p) => p.field === `details.${key}.note`)) f.problem('note', 'is required');
      details = { ...base, category, note: note ?? '' };
      break;
    }
  }
  return problems.length ? { details: null, problems } : { details, problems };
}

/** Reads one category's fields, collecting problems under their paths. */
class Fields {
  constructor(
    private readonly path: string,
    private readonly given: Record<string, unknown>,
    private readonly problems: DetailsProblem[],
  ) {}

  problem(name: string, message: string): void {
    this.problems.push({ field: `${this.path}.${name}`, message });
  }

  required<E extends Record<string, string>>(name: string, values: E): E[keyof E] {
    const value = this.optional(name, values);
    if (value === null && !this.problems.some((p) => p.field === `${this.path}.${name}`)) this.problem(name, 'is required');
    return value as E[keyof E];
  }

  optional<E extends Record<string, string>>(name: string, values: E): E[keyof E] | null {
    const value = this.given[name];
    if (value === null || value === undefined) return null;
    if (!isMember(values, value)) {
      this.problem(name, `must be one of ${Object.values(values).join(', ')}`);
      return null;
    }
    return value;
  }

  /** A list of enum values without repeats, in the enum's order (so equal choices store equally). */
  list<E extends Record<string, string>>(name: string, values: E, { min }: { min: number }): Array<E[keyof E]> {
    const value = this.given[name] ?? [];
    if (!Array.isArray(value)) {
      this.problem(name, 'must be a list');
      return [];
    }
    const seen = new Set<string>();
    value.forEach((item, index) => {
      if (!isMember(values, item))
        this.problems.push({ field: `${this.path}.${name}[${index}]`, message: `must be one of ${Object.values(values).join(', ')}` });
      else if (seen.has(item)) this.problems.push({ field: `${this.path}.${name}[${index}]`, message: `${item} is listed twice` });
      else seen.add(item);
    });
    if (seen.size < min && value.length < min) this.problem(name, `must list at least ${min}`);
    return Object.values(values).filter((v) => seen.has(v)) as Array<E[keyof E]>;
  }

  flag(name: string): boolean | null {
    const value = this.given[name];
    if (value === null || value === undefined) return null;
    if (typeof value !== 'boolean') {
      this.problem(name, 'must be true or false');
      return null;
    }
    return value;
  }

  /** Trimmed text up to `max` characters; empty is none. */
  text(name: string, max: number): string | null {
    const value = this.given[name];
    if (value === null || value === undefined) return null;
    if (typeof value !== 'string') {
      this.problem(name, 'must be text');
      return null;
    }
    const trimmed = value.trim();
    if ([...trimmed].length > max) this.problem(name, `must be at most ${max} characters`);
    return trimmed || null;
  }

  areaCodes(name: string, exists: (code: string) => boolean): string[] {
    const value = this.given[name] ?? [];
    if (!Array.isArray(value)) {
      this.problem(name, 'must be a list');
      return [];
    }
    if (value.length > MAX_AREA_CODES) this.problem(name, `must list at most ${MAX_AREA_CODES}`);
    const seen = new Set<string>();
    value.forEach((code, index) => {
      const at = `${this.path}.${name}[${index}]`;
      if (typeof code !== 'string' || !exists(code)) this.problems.push({ field: at, message: `no area has the code "${String(code)}"` });
      else if (seen.has(code)) this.problems.push({ field: at, message: `${code} is listed twice` });
      else seen.add(code);
    });
    return [...seen];
  }
}

function isMember<E extends Record<string, string>>(values: E, value: unknown): value is E[keyof E] {
  return typeof value === 'string' && (Object.values(values) as string[]).includes(value);
}

/** The stored details, or null for a value this code cannot read (none, or a newer version). */
export function readStoredDetails(value: unknown): StoredReferralDetails | null {
  if (!value || typeof value !== 'object') return null;
  const stored = value as { version?: unknown; category?: unknown };
  if (stored.version !== REFERRAL_DETAILS_VERSION || typeof stored.category !== 'string' || !(stored.category in DETAILS_KEY)) return null;
  return value as StoredReferralDetails;
}
