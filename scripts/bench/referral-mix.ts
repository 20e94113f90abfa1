// One referral's life for the benchmark data (scripts/bench/generate-referrals.ts): pure and seeded. The moves are
// chosen here with a realistic mix; the referral's state machine (libs/domain) turns them into the state and the
// handoffs, exactly as the workflow does, so the generated history is one the application could have written.
import {
  addBusinessDays,
  applyReferralCommand,
  DeclineReason,
  DEFAULT_DEADLINE_RULE,
  deadlineFor,
  Destination,
  HandoffEvent,
  isBusinessDay,
  JST_OFFSET_MS,
  NeedCategory,
  ReferralActor,
  ReferralCommand,
  ReferralOutcome,
  ReferralState,
  ReferralStatus,
  ReturnReason,
  submitReferral,
  SubjectKind,
  toJstDateString,
} from '@tsunagu/domain';

/** A seeded pseudo-random source (mulberry32): the same seed gives the same data. */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [value, weight] of entries) if ((r -= weight) < 0) return value;
    return entries[entries.length - 1][0];
  }
  /** A uuid v4 from this source, so that a seed reproduces the ids too. */
  uuid(): string {
    const hex = (n: number) =>
      Math.floor(this.next() * 16 ** n)
        .toString(16)
        .padStart(n, '0');
    return `${hex(8)}-${hex(4)}-4${hex(3)}-${((8 + Math.floor(this.next() * 4)) as number).toString(16)}${hex(3)}-${hex(6)}${hex(6)}`;
  }
}

/** The directory the generator found in the database. */
export interface BenchDirectory {
  areaIds: readonly string[];
  /** Partner organisations that serve the area and take the category, in the order routing would try them. */
  candidates(areaId: string, category: NeedCategory): readonly string[];
  /** Any partner serving the area (what a coordinator reassigns an unmatched need to). */
  partnersInArea(areaId: string): readonly string[];
  /** The user who answers for an organisation with users; absent: a tier-2 coordinator answers as proxy. */
  partnerUser(organizationId: string): string | undefined;
  /** The tier-2 coordinator of each area (the submitter) and the council they belong to. */
  tier2(areaId: string): { userId: string; organizationId: string };
  tier1: { userId: string; organizationId: string };
}

export interface PlannedHandoff extends HandoffEvent {
  seq: number;
  at: Date;
}

export interface PlannedReferral {
  id: string;
  createdAt: Date;
  updatedAt: Date;
  areaId: string;
  category: NeedCategory;
  subjectKind: SubjectKind;
  destination: Destination;
  submittedById: string;
  summary: string;
  /** PERSON subjects only: in clear here; the generator seals them as the worker does. */
  subject: { displayName: string; nameKana: string; ageBand: string; contact: string } | null;
  consent: { method: string; givenBy: string; obtainedAt: Date } | null;
  status: ReferralStatus;
  currentOrganizationId: string | null;
  outcome: ReferralOutcome | null;
  responseDueAt: Date | null;
  resumeOn: string | null;
  resumesToStatus: ReferralStatus | null;
  handoffs: PlannedHandoff[];
}

// Shares of the mix. Areas differ in size; categories follow what the city's coordinators report most.
export const CATEGORY_MIX: readonly (readonly [NeedCategory, number])[] = [
  [NeedCategory.TRANSPORT, 24],
  [NeedCategory.HOME_HELP, 20],
  [NeedCategory.SHOPPING, 18],
  [NeedCategory.WATCH_OVER, 12],
  [NeedCategory.GATHERING_PLACE, 10],
  [NeedCategory.VOLUNTEER_INTEREST, 8],
  [NeedCategory.OTHER, 8],
];
const AREA_WEIGHTS = [22, 14, 16, 12, 14, 10, 12];
/** Share of needs about an area rather than a person, per category. */
const AREA_SUBJECT_SHARE: Partial<Record<NeedCategory, number>> = {
  [NeedCategory.SHOPPING]: 0.3,
  [NeedCategory.GATHERING_PLACE]: 0.45,
  [NeedCategory.OTHER]: 0.25,
  [NeedCategory.TRANSPORT]: 0.08,
};
const TIER1_SHARE = 0.04;

