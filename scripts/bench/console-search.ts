// `npm run bench:console [-- --referrals 1000 --rate 4 --rounds 3]`: the coordinator home's search with 1,000
// referrals, in Debian's chromium at a 4× CPU slowdown (issue 13; docs/BENCHMARKS.md, "Web console: the search").
// Starts the real stack (libs/testing: PostgreSQL, Temporal, the compiled worker and api serving dist/web), seeds the
// referrals, signs in as the test city's tier-2 coordinator, and in each round opens the home anew and types five
// searches key by key (three rounds: 15 searches, as the machine's own swings are larger than one search's figure).
// Seeding: the first 20 through the api (real workflows); the rest as the benchmark's A0 writes them (scripts/bench/scenarios.ts): the worker's own
// ReferralWriter, the rows a submission leaves (OFFERED, deadline, handoffs, personal data sealed), without a workflow
// behind them. The home reads only those rows, and on 2 shared cores a thousand workflows would take a quarter hour.
// Measured in the page, on its own clock (performance.now()):
// - keystroke to paint: from a character's input event (Playwright types kana and kanji as inserted text, as an IME
//   commits them: no keydown) to the end of the first frame after it (a task posted from that frame's
//   requestAnimationFrame runs after the frame): what the person feels while typing;
// - debounce: the last input to the start of the search's request (the console's deliberate 250 ms wait);
// - request: the request's start to its responseEnd (Resource Timing): the api and the network;
// - answer to paint: responseEnd to the end of the first frame after the page changed (a MutationObserver on the
//   document): urql, React and the browser turning the answer into the list. Target: ≤ 100 ms. In brackets, the part
//   until the page changed (the response's handling, urql and React's commit); the rest is the frame.
// - to the last row: responseEnd to the end of the frame after the last change within a second of it: a new list draws
//   its first rows in the answer's frame and the rest of its first 20 in the frames after (CoordinatorHome).
// `-- --profile` also records a Chrome trace and a CPU profile of each search and prints where the answer-to-paint
// window's time went (the main thread's self time per trace event, and per script function and file): for finding
// causes, not for the figures (tracing and sampling slow the page).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { DEFAULT_DEADLINE_RULE, deadlineFor, Destination, HandoffKind, NeedCategory, ReferralStatus, SubjectKind } from '@tsunagu/domain';
import { readDataKeys } from '@tsunagu/crypto';
import { createDataSource, readDatabaseConfig, ReferralWriter } from '@tsunagu/persistence';
import { createTestCity, freePort, signIn, startStack, type GraphQLSession, type RunningStack, type TestCity } from '@tsunagu/testing';
import { launchChromium } from '@tsunagu/testing/browser';
import type { Browser, BrowserContext, Page } from 'playwright-core';

