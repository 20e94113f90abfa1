// What one benchmark run does: the default (quick, a few minutes), --full (longer steps, higher rates) or --smoke
// (seconds; the test suite runs it so the script cannot rot). Single settings can be overridden on the command line.
// --cluster runs it on a Temporal server cluster instead of the dev server; --both runs it on each, one after the other.

export type BenchMode = 'smoke' | 'quick' | 'full';

/**
 * Which Temporal the stack runs on: `dev` the CLI's dev server (one process, SQLite in WAL mode, as `npm start`),
 * `cluster` Temporal's own server on PostgreSQL with frontend, history, matching and worker as separate processes.
 */
export type BenchTemporal = 'dev' | 'cluster';

/** Column heads of the side-by-side report. */
export const TEMPORAL_SHORT_LABELS: Record<BenchTemporal, string> = { dev: 'dev server', cluster: 'cluster' };

export interface BenchOptions {
  mode: BenchMode;
  /** The Temporals to run on, in this order, each on a stack of its own (--both: dev, then cluster). */
  temporals: BenchTemporal[];
  /** Arrival rates (requests per second) of the steps, lowest first. */
  rates: number[];
  /** How long one scenario's window lasts within a round. */
  windowSeconds: number;
  /** Rounds per step: each round gives every scenario one window, in a rotating order. */
  rounds: number;
  /** How long a window waits for its last answers before counting them as errors. */
  drainTimeoutMs: number;
  /** Open referral workflows for the memory scenario (0: skip it). */
  memoryWorkflows: number;
  /** Concurrent requests used to open them and, after the restart, to answer them. */
  memoryConcurrency: number;
  /** The worker's workflow cache during the whole run (WORKER_MAX_CACHED_WORKFLOWS). */
  workerCache: number;
  /** Requests per path, sent one at a time, for the per-hop breakdown (0: skip it). */
  hops: number;
  /** Only the per-hop breakdown: no steps, no memory scenario (for trying changes quickly). */
  hopsOnly: boolean;
  /** Also write the raw results as JSON here. */
  jsonFile?: string;
  /** Keep the stack's data folder (logs) after the run. */
  keepData: boolean;
}

const MODES: Record<BenchMode, Omit<BenchOptions, 'jsonFile' | 'keepData' | 'hopsOnly' | 'temporals'>> = {
  smoke: {
    mode: 'smoke',
    rates: [2],
    windowSeconds: 1.5,
    rounds: 1,
    drainTimeoutMs: 30_000,
    memoryWorkflows: 200,
    memoryConcurrency: 20,
    workerCache: 1000,
    hops: 2,
  },
  quick: {
    mode: 'quick',
    rates: [3, 6, 9, 12, 20, 40],
    windowSeconds: 3,
    rounds: 2,
    drainTimeoutMs: 30_000,
    memoryWorkflows: 1000,
    memoryConcurrency: 32,
    workerCache: 1000,
    hops: 20,
  },
  full: {
    mode: 'full',
    rates: [5, 10, 20, 30, 40, 60, 80, 120],
    windowSeconds: 10,
    rounds: 3,
    drainTimeoutMs: 60_000,
    memoryWorkflows: 10_000,
    memoryConcurrency: 32,
    workerCache: 1000,
    hops: 50,
  },
};

export const USAGE = `Usage: npm run bench [-- --smoke | --full] [--cluster | --both] [--rates 5,10,20] [--window <s>] [--rounds <n>] [--memory <workflows>]
                   [--concurrency <n>] [--cache <workflows>] [--hops <n>] [--hops-only] [--json <file>] [--keep-data]`;

export function parseOptions(argv: string[]): BenchOptions {
  const mode: BenchMode = argv.includes('--smoke') ? 'smoke' : argv.includes('--full') ? 'full' : 'quick';
  if (argv.includes('--cluster') && argv.includes('--both'))
    throw new Error(`--cluster and --both exclude each other (--both runs the cluster too)\n${USAGE}`);
  const temporals: BenchTemporal[] = argv.includes('--both') ? ['dev', 'cluster'] : argv.includes('--cluster') ? ['cluster'] : ['dev'];
  const options: BenchOptions = { ...MODES[mode], temporals, keepData: argv.includes('--keep-data'), hopsOnly: argv.includes('--hops-only') };
  const value = (flag: string): string | undefined => {
    const index = argv.indexOf(flag);
    if (index < 0) return undefined;
    const found = argv[index + 1];
    if (found === undefined || found.startsWith('--')) throw new Error(`${flag} needs a value\n${USAGE}`);
    return found;
  };
  const positive = (flag: string, text: string, allowZero = false): number => {
    const n = Number(text);
    if (!Number.isFinite(n) || n < 0 || (!allowZero && n === 0))
      throw new Error(`${flag}: "${text}" is not a ${allowZero ? 'non-negative' : 'positive'} number\n${USAGE}`);
    return n;
  };
  const known = new Set([
    '--smoke',
    '--full',
    '--cluster',
    '--both',
    '--keep-data',
    '--rates',
    '--window',
    '--rounds',
    '--memory',
    '--concurrency',
    '--cache',
    '--hops',
    '--hops-only',
    '--json',
  ]);
  for (const arg of argv) if (arg.startsWith('--') && !known.has(arg)) throw new Error(`unknown option ${arg}\n${USAGE}`);

  const rates = value('--rates');
  if (rates !== undefined)
    options.rates = rates
      .split(',')
      .map((r) => positive('--rates', r))
      .sort((a, b) => a - b);
  const window = value('--window');
  if (window !== undefined) options.windowSeconds = positive('--window', window);
  const rounds = value('--rounds');
  if (rounds !== undefined) options.rounds = Math.round(positive('--rounds', rounds));
  const memory = value('--memory');
  if (memory !== undefined) options.memoryWorkflows = Math.round(positive('--memory', memory, true));
  const concurrency = value('--concurrency');
  if (concurrency !== undefined) options.memoryConcurrency = Math.round(positive('--concurrency', concurrency));
  const cache = value('--cache');
  if (cache !== undefined) options.workerCache = Math.round(positive('--cache', cache, true));
  const hops = value('--hops');
  if (hops !== undefined) options.hops = Math.round(positive('--hops', hops, true));
  options.jsonFile = value('--json');
  return options;
}
