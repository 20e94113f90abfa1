// The reports' benchmark (docs/BENCHMARKS.md, "Reports"): on a database filled by `npm run bench:data` (1,000,000
// referrals over 5 years), times the report service as the api runs it (its SQL and the work after it, without
// HTTP), tier-1 and a tier-2 coordinator: a year city-wide by area × category × month (needsReport), the other
// reports over a year, and the monthly report. Prints p50/p95/max per case. DATABASE_URL names the database.
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { Role } from '@tsunagu/domain';
import { createDataSource } from '@tsunagu/persistence';
import type { Viewer } from '../../apps/api/src/common/viewer';
import { ReportsService } from '../../apps/api/src/reports/reports.service';
import { percentileCont } from '../../apps/api/src/reports/durations';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const RUNS = Number(option('runs', '20'));
const YEAR = { from: option('from', '2025-12'), to: option('to', '2026-11') };
const MONTH = option('month', '2026-11');
/** Only the cases whose name contains one of these (comma-separated); all when absent. */
const ONLY = option('only', '').split(',').filter(Boolean);

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('Set DATABASE_URL to a database filled by npm run bench:data');
  const db = createDataSource({ url, poolSize: 10 }, 'tsunagu-bench-reports');
  await db.initialize();
  try {
    const service = new ReportsService(db);
    const [tier2] = await db.query(`SELECT id, email, area_id FROM app_user WHERE role = 'TIER2_COORDINATOR' ORDER BY email LIMIT 1`);
    const tier1: Viewer = {
      id: '00000000-0000-0000-0000-000000000001',
      email: '',
      displayName: 'bench',
      role: Role.TIER1_COORDINATOR,
      organizationId: null,
      areaId: null,
    };
    const coordinator: Viewer = {
      id: tier2.id,
      email: tier2.email,
      displayName: 'bench',
      role: Role.TIER2_COORDINATOR,
      organizationId: null,
      areaId: tier2.area_id,
    };
    const [{ n }] = await db.query(`SELECT count(*) AS n FROM referral`);
    console.log(
      `reports bench: ${Number(n).toLocaleString('en')} referrals; year ${YEAR.from}..${YEAR.to}, month ${MONTH}, ${RUNS} runs each (after 2 warm-up)`,
    );
    const cases: [string, () => Promise<unknown>][] = [
      ['needsReport, a year, city-wide (tier-1)', () => service.needsReport(tier1, YEAR)],
      ['needsReport, a year, city-wide (tier-2)', () => service.needsReport(coordinator, YEAR)],
      ['outcomesReport, a year (tier-1)', () => service.outcomesReport(tier1, YEAR)],
      ['answerTimesReport, a year (tier-1)', () => service.answerTimesReport(tier1, YEAR)],
      ['offersReport, a year (tier-1)', () => service.offersReport(tier1, YEAR)],
      ['gapsReport, a year (tier-1)', () => service.gapsReport(tier1, YEAR)],
      ['partnerLoadReport, a year (tier-1)', () => service.partnerLoadReport(tier1, YEAR)],
      ['monthlyReport (tier-1)', () => service.monthlyReport(tier1, MONTH)],
      ['monthlyReport (tier-2)', () => service.monthlyReport(coordinator, MONTH)],
    ];
    console.log('| case | p50 ms | p95 ms | max ms |\n|---|---|---|---|');
    for (const [name, run] of cases.filter(([name]) => !ONLY.length || ONLY.some((part) => name.includes(part)))) {
      for (let i = 0; i < 2; i++) await run();
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const start = performance.now();
        await run();
        times.push(performance.now() - start);
      }
      const ms = (v: number | null) => (v ?? 0).toFixed(0);
      console.log(`| ${name} | ${ms(percentileCont(times, 0.5))} | ${ms(percentileCont(times, 0.95))} | ${ms(Math.max(...times))} |`);
    }
  } finally {
    await db.destroy();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
