// Bundles the GraphQL IDE (apps/api/src/graphql-ide/browser/ide.tsx: GraphiQL from npm) into the api's build, so the
// api serves it from its own origin (docs/SECURITY.md "HTTP surface"). Part of `npm run build`. File names carry a
// content hash, so the api can let browsers cache them for good; ide-bundle.json tells the api which names to serve.
// Fails the build if the bundle names any remote URL it could load (fonts, stylesheets, scripts).
import { build } from 'esbuild';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist/apps/api/src/graphql-ide/assets');
// Beside the assets, not among them: the api reads it, browsers do not.
const manifestFile = join(root, 'dist/apps/api/src/graphql-ide/ide-bundle.json');

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: ['apps/api/src/graphql-ide/browser/ide.tsx'],
  entryNames: '[name]-[hash]',
  outdir,
  bundle: true,
  minify: true,
  format: 'iife',
  platform: 'browser',
  target: ['es2022'],
  // Fonts and images referenced from GraphiQL's CSS are inlined already; anything else stays inside the bundle too.
  loader: { '.woff': 'dataurl', '.woff2': 'dataurl', '.ttf': 'dataurl', '.svg': 'dataurl', '.png': 'dataurl' },
  define: { 'process.env.NODE_ENV': '"production"' },
  legalComments: 'linked',
  metafile: true,
  logLevel: 'warning',
});

const outputs = Object.keys(result.metafile.outputs).map((file) => basename(file));
const manifest = { js: outputs.find((f) => f.endsWith('.js')), css: outputs.find((f) => f.endsWith('.css')) };
if (!manifest.js || !manifest.css) throw new Error(`graphql-ide: expected a .js and a .css bundle, got ${outputs.join(', ')}`);

// What a browser would fetch by itself: CSS @import and url(), and script imports or workers by absolute URL.
const remote = [
  /@import\s+(url\()?\s*['"]?(https?:)?\/\//i,
  /url\(\s*['"]?(https?:)?\/\//i,
  /fonts\.(googleapis|gstatic)\.com/i,
  /\bimport\(\s*['"]https?:/i,
  /new\s+Worker\(\s*['"]https?:/i,
];
for (const file of [manifest.js, manifest.css]) {
  const text = readFileSync(join(outdir, file), 'utf8');
  for (const pattern of remote) {
    const match = pattern.exec(text);
    if (match) throw new Error(`graphql-ide: ${file} would load from another origin (${JSON.stringify(text.slice(match.index, match.index + 80))})`);
  }
}
writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`graphql-ide: ${manifest.js}, ${manifest.css}`);
