// `npm run rebuild-report-rows`: refills the business-day calendar from libs/domain's and recomputes every referral's
// report row from its handoffs (docs/OPERATIONS.md, "Rebuilding the report rows"). Safe while the api and worker run.
import { readDatabaseConfig } from './database-config';
import { createDataSource } from './data-source';
import { fillBusinessCalendar } from './report-rows/business-calendar-days';
import { rebuildReportRows } from './report-rows/report-rows';

async function main(): Promise<void> {
  const db = createDataSource(readDatabaseConfig(process.env), 'tsunagu-rebuild-report-rows');
  await db.initialize();
  try {
    const days = await db.transaction((tx) => fillBusinessCalendar((sql, params) => tx.query(sql, params)));
    console.log(`rebuild-report-rows: business calendar refilled (${days} days)`);
    let last = 0;
    const total = await rebuildReportRows((sql, params) => db.query(sql, params), {
      batch: Number(process.env.REBUILD_BATCH ?? 10_000),
      transaction: (work) => db.transaction((tx) => work((sql, params) => tx.query(sql, params))),
      onBatch: ({ referrals, seconds }) => {
        if (seconds - last >= 10) {
          last = seconds;
          console.log(`rebuild-report-rows: ${referrals.toLocaleString('en')} referrals in ${seconds.toFixed(0)} s`);
        }
      },
    });
    await db.query(`ANALYZE referral_report_row`);
    console.log(`rebuild-report-rows: ${total.toLocaleString('en')} rows recomputed`);
  } finally {
    await db.destroy();
  }
}

main().catch((error) => {
  console.error(`rebuild-report-rows: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