const SUMMARIES: Record<NeedCategory, readonly string[]> = {
  TRANSPORT: ['通院の送迎を希望', '買い物への移動支援を希望', '週2回の通院付き添い', '駅までの送迎を相談'],
  SHOPPING: ['近くに店がなく買い物に困っている', '移動販売の立ち寄りを希望', '重い物の買い物代行を希望', '団地の坂で買い物が難しい'],
  VOLUNTEER_INTEREST: ['送迎ボランティアをしたい', '見守り活動に参加したい', 'サロンの手伝いを希望', '有償ボランティアを希望'],
  HOME_HELP: ['ごみ出しの手伝いを希望', '庭の草刈りを相談', '電球交換など軽作業', '掃除の手伝いを希望'],
  GATHERING_PLACE: ['近くにサロンがほしい', '体操教室に参加したい', '地域カフェの立ち上げ相談', '集会所の活用を相談'],
  WATCH_OVER: ['一人暮らしで見守りを希望', '電話での安否確認を希望', '週1回の訪問見守り', '家族が遠方で見守りを相談'],
  OTHER: ['生活全般の相談', '地域の困りごとの相談', '制度の案内を希望', 'その他の相談'],
};
const FAMILY = ['やまだ|山田', 'たなか|田中', 'すずき|鈴木', 'さとう|佐藤', 'たかはし|高橋', 'いとう|伊藤', 'わたなべ|渡辺', 'なかむら|中村'];
const GIVEN = ['はなこ|花子', 'たろう|太郎', 'かずこ|和子', 'ひろし|博', 'よしこ|良子', 'まさお|正夫', 'ふみ|ふみ', 'しげる|茂'];
const AGE_BANDS: readonly (readonly [string, number])[] = [
  ['65-69', 8],
  ['70-74', 14],
  ['75-79', 22],
  ['80-84', 26],
  ['85-89', 20],
  ['90+', 10],
];
const DECLINE_MIX: readonly (readonly [DeclineReason, number])[] = [
  [DeclineReason.NO_CAPACITY, 45],
  [DeclineReason.OUT_OF_AREA, 8],
  [DeclineReason.NOT_ELIGIBLE, 12],
  [DeclineReason.NOT_OUR_SERVICE, 15],
  [DeclineReason.COULD_NOT_CONTACT, 12],
  [DeclineReason.OTHER, 8],
];
const PARTNER_OUTCOMES: readonly (readonly [ReferralOutcome, number])[] = [
  [ReferralOutcome.RESOLVED, 62],
  [ReferralOutcome.PARTIALLY_RESOLVED, 18],
  [ReferralOutcome.NOT_RESOLVED, 10],
  [ReferralOutcome.NO_LONGER_NEEDED, 10],
];
const TIER1_OUTCOMES: readonly (readonly [ReferralOutcome, number])[] = [
  [ReferralOutcome.TAKEN_INTO_REGIONAL_ISSUE, 35],
  [ReferralOutcome.RESOLVED, 30],
  [ReferralOutcome.PARTIALLY_RESOLVED, 15],
  [ReferralOutcome.NOT_RESOLVED, 15],
  [ReferralOutcome.NO_LONGER_NEEDED, 5],
];
const RETURN_MIX: readonly (readonly [ReturnReason, number])[] = [
  [ReturnReason.CANNOT_CONTINUE, 40],
  [ReturnReason.NO_CAPACITY, 25],
  [ReturnReason.COULD_NOT_CONTACT, 20],
  [ReturnReason.OTHER, 15],
];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** isBusinessDay by JST day number, remembered: the generator asks about the same few thousand days millions of times. */
const openDays = new Map<number, boolean>();
function isOpenDay(jstDayStart: number): boolean {
  const day = Math.floor((jstDayStart + JST_OFFSET_MS) / DAY);
  let open = openDays.get(day);
  if (open === undefined) openDays.set(day, (open = isBusinessDay(new Date(jstDayStart))));
  return open;
}

