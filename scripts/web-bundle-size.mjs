// `npm run web:size`: what each of the console's routes makes a browser download to show itself the first time (the
// entry's JS and CSS and the route's own chunk, with everything they import), gzip-compressed as the wire would carry it,
// from the build's manifest (dist/web/.vite/manifest.json). Fails above the budget (docs/BENCHMARKS.md "Web console").
// Fonts are not in the figure: Noto Sans JP loads by unicode-range slice, only the slices a page's characters need.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 200 * 1024;
/**
 * The reports' charts (ECharts' core, bar chart and canvas renderer: some 160 KB) load after the page's tables are on
 * screen, on the reports routes only; their own ceiling catches a full `import 'echarts'` (twice as much).
 */
const AFTER_FIRST_SCREEN_BUDGET_BYTES = 360 * 1024;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const web = join(root, 'dist/web');
const manifest = JSON.parse(readFileSync(join(web, '.vite/manifest.json'), 'utf8'));

/** Route → the module its screen is in (apps/web/src/app/App.tsx), or the modules it loads before it is complete. */
const ROUTES = {
  '/sign-in': 'src/features/auth/SignInPage.tsx',
  '/change-password': 'src/features/auth/ChangePasswordPage.tsx',
  '/': 'src/features/home/HomePage.tsx',
  '/referrals/new': 'src/features/referrals/new/NewReferralPage.tsx',
  '/reports (表)': 'src/features/reports/ReportsPage.tsx',
  '/reports/monthly/:month (表)': 'src/features/reports/MonthlyReportPage.tsx',
  // ECharts comes in its own chunk once the page draws its first chart (ReportTable.tsx): counted with the page here,
  // against AFTER_FIRST_SCREEN_BUDGET_BYTES.
  '/reports (表 + グラフ)': ['src/features/reports/ReportsPage.tsx', 'src/features/reports/Chart.tsx'],
  '/reports/monthly/:month (表 + グラフ)': ['src/features/reports/MonthlyReportPage.tsx', 'src/features/reports/Chart.tsx'],
  '* (見つかりません)': 'src/features/not-found/NotFoundPage.tsx',
};

/** The files a chunk needs before it runs: itself, its CSS, and its static imports, transitively. */
function filesOf(key, into = new Set()) {
  const chunk = manifest[key];
  if (!chunk) throw new Error(`web:size: ${key} is not in the build's manifest`);
  if (into.has(chunk.file)) return into;
  into.add(chunk.file);
  for (const css of chunk.css ?? []) into.add(css);
  for (const imported of chunk.imports ?? []) filesOf(imported, into);
  return into;
}

const gzipped = new Map();
const gzipSize = (file) => {
  if (!gzipped.has(file)) gzipped.set(file, gzipSync(readFileSync(join(web, file)), { level: 9 }).length);
  return gzipped.get(file);
};
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

const entry = filesOf('index.html');
const rows = [];
let over = false;
for (const [route, modules] of Object.entries(ROUTES)) {
  const files = new Set(entry);
  for (const module of [modules].flat()) filesOf(module, files);
  const js = [...files].filter((f) => f.endsWith('.js')).reduce((sum, f) => sum + gzipSize(f), 0);
  const css = [...files].filter((f) => f.endsWith('.css')).reduce((sum, f) => sum + gzipSize(f), 0);
  over ||= js + css > (Array.isArray(modules) ? AFTER_FIRST_SCREEN_BUDGET_BYTES : BUDGET_BYTES);
  rows.push(`| \`${route}\` | ${kb(js)} | ${kb(css)} | ${kb(js + css)} |`);
}
console.log(`| route | JS (gzip) | CSS (gzip) | JS + CSS (gzip) |\n|---|---|---|---|\n${rows.join('\n')}`);
console.log(`\nbudget: ${kb(BUDGET_BYTES)} per route's first screen; ${kb(AFTER_FIRST_SCREEN_BUDGET_BYTES)} with the reports' charts`);
if (over) {
  console.error('web:size: over budget');
  process.exit(1);
}
