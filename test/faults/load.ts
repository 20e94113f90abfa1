// The steady load the faults hit (docs/RELIABILITY.md): referrals submitted at a fixed rate, each taken through a short
// life by its partner or by a coordinator's proxy answers, every request retried as docs/API.md tells a client to:
// a retryable answer (UNAVAILABLE, or no answer at all) is sent again unchanged, so with the same idempotency key.
import { ACCEPT, COMPLETE, DECLINE, NOTE, personNeed, REFERRAL, START, SUBMIT } from '../e2e/support/documents';

/** What a client may retry: API.md's UNAVAILABLE (extensions.retryable), or no answer (connection refused or cut, timeout). */
export type RetryableKind = 'UNAVAILABLE' | 'NO_ANSWER';

export interface RequestRecord {
  /** e.g. "submitReferral", "acceptReferral". */
  operation: string;
  /** The referral's clientRequestId: names the referral in a violation before its id is known. */
  key: string;
  attempts: number;
  retryable: RetryableKind[];
  /** Set when the request ended without success: a refusal that is not retryable, or still retryable at the deadline. */
  failure?: string;
}

/** A deterministic generator (mulberry32): the seed printed by the suite replays the same moments and choices. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REQUEST_TIMEOUT_MS = 30_000;
/** How long a client keeps retrying one request: longer than any outage the scenarios cause, plus recovery. */
const GIVE_UP_MS = 180_000;

export interface Caller {
  token: string;
  userId: string;
  label: string;
}

export interface Answer<T> {
  data?: T;
  /** The code of a refusal that is not retryable; undefined on success. */
  code?: string;
  message?: string;
}