/** An instant in office hours (9:00 to 17:00 JST) of a random business day in [from, to). */
export function officeInstant(rng: Random, from: Date, to: Date): Date {
  for (;;) {
    const dayStart = Math.floor((from.getTime() + JST_OFFSET_MS + rng.next() * (to.getTime() - from.getTime())) / DAY) * DAY - JST_OFFSET_MS;
    const at = new Date(dayStart + 9 * HOUR + Math.floor(rng.next() * 8 * HOUR));
    if (isOpenDay(dayStart) && at < to) return at;
  }
}

/** `hours` of office time (9:00 to 17:00 JST on business days) after `from`, so that an answer lands in office hours. */
export function afterOfficeHours(from: Date, hours: number): Date {
  let left = hours * HOUR;
  let time = from.getTime();
  for (;;) {
    const dayStart = Math.floor((time + JST_OFFSET_MS) / DAY) * DAY - JST_OFFSET_MS;
    const open = dayStart + 9 * HOUR;
    const close = dayStart + 17 * HOUR;
    if (isOpenDay(dayStart) && time < close) {
      time = Math.max(time, open);
      if (time + left <= close) return new Date(time + left);
      left -= close - time;
    }
    time = dayStart + DAY;
  }
}

/** Office hours drawn from a log-normal: most answers within a day, a tail of a few days. */
function answerHours(rng: Random, medianHours: number): number {
  const normal = Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
  return Math.max(0.1, medianHours * Math.exp(0.9 * normal));
}