const started = performance.now();
const log = (line: string) => process.stderr.write(`[bench:console ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

const REFERRALS = option('referrals', 1000);
const CPU_RATE = option('rate', 4);
/** Each round opens the home anew and types the five searches: three rounds give 15 searches to judge by. */
const ROUNDS = option('rounds', 3);
const PROFILE = process.argv.includes('--profile');
const CONCURRENCY = 4;
const THROUGH_API = 20;
/** Summaries staff write (no names), so the searches below find a seventh of the list each. */
const NEEDS = ['通院の送迎', '買い物の付き添い', '庭の草取り', 'ゴミ出しの手伝い', 'サロンの立ち上げ', '見守りの相談', '電球の交換'];
const SEARCHES = ['買い物の付き添い', '草取り', '見守りの相談', '送迎', '電球の交換'];
/** Between keys: a quick typist (under the 250 ms debounce, so one search per word). */
const KEY_DELAY_MS = 120;

/** Runs in the page before its scripts: the marks the figures are computed from. */
const PROBE = `
window.__bench = { keys: [], paints: [] };
const afterFrame = (record) => requestAnimationFrame(() => setTimeout(() => record(performance.now()), 0));
document.addEventListener('input', (event) => {
  if (event.target && event.target.id === 'home-text') afterFrame((painted) => window.__bench.keys.push({ at: event.timeStamp, painted }));
}, true);
window.__bench.shown = [];
new MutationObserver((mutations) => {
  const mutated = performance.now();
  afterFrame((painted) => window.__bench.paints.push({ mutated, painted }));
  // A new row is marked before its first frame, so that the browser reports when it was on screen (Element Timing).
  for (const mutation of mutations)
    for (const node of mutation.addedNodes)
      if (node instanceof Element) for (const row of node.matches('li.list-row') ? [node] : node.querySelectorAll('li.list-row')) row.setAttribute('elementtiming', 'row');
}).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) window.__bench.shown.push(entry.renderTime || entry.loadTime);
}).observe({ type: 'element', buffered: true });
`;

interface Probe {
  keys: Array<{ at: number; painted: number }>;
  paints: Array<{ mutated: number; painted: number }>;
  /** When each new row was first on screen: Element Timing's renderTime, the frame's presentation by the compositor. */
  shown: number[];
  requests: Array<{ startTime: number; responseEnd: number }>;
}

interface SearchFigures {
  round: number;
  text: string;
  found: number;
  keystrokes: number[];
  debounce: number;
  request: number;
  answerToPaint: number;
  /** Of answer to paint: until the page changed (urql and React), then until that frame was painted. */
  answerToChange: number;
  /** responseEnd to the first new row on screen (the browser's own paint time); null when no new row was on screen. */
  answerToShown: number | null;
  toLastRow: number;
}

async function seed(stack: RunningStack, session: GraphQLSession, city: TestCity): Promise<void> {
  await seedThroughApi(session, city);
  const me = (await session.data<{ me: { id: string; organization: { id: string } } }>(`{ me { id organization { id } } }`)).me;
  const db = await createDataSource(readDatabaseConfig(stack.appEnv), 'tsunagu-bench-console').initialize();
  const dataKeys = readDataKeys(stack.appEnv);
  try {
    for (let from = THROUGH_API; from < REFERRALS; from += 100) {
      await db.transaction(async (tx) => {
        for (let i = from; i < Math.min(from + 100, REFERRALS); i++) {
          const person = i % 5 !== 0;
          const created = new Date(Date.now() - (REFERRALS - i) * 60_000);
          const at = created.toISOString();
          const offeredTo = person ? city.first.id : city.second.id;
          const handoff = { actorUserId: me.id, proxy: false, reason: null, note: null, at };
          await new ReferralWriter(tx, dataKeys).recordTransition({
            referralId: randomUUID(),
            workflowId: `bench-console-${i}`,
            status: ReferralStatus.OFFERED,
            currentOrganizationId: offeredTo,
            outcome: null,
            responseDueAt: deadlineFor(ReferralStatus.OFFERED, created, DEFAULT_DEADLINE_RULE)?.dueAt ?? null,
            lastSeq: 2,
            at,
            submission: {
              clientRequestId: `bench-console-${i}`,
              category: NeedCategory.TRANSPORT,
              areaId: city.areaId,
              summary: `${NEEDS[i % NEEDS.length]}（第${i + 1}号）`,
              subjectKind: person ? SubjectKind.PERSON : SubjectKind.AREA,
              subject: person ? { displayName: `ベンチ ${i}`, nameKana: 'べんち たろう', ageBand: '80代', contact: '072-000-0000' } : null,
              consent: person ? { obtained: true, method: '書面', obtainedAt: '2026-11-20T01:00:00.000Z', givenBy: '本人' } : null,
              destination: Destination.PARTNER,
              submittedByUserId: me.id,
              createdAt: at,
            },
            handoffs: [
              { ...handoff, seq: 1, kind: HandoffKind.SUBMITTED, fromOrganizationId: me.organization.id, toOrganizationId: null },
              { ...handoff, seq: 2, kind: HandoffKind.OFFERED, fromOrganizationId: null, toOrganizationId: offeredTo },
            ],
          });
        }
      });
      log(`written ${Math.min(from + 100, REFERRALS)} of ${REFERRALS}`);
    }
  } finally {
    await db.destroy();
  }
}

async function seedThroughApi(session: GraphQLSession, city: TestCity): Promise<void> {
  let next = 0;
  const one = async (i: number) => {
    const need = NEEDS[i % NEEDS.length];
    const person = i % 5 !== 0;
    await session.data(`mutation S($input: SubmitReferralInput!) { submitReferral(input: $input) { id } }`, {
      input: {
        clientRequestId: `bench-console-${i}`,
        category: person ? 'TRANSPORT' : 'GATHERING_PLACE',
        areaCode: city.areaCode,
        summary: `${need}（第${i + 1}号）`,
        subjectKind: person ? 'PERSON' : 'AREA',
        ...(person
          ? {
              subject: { displayName: `ベンチ ${i}`, ageBand: '80代', contact: '072-000-0000' },
              consent: { obtained: true, method: '書面', obtainedAt: '2026-11-20T01:00:00.000Z' },
            }
          : {}),
        destination: 'PARTNER',
      },
    });
  };
  const workers = Array.from({ length: CONCURRENCY }, async () => {
    for (let i = next++; i < Math.min(THROUGH_API, REFERRALS); i = next++) await one(i);
  });
  await Promise.all(workers);
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : NaN;
};
const ms = (value: number) => `${value.toFixed(0)} ms`;

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tsunagu-bench-console-'));
  const stack = await startStack({
    dataDir,
    persistent: false,
    apiPort: await freePort('127.0.0.1'),
    temporalUiPort: false,
    env: { NODE_ENV: 'production', TSUNAGU_JWT_SECRET: randomBytes(32).toString('hex') },
    log: (line) => log(line.replace(/\s+/g, ' ')),
  });
  const browser = await launchChromium();
  try {
    const city = await createTestCity(stack.databaseUrl, 'benchconsole');
    const tier2 = await signIn(stack.graphqlUrl, city.emails.tier2, city.password);
    const seedStarted = performance.now();
    await seed(stack, tier2, city);
    const total = (await tier2.data<{ referrals: { totalCount: number } }>(`{ referrals(first: 1) { totalCount } }`)).referrals.totalCount;
    log(`${total} referrals in the coordinator's list (seeded in ${((performance.now() - seedStarted) / 1000).toFixed(0)} s)`);

    const context = await browser.newContext({
      baseURL: stack.webUrl,
      locale: 'ja-JP',
      timezoneId: 'Asia/Tokyo',
      viewport: { width: 1280, height: 900 },
    });
    await context.addInitScript({ content: PROBE });
    const signInPage = await context.newPage();
    await signInPage.goto('/sign-in');
    await signInPage.getByLabel(/^メールアドレス/).fill(city.emails.tier2);
    await signInPage.getByLabel(/^パスワード/).fill(city.password);
    await signInPage.getByRole('button', { name: 'ログイン' }).click();
    await signInPage.getByRole('list', { name: '依頼の一覧' }).getByRole('listitem').first().waitFor();
    await signInPage.close();

    const loadBefore = loadavg()[0].toFixed(1);
    const figures: SearchFigures[] = [];
    let rows = 0;
    for (let round = 1; round <= ROUNDS; round++) {
      // Each round a newly opened home (as after a reload: its files from the browser's cache, its fonts not yet
      // loaded).
      const page = await context.newPage();
      await page.goto('/');
      await page.getByRole('list', { name: '依頼の一覧' }).getByRole('listitem').first().waitFor();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_RATE });
      rows = await page.locator('li').count();
      log(`round ${round}: home shown, ${rows} rows on the page; CPU slowed ${CPU_RATE}×`);
      figures.push(...(await searchEach(browser, page, cdp, round)));
      await page.close();
    }

    const keystrokes = figures.flatMap((f) => f.keystrokes);
    const lines = [
      `Console search: ${total} referrals in the list, ${rows} rows on the page at first, ${ROUNDS} rounds of ${SEARCHES.length} searches, CPU ${CPU_RATE}× slower (headless chromium, ${new Date().toISOString()}; load average ${loadBefore} before the searches, ${loadavg()[0].toFixed(1)} after)`,
      '',
      '| round | search | found | keystrokes | keystroke to paint (median / max) | debounce | request | answer to paint (of it: to the change) | answer to the first row on screen | to the last row |',
      '|---|---|---|---|---|---|---|---|---|---|',
      ...figures.map(
        (f) =>
          `| ${f.round} | ${f.text} | ${f.found} | ${f.keystrokes.length} | ${ms(median(f.keystrokes))} / ${ms(Math.max(...f.keystrokes))} | ${ms(f.debounce)} | ${ms(f.request)} | ${ms(f.answerToPaint)} (${ms(f.answerToChange)}) | ${f.answerToShown === null ? '–' : ms(f.answerToShown)} | ${ms(f.toLastRow)} |`,
      ),
      '',
      `All ${keystrokes.length} keystrokes: median ${ms(median(keystrokes))}, max ${ms(Math.max(...keystrokes))}.`,
      `Answer to paint, per round (median / max): ${Array.from({ length: ROUNDS }, (_, i) =>
        figures.filter((f) => f.round === i + 1).map((f) => f.answerToPaint),
      )
        .map((round) => `${ms(median(round))} / ${ms(Math.max(...round))}`)
        .join('; ')}.`,
      `Answer to paint, all ${figures.length} searches: median ${ms(median(figures.map((f) => f.answerToPaint)))}, max ${ms(Math.max(...figures.map((f) => f.answerToPaint)))} (target ≤ 100 ms: ${
        Math.max(...figures.map((f) => f.answerToPaint)) <= 100 ? 'MET' : 'MISSED'
      }).`,
      shownLine(figures),
      `To the last row: median ${ms(median(figures.map((f) => f.toLastRow)))}, max ${ms(Math.max(...figures.map((f) => f.toLastRow)))}.`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    await context.close();
  } finally {
    await browser.close();
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

type Cdp = Awaited<ReturnType<BrowserContext['newCDPSession']>>;

/** Types each search into a settled home, key by key, and reads the page's marks. */
async function searchEach(browser: Browser, page: Page, cdp: Cdp, round: number): Promise<SearchFigures[]> {
  const box = page.getByLabel(/^キーワード/);
  const figures: SearchFigures[] = [];
  for (const text of SEARCHES) {
    // From an empty box, settled (its own request answered and painted).
    await box.fill('');
    await page.waitForURL((url) => !url.searchParams.has('q'));
    await page.waitForTimeout(1500);
    await page.evaluate('window.__bench.keys = []; window.__bench.paints = []; window.__bench.shown = []; performance.clearResourceTimings()');
    await box.focus();
    if (PROFILE) await startProfiling(browser, page, cdp);
    const answered = page.waitForResponse(
      (response) =>
        new URL(response.url()).pathname === '/graphql' &&
        (response.request().postDataJSON() as { operationName?: string; variables?: { filter?: { text?: string } } }).operationName ===
          'CoordinatorHome' &&
        (response.request().postDataJSON() as { variables: { filter: { text?: string } } }).variables.filter.text === text,
      { timeout: 60_000 },
    );
    await page.keyboard.type(text, { delay: KEY_DELAY_MS });
    await answered;
    // Until the answer is painted (a loaded machine at a 4× slowdown may take seconds), at most 30 s.
    let probe: Probe | undefined;
    let request: Probe['requests'][number] | undefined;
    let paint: Probe['paints'][number] | undefined;
    for (let i = 0; i < 120 && !paint; i++) {
      await page.waitForTimeout(250);
      probe = await page.evaluate<Probe>(
        `({ ...window.__bench, requests: performance.getEntriesByType('resource').filter((e) => new URL(e.name).pathname === '/graphql').map((e) => ({ startTime: e.startTime, responseEnd: e.responseEnd })) })`,
      );
      const lastInput = Math.max(...probe.keys.map((k) => k.at));
      request = probe.requests.find((r) => r.startTime > lastInput);
      paint = request && probe.paints.find((p) => p.mutated >= request!.responseEnd);
    }
    if (!probe || !request || !paint) throw new Error(`the answer to ${text} was never painted`);
    if (PROFILE)
      log(
        `${text}: where the answer's ${ms(paint.painted - request.responseEnd)} went\n${await stopProfiling(browser, page, cdp, request.responseEnd, paint.painted)}`,
      );
    const lastKey = Math.max(...probe.keys.map((k) => k.at));
    await page.waitForTimeout(1000);
    const responseEnd = request.responseEnd;
    const settled = (await page.evaluate<Probe['paints']>('window.__bench.paints')).filter(
      (p) => p.mutated >= responseEnd && p.mutated <= responseEnd + 1000,
    );
    const found = Number((await page.getByRole('heading', { name: /依頼の一覧/, level: 2 }).textContent())?.replace(/[^0-9]/g, ''));
    figures.push({
      round,
      text,
      found,
      keystrokes: probe.keys.map((k) => k.painted - k.at),
      debounce: request.startTime - lastKey,
      request: request.responseEnd - request.startTime,
      answerToPaint: paint.painted - request.responseEnd,
      answerToChange: paint.mutated - request.responseEnd,
      answerToShown: firstShown(await page.evaluate<number[]>('window.__bench.shown'), responseEnd),
      toLastRow: Math.max(...settled.map((p) => p.painted)) - request.responseEnd,
    });
    log(`round ${round}, ${text}: ${found} found, answer to paint ${ms(paint.painted - request.responseEnd)}`);
  }
  return figures;
}

function shownLine(figures: SearchFigures[]): string {
  const shown = figures.map((f) => f.answerToShown).filter((v): v is number => v !== null);
  if (!shown.length) return 'Answer to the first row on screen: no new row was on screen.';
  return `Answer to the first row on screen (Element Timing), ${shown.length} of ${figures.length} searches: median ${ms(median(shown))}, max ${ms(Math.max(...shown))}.`;
}

function firstShown(shown: number[], responseEnd: number): number | null {
  const after = shown.filter((at) => at >= responseEnd);
  return after.length ? Math.min(...after) - responseEnd : null;
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
}

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }>;
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8.execute', 'blink', 'loading'];

