// CPU time of the stack's processes, read from /proc/<pid>/stat (Linux). PostgreSQL is a family of processes (the
// postmaster and one backend per connection): its figure is the postmaster plus its live children plus the children it
// has already reaped, so a backend that exits does not take its CPU time with it.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const PROCESS_NAMES = ['postgres', 'temporal', 'api', 'worker', 'bench'] as const;
export type ProcessName = (typeof PROCESS_NAMES)[number];
/** CPU seconds per process at one moment. */
export type CpuTimes = Record<ProcessName, number>;

let ticksPerSecond: number | undefined;
function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

interface Stat {
  ppid: number;
  /** utime + stime, in ticks. */
  own: number;
  /** cutime + cstime: children already waited for, in ticks. */
  reaped: number;
}

function readStat(pid: number): Stat | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name (field 2) is in parentheses and may contain spaces: split after the last ')'.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state): ppid is field 4, utime..cstime are fields 14..17.
  return { ppid: Number(fields[1]), own: Number(fields[11]) + Number(fields[12]), reaped: Number(fields[13]) + Number(fields[14]) };
}

/** Every live pid with its parent, for finding a process's children. */
function processTable(): Map<number, Stat> {
  const table = new Map<number, Stat>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat) table.set(Number(entry), stat);
  }
  return table;
}

/** Seconds of CPU used so far by `pid` alone (all its threads). 0 when it is gone. */
export function processCpuSeconds(pid: number | undefined): number {
  if (!pid) return 0;
  const stat = readStat(pid);
  return stat ? stat.own / clockTicks() : 0;
}

/** Seconds of CPU used so far by `pid` and all its descendants, living or reaped. */
export function treeCpuSeconds(pid: number | undefined, table = processTable()): number {
  if (!pid) return 0;
  const root = table.get(pid);
  if (!root) return 0;
  let ticks = root.own + root.reaped;
  const children = new Map<number, number[]>();
  for (const [child, stat] of table) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), child]);
  const stack = [...(children.get(pid) ?? [])];
  while (stack.length) {
    const child = stack.pop()!;
    ticks += table.get(child)!.own + table.get(child)!.reaped;
    stack.push(...(children.get(child) ?? []));
  }
  return ticks / clockTicks();
}

/** The pid a PostgreSQL data directory's postmaster.pid names. */
export function postmasterPid(dataDir: string): number | undefined {
  try {
    const pid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n', 1)[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** A direct child of this process whose command name is `comm` (e.g. the Temporal CLI that runs the dev server). */
export function childPidByName(comm: string): number | undefined {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat?.ppid !== process.pid) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === comm) return Number(entry);
    } catch {
      // gone meanwhile
    }
  }
  return undefined;
}

/** Resident memory (VmRSS) and its peak (VmHWM) of a process, in bytes. */
export function residentMemory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

/** The processes the sampler reads; looked up on every read (the worker gets replaced). */
export interface SampledPids {
  /** PostgreSQL (its postmaster; backends are counted with it). */
  postmaster: number | undefined;
  /** Temporal: the dev server's one process, or each service process of a cluster. */
  temporal: Array<number | undefined>;
  /**
   * A cluster keeps its databases on the same PostgreSQL: the backends connected to these count as Temporal's, as the
   * dev server's SQLite work is part of its process. Backends that have already exited stay with PostgreSQL (their
   * time is not split by database); Temporal's pools keep theirs open.
   */
  temporalDatabases?: string[];
  api: number | undefined;
  worker: number | undefined;
}

/** Reads the CPU time of each of the stack's processes. */
export class CpuSampler {
  constructor(private readonly pids: () => SampledPids) {}

  read(): CpuTimes {
    const pids = this.pids();
    const usage = process.cpuUsage();
    const table = processTable();
    const temporalBackends = pids.temporalDatabases?.length ? backendsOf(pids.postmaster, pids.temporalDatabases, table) : 0;
    return {
      postgres: treeCpuSeconds(pids.postmaster, table) - temporalBackends,
      temporal: pids.temporal.reduce<number>((sum, pid) => sum + processCpuSeconds(pid), 0) + temporalBackends,
      api: processCpuSeconds(pids.api),
      worker: processCpuSeconds(pids.worker),
      bench: (usage.user + usage.system) / 1e6,
    };
  }
}

/** CPU seconds of the live backends of `postmaster` connected to one of `databases` (their title names the database). */
function backendsOf(postmaster: number | undefined, databases: string[], table: Map<number, Stat>): number {
  if (!postmaster) return 0;
  let ticks = 0;
  for (const [pid, stat] of table) {
    if (stat.ppid !== postmaster) continue;
    try {
      // A backend's title: "postgres: <user> <database> <client> <state>".
      const title = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      const database = /^postgres: \S+ (\S+) /.exec(title)?.[1];
      if (database && databases.includes(database)) ticks += stat.own + stat.reaped;
    } catch {
      // gone meanwhile
    }
  }
  return ticks / clockTicks();
}

export function cpuDelta(before: CpuTimes, after: CpuTimes): CpuTimes {
  return Object.fromEntries(PROCESS_NAMES.map((name) => [name, Math.max(0, after[name] - before[name])])) as CpuTimes;
}

export function cpuSum(a: CpuTimes, b: CpuTimes): CpuTimes {
  return Object.fromEntries(PROCESS_NAMES.map((name) => [name, a[name] + b[name]])) as CpuTimes;
}

export const ZERO_CPU: CpuTimes = { postgres: 0, temporal: 0, api: 0, worker: 0, bench: 0 };