/** Plans one referral from submission to its state at `now` (moves after `now` are not made). */
export function planReferral(rng: Random, dir: BenchDirectory, from: Date, now: Date): PlannedReferral {
  const id = rng.uuid();
  const areaId = dir.areaIds[weightedIndex(rng, AREA_WEIGHTS.slice(0, dir.areaIds.length))];
  const category = rng.weighted(CATEGORY_MIX);
  const subjectKind = rng.chance(AREA_SUBJECT_SHARE[category] ?? 0.02) ? SubjectKind.AREA : SubjectKind.PERSON;
  const destination = rng.chance(TIER1_SHARE) ? Destination.TIER1 : Destination.PARTNER;
  const tier2 = dir.tier2(areaId);
  const coordinator: ReferralActor = { userId: tier2.userId, organizationId: tier2.organizationId, proxy: false };
  const tier1: ReferralActor = { userId: dir.tier1.userId, organizationId: dir.tier1.organizationId, proxy: false };
  const createdAt = officeInstant(rng, from, now);
  const person = subjectKind === SubjectKind.PERSON;
  const [familyKana, familyName] = rng.pick(FAMILY).split('|');
  const [givenKana, givenName] = rng.pick(GIVEN).split('|');

  const candidates = dir.candidates(areaId, category);
  const offeredSoFar = new Set<string>();
  const nextCandidate = (state: ReferralState): string | null =>
    candidates.find((org) => !state.offeredOrganizationIds.includes(org) && !offeredSoFar.has(org)) ?? null;
  const partnerActor = (org: string): ReferralActor => {
    const user = dir.partnerUser(org);
    return user ? { userId: user, organizationId: org, proxy: false } : { userId: tier2.userId, organizationId: org, proxy: true };
  };

  const handoffs: PlannedHandoff[] = [];
  let clock = createdAt;
  let since = createdAt; // when the current status began: its deadline counts from here
  let first = submitReferral({ type: 'SUBMIT', actor: coordinator, destination, offerTo: null });
  if (destination === Destination.PARTNER) {
    first = submitReferral({ type: 'SUBMIT', actor: coordinator, destination, offerTo: candidates[0] ?? null });
  }
  let state = first.state;
  const record = (events: HandoffEvent[], at: Date) => {
    for (const event of events) handoffs.push({ ...event, seq: handoffs.length + 1, at });
  };
  record(first.handoffs, createdAt);
  let tier1Returned = false;

  // Each turn: the next move and when it happens; stop when it would be after `now` or the referral is closed.
  for (let turn = 0; turn < 40 && state.status !== ReferralStatus.COMPLETED && state.status !== ReferralStatus.WITHDRAWN; turn++) {
    // Computed only for the moves that need it: the calendar walk is the generator's largest cost.
    const deadlineNow = () => deadlineFor(state.status, since, DEFAULT_DEADLINE_RULE)!;
    let move: ReferralCommand;
    let at: Date;
    switch (state.status) {
      case ReferralStatus.OFFERED: {
        const holder = state.currentOrganizationId!;
        const roll = rng.next();
        if (roll < 0.1) {
          // No answer: reminded halfway, expired at the deadline.
          const deadline = deadlineNow();
          if (deadline.reminderAt && new Date(deadline.reminderAt) <= now) {
            record(applyReferralCommand(state, { type: 'REMIND', note: '回答期限が近づいています' }).handoffs, new Date(deadline.reminderAt));
          }
          move = { type: 'EXPIRE', offerTo: nextCandidate(state) };
          at = new Date(deadline.dueAt);
        } else {
          const hours = answerHours(rng, 5);
          at = afterOfficeHours(clock, hours);
          // Three business days hold at least 16 office hours: only a longer answer can pass the deadline.
          const due = hours > 16 ? new Date(deadlineNow().dueAt) : null;
          if (due && at >= due) at = new Date(due.getTime() - 30 * 60_000);
          if (roll < 0.72) move = { type: 'ACCEPT', actor: partnerActor(holder) };
          else if (roll < 0.97)
            move = { type: 'DECLINE', actor: partnerActor(holder), reason: rng.weighted(DECLINE_MIX), offerTo: nextCandidate(state) };
          else move = { type: 'WITHDRAW', actor: coordinator, reason: '本人の状況が変わったため' };
        }
        break;
      }
      case ReferralStatus.ACCEPTED: {
        const holder = state.currentOrganizationId!;
        at = afterOfficeHours(clock, answerHours(rng, 12));
        const roll = rng.next();
        if (roll < 0.93) move = { type: 'START', actor: partnerActor(holder) };
        else if (roll < 0.97) move = { type: 'RETURN', actor: partnerActor(holder), reason: rng.weighted(RETURN_MIX), offerTo: nextCandidate(state) };
        else move = { type: 'WITHDRAW', actor: coordinator, reason: '家族が対応することになったため' };
        break;
      }
      case ReferralStatus.IN_PROGRESS: {
        const holder = state.currentOrganizationId!;
        const roll = rng.next();
        if (state.heldByTier1) {
          at = afterOfficeHours(clock, answerHours(rng, 80));
          move =
            roll < 0.92
              ? { type: 'COMPLETE', actor: tier1, outcome: rng.weighted(TIER1_OUTCOMES) }
              : { type: 'RETURN', actor: tier1, reason: ReturnReason.LOCAL_RESOURCE_AVAILABLE, offerTo: null };
        } else if (roll < 0.03 && !handoffs.some((h) => h.kind === 'PUT_ON_HOLD')) {
          at = afterOfficeHours(clock, answerHours(rng, 16));
          const resumeOn = toJstDateString(addBusinessDays(at, 5 + Math.floor(rng.next() * 10)));
          move = { type: 'HOLD', actor: coordinator, resumeOn, reason: '入院のため' };
        } else {
          at = afterOfficeHours(clock, answerHours(rng, 60));
          if (roll < 0.94) move = { type: 'COMPLETE', actor: partnerActor(holder), outcome: rng.weighted(PARTNER_OUTCOMES) };
          else if (roll < 0.97)
            move = { type: 'RETURN', actor: partnerActor(holder), reason: rng.weighted(RETURN_MIX), offerTo: nextCandidate(state) };
          else move = { type: 'ESCALATE', actor: coordinator, note: '地域の資源では対応が難しいため' };
        }
        break;
      }
      case ReferralStatus.ON_HOLD: {
        at = new Date(Date.parse(`${state.hold!.resumeOn}T09:30:00+09:00`));
        move = { type: 'RESUME', actor: coordinator };
        break;
      }
      case ReferralStatus.UNMATCHED: {
        const roll = rng.next();
        const others = dir.partnersInArea(areaId).filter((org) => !state.offeredOrganizationIds.includes(org));
        if (roll < 0.2 && others.length > 0) {
          at = afterOfficeHours(clock, answerHours(rng, 8));
          move = { type: 'REASSIGN', actor: coordinator, organizationId: rng.pick(others) };
        } else if (roll < 0.35 || tier1Returned) {
          at = afterOfficeHours(clock, answerHours(rng, 16));
          move = { type: 'WITHDRAW', actor: coordinator, reason: '対応できる資源がないため' };
        } else {
          at = new Date(deadlineNow().dueAt);
          move = { type: 'AUTO_ESCALATE', note: '未マッチのまま期限を過ぎたため第1層SCへ' };
        }
        if (move.type !== 'AUTO_ESCALATE' && !tier1Returned) {
          const due = new Date(deadlineNow().dueAt);
          if (at > due) at = due;
        }
        break;
      }
      case ReferralStatus.ESCALATED: {
        const roll = rng.next();
        at = afterOfficeHours(clock, answerHours(rng, 16));
        if (roll < 0.65) move = { type: 'TAKE', actor: tier1 };
        else if (roll < 0.87) move = { type: 'COMPLETE', actor: tier1, outcome: rng.weighted(TIER1_OUTCOMES) };
        else if (roll < 0.95) {
          move = { type: 'RETURN', actor: tier1, reason: ReturnReason.LOCAL_RESOURCE_AVAILABLE, offerTo: null };
          tier1Returned = true;
        } else {
          const partners = dir.partnersInArea(areaId);
          move = partners.length ? { type: 'REASSIGN', actor: tier1, organizationId: rng.pick(partners) } : { type: 'TAKE', actor: tier1 };
        }
        break;
      }
      default:
        throw new Error(`the generator has no move for ${state.status}`);
    }
    if (at > now) break;
    const next = applyReferralCommand(state, move);
    for (const org of next.state.offeredOrganizationIds) offeredSoFar.add(org);
    if (next.state.status !== state.status || next.state.currentOrganizationId !== state.currentOrganizationId) since = at;
    state = next.state;
    clock = at;
    record(next.handoffs, at);
  }

  const deadline = deadlineFor(state.status, since, DEFAULT_DEADLINE_RULE);
  const noDeadline = state.status === ReferralStatus.UNMATCHED && tier1Returned;
  return {
    id,
    createdAt,
    updatedAt: clock,
    areaId,
    category,
    subjectKind,
    destination,
    submittedById: tier2.userId,
    summary: rng.pick(SUMMARIES[category]),
    subject: person
      ? {
          displayName: `${familyName} ${givenName}`,
          nameKana: `${familyKana} ${givenKana}`,
          ageBand: rng.weighted(AGE_BANDS),
          contact: `072-${String(100 + Math.floor(rng.next() * 900))}-${String(1000 + Math.floor(rng.next() * 9000))}`,
        }
      : null,
    consent: person ? { method: rng.chance(0.8) ? '口頭' : '書面', givenBy: rng.chance(0.85) ? '本人' : '家族(長女)', obtainedAt: createdAt } : null,
    status: state.status,
    currentOrganizationId: state.currentOrganizationId,
    outcome: state.outcome,
    responseDueAt: deadline && !noDeadline ? new Date(deadline.dueAt) : null,
    resumeOn: state.hold?.resumeOn ?? null,
    resumesToStatus: state.hold?.returnTo ?? null,
    handoffs,
  };
}

function weightedIndex(rng: Random, weights: readonly number[]): number {
  return rng.weighted(weights.map((w, i) => [i, w] as const));
}