async function startProfiling(browser: Browser, page: Page, cdp: Cdp): Promise<void> {
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
}

/** The main thread's self time per event and the script's self time per function, between two page instants (ms). */
async function stopProfiling(browser: Browser, page: Page, cdp: Cdp, from: number, to: number): Promise<string> {
  // A mark whose page time is known ties the page's clock to the trace's (both monotonic, µs in the trace).
  const markedAt = await page.evaluate<number>(`performance.mark('bench-sync').startTime`);
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
  const mark = trace.traceEvents.find((event) => event.name === 'bench-sync');
  if (!mark) return '  (no sync mark in the trace)';
  const offset = mark.ts - markedAt * 1000;
  const start = from * 1000 + offset;
  const end = to * 1000 + offset;

  // Complete events of the page's main thread (B/E pairs joined), then each one's time minus its children's.
  const thread = trace.traceEvents.filter((event) => event.pid === mark.pid && event.tid === mark.tid);
  const spans: Array<{ name: string; ts: number; dur: number }> = [];
  const open: TraceEvent[] = [];
  for (const event of [...thread].sort((a, b) => a.ts - b.ts)) {
    if (event.ph === 'X' && event.dur !== undefined) spans.push({ name: event.name, ts: event.ts, dur: event.dur });
    else if (event.ph === 'B') open.push(event);
    else if (event.ph === 'E') {
      const begun = open.pop();
      if (begun) spans.push({ name: begun.name, ts: begun.ts, dur: event.ts - begun.ts });
    }
  }
  spans.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const selfByName = new Map<string, number>();
  const stack: Array<{ name: string; ts: number; dur: number; self: number }> = [];
  const close = (span: { name: string; ts: number; dur: number; self: number }) => {
    const clipped = Math.max(0, Math.min(span.ts + span.dur, end) - Math.max(span.ts, start));
    if (clipped > 0) selfByName.set(span.name, (selfByName.get(span.name) ?? 0) + Math.min(span.self, clipped));
  };
  for (const span of spans) {
    while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur <= span.ts) close(stack.pop()!);
    if (stack.length) stack[stack.length - 1].self -= span.dur;
    stack.push({ ...span, self: span.dur });
  }
  while (stack.length) close(stack.pop()!);

  // Script: the samples inside the window, by function and by file.
  const nodes = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const byFunction = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const byFile = new Map<string, number>();
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i];
    const took = profile.timeDeltas[i + 1] ?? 0;
    if (at < start || at > end) continue;
    const label = (frame: CpuProfile['nodes'][number]['callFrame']) =>
      `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop() || '(native)'}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`;
    const frame = nodes.get(profile.samples[i])!;
    const file = frame.url.split('/').pop() || '(native)';
    byFunction.set(label(frame), (byFunction.get(label(frame)) ?? 0) + took);
    byFile.set(file, (byFile.get(file) ?? 0) + took);
    // Each function on the sample's stack once (recursion counted once): time spent in it and what it called.
    const onStack = new Set<string>();
    for (let id: number | undefined = profile.samples[i]; id !== undefined; id = parents.get(id)) {
      const caller = nodes.get(id)!;
      if (caller.url) onStack.add(label(caller));
    }
    for (const name of onStack) inclusive.set(name, (inclusive.get(name) ?? 0) + took);
  }
  const top = (map: Map<string, number>, n: number) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, us]) => `    ${(us / 1000).toFixed(1).padStart(6)} ms  ${name}`)
      .join('\n');
  return [
    `  main thread, self time per trace event:`,
    top(selfByName, 15),
    `  script by file:`,
    top(byFile, 8),
    `  script by function (self):`,
    top(byFunction, 20),
    `  script by function (with what it called):`,
    top(inclusive, 30),
  ].join('\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