/** One attempt: the GraphQL answer, or NO_ANSWER when the api could not be reached or did not answer in time. */
export async function sendOnce<T>(url: string, caller: Caller, query: string, variables: Record<string, unknown>): Promise<Answer<T> | 'NO_ANSWER'> {
  let response: Response;
  let body: { data?: T; errors?: Array<{ message: string; extensions?: { code?: string; retryable?: boolean } }> };
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${caller.token}` },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    body = (await response.json()) as typeof body;
  } catch {
    return 'NO_ANSWER';
  }
  const error = body.errors?.[0];
  if (!error) return { data: body.data as T };
  if (error.extensions?.code === 'UNAVAILABLE' && error.extensions.retryable === true) return { code: 'UNAVAILABLE', message: error.message };
  return { code: error.extensions?.code ?? `HTTP ${response.status}`, message: error.message };
}

/** Sends until success or a refusal that is not retryable; every attempt the same document and variables. */
export async function sendRetrying<T>(
  url: string,
  caller: Caller,
  record: RequestRecord,
  query: string,
  variables: Record<string, unknown>,
): Promise<T | undefined> {
  const giveUpAt = Date.now() + GIVE_UP_MS;
  for (let wait = 250; ; wait = Math.min(wait * 2, 4_000)) {
    record.attempts += 1;
    const answer = await sendOnce<T>(url, caller, query, variables);
    if (answer !== 'NO_ANSWER' && !answer.code) return answer.data;
    if (answer !== 'NO_ANSWER' && answer.code !== 'UNAVAILABLE') {
      record.failure = `${record.operation} by ${caller.label}: ${answer.code}: ${answer.message}`;
      return undefined;
    }
    record.retryable.push(answer === 'NO_ANSWER' ? 'NO_ANSWER' : 'UNAVAILABLE');
    if (Date.now() > giveUpAt) {
      record.failure = `${record.operation} by ${caller.label}: still ${record.retryable.at(-1)} after ${GIVE_UP_MS / 1000} s of retries`;
      return undefined;
    }
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

export interface LoadCity {
  areaCode: string;
  first: { id: string };
  second: { id: string };
  shop: { id: string };
  tier2: Caller;
  first_: Caller;
  second_: Caller;
}

/** The kinds of life a referral gets; each ends in a state the checks then move once more. */
export type Plan = 'complete' | 'decline-then-accept' | 'proxy' | 'note-then-accept';

export interface Move {
  operation: string;
  caller: Caller;
  query: string;
  variables: Record<string, unknown>;
  /** The status the answer must show. */
  status: string;
  /**
   * Sent only once the coordinator sees the referral offered to this organisation, as a partner answers what its inbox
   * shows (an outage can make the offer come later than the decline's answer).
   */
  offeredTo?: string;
}

/** One referral of the load: its submission, the moves it gets, and what the requests met. */
export interface LoadCase {
  plan: Plan;
  input: Record<string, unknown>;
  referralId?: string;
  moves: Move[];
  /** The last request that succeeded, for the repeat check. */
  last?: { operation: string; caller: Caller; query: string; variables: Record<string, unknown>; status: string };
  requests: RequestRecord[];
  /** Wrong answers that were not errors (a status other than expected). */
  problems: string[];
}

export function planCase(plan: Plan, city: LoadCity): LoadCase {
  const input =
    plan === 'proxy'
      ? personNeed(city.areaCode, { category: 'SHOPPING', summary: '買い物の付き添い', organizationId: city.shop.id })
      : personNeed(city.areaCode);
  return { plan, input, moves: [], requests: [], problems: [] };
}

function movesFor(plan: Plan, city: LoadCity, id: string): Move[] {
  const accept = (caller: Caller): Move => ({
    operation: 'acceptReferral',
    caller,
    query: ACCEPT,
    variables: { id, note: '受けます' },
    status: 'ACCEPTED',
  });
  const start = (caller: Caller): Move => ({ operation: 'startReferral', caller, query: START, variables: { id }, status: 'IN_PROGRESS' });
  switch (plan) {
    case 'complete':
      return [
        accept(city.first_),
        start(city.first_),
        { operation: 'completeReferral', caller: city.first_, query: COMPLETE, variables: { id, outcome: 'RESOLVED' }, status: 'COMPLETED' },
      ];
    case 'decline-then-accept':
      return [
        { operation: 'declineReferral', caller: city.first_, query: DECLINE, variables: { id, reason: 'NO_CAPACITY' }, status: 'OFFERED' },
        { ...accept(city.second_), offeredTo: city.second.id },
      ];
    case 'proxy':
      // The shop has no users: the tier-2 coordinator answers for it (proxy: true).
      return [accept(city.tier2), start(city.tier2)];
    case 'note-then-accept':
      return [
        { operation: 'addReferralNote', caller: city.tier2, query: NOTE, variables: { id, note: '家族に連絡済み' }, status: 'OFFERED' },
        accept(city.first_),
      ];
  }
}

/** Runs one referral's life to its end; never throws (what went wrong is in the case's records). */
export async function runCase(url: string, city: LoadCity, c: LoadCase): Promise<void> {
  const submit: RequestRecord = { operation: 'submitReferral', key: String(c.input.clientRequestId), attempts: 0, retryable: [] };
  c.requests.push(submit);
  const submitted = await sendRetrying<{ submitReferral: { id: string; status: string } }>(url, city.tier2, submit, SUBMIT, { input: c.input });
  if (!submitted) return;
  c.referralId = submitted.submitReferral.id;
  c.last = { operation: 'submitReferral', caller: city.tier2, query: SUBMIT, variables: { input: c.input }, status: submitted.submitReferral.status };
  c.moves = movesFor(c.plan, city, c.referralId);
  for (const move of c.moves) {
    if (move.offeredTo && !(await waitForOffer(url, city.tier2, c, move.offeredTo, move.caller.label))) return;
    const record: RequestRecord = { operation: move.operation, key: c.referralId, attempts: 0, retryable: [] };
    c.requests.push(record);
    const answer = await sendRetrying<Record<string, { status: string }>>(url, move.caller, record, move.query, move.variables);
    if (!answer) return;
    const status = Object.values(answer)[0]?.status;
    if (status !== move.status) c.problems.push(`referral ${c.referralId}: ${move.operation} answered status ${status}, not ${move.status}`);
    c.last = { ...move, status: status ?? '' };
  }
}

const OFFER_POLL_MS = 500;

/**
 * Reads the referral as `caller` (its coordinator, who sees it at every stage; a partner sees it only once offered it)
 * until it is offered to `organizationId`; records a failure when it never is.
 */
async function waitForOffer(url: string, caller: Caller, c: LoadCase, organizationId: string, partner: string): Promise<boolean> {
  const record: RequestRecord = { operation: 'referral (waiting for the offer)', key: c.referralId!, attempts: 0, retryable: [] };
  const giveUpAt = Date.now() + GIVE_UP_MS;
  let seen = 'nothing';
  while (Date.now() < giveUpAt) {
    const answer = await sendRetrying<{ referral: { status: string; currentOrganization: { id: string } | null } }>(url, caller, record, REFERRAL, {
      id: c.referralId,
    });
    if (!answer) break;
    const { status, currentOrganization } = answer.referral;
    if (status === 'OFFERED' && currentOrganization?.id === organizationId) return true;
    seen = `${status} with ${currentOrganization?.id ?? 'nobody'}`;
    await new Promise((resolve) => setTimeout(resolve, OFFER_POLL_MS));
  }
  record.failure ??= `referral ${c.referralId} never offered to the ${partner} within ${GIVE_UP_MS / 1000} s (last seen: ${seen})`;
  c.requests.push(record);
  return false;
}

/** Submits `rate` referrals a second for `seconds`, each running its life; resolves once every one has ended. */
export async function runLoad(url: string, city: LoadCity, random: () => number, rate: number, seconds: number): Promise<LoadCase[]> {
  const plans: Plan[] = ['complete', 'complete', 'decline-then-accept', 'proxy', 'note-then-accept'];
  const cases: LoadCase[] = [];
  const running: Promise<void>[] = [];
  const total = Math.round(rate * seconds);
  const started = Date.now();
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
    const c = planCase(plans[Math.floor(random() * plans.length)], city);
    cases.push(c);
    running.push(runCase(url, city, c));
  }
  await Promise.all(running);
  return cases;
}
