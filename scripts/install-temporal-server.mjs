#!/usr/bin/env node
// Builds Temporal's own server and its SQL schema tool from source (`go install`, through the Go module proxy) into
// .tools/temporal-server/<version>/bin, for the tests that run Tsunagu on a real Temporal cluster (npm run test:cluster,
// .ci/run). Built once: a stamp next to the binaries names what was built, and a later run with the same pin does nothing.
// Not part of `npm install`: a new user's `npm start` runs on the CLI's dev server and must not wait for a Go build.
//
// The pin is scripts/temporal-server.json (libs/testing reads the same file). v1.32.1, not v1.32.2: 1.32.2's go.mod asks
// for Go >= 1.26.10, which the machines (Go 1.26.8, GOTOOLCHAIN=local) do not have; GOTOOLCHAIN=auto would download a
// second Go toolchain on every fresh machine. 1.32.1 builds with the Go that is there.
//
// Env:
//   TSUNAGU_TEMPORAL_SERVER_DIR=<dir>  install into <dir>/<version> instead of <repo>/.tools/temporal-server/<version>
//   GO=<path>                          the go command (default: go on PATH)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const pin = JSON.parse(readFileSync(join(repoRoot, 'scripts', 'temporal-server.json'), 'utf8'));
const BINARIES = pin.packages.map((pkg) => pkg.split('/').pop());
const target = join(resolve(repoRoot, process.env.TSUNAGU_TEMPORAL_SERVER_DIR || join('.tools', 'temporal-server')), pin.version);
const stampFile = join(target, '.built');
const stamp = pin.packages.map((pkg) => `${pkg}@v${pin.version}`).join('\n') + '\n';
const go = process.env.GO || 'go';
const say = (message) => console.log(`install-temporal-server: ${message}`);

function fail(message) {
  console.error(`install-temporal-server: ${message}`);
  process.exit(1);
}

function upToDate() {
  return BINARIES.every((bin) => existsSync(join(target, 'bin', bin))) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp;
}

/** "go1.26.8" -> [1, 26, 8] */
function versionParts(text) {
  const match = /go(\d+)\.(\d+)(?:\.(\d+))?/.exec(text);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)] : undefined;
}

function atLeast(have, want) {
  for (let i = 0; i < 3; i++) if (have[i] !== want[i]) return have[i] > want[i];
  return true;
}

function main() {
  if (upToDate()) return say(`Temporal server v${pin.version} already built in ${target}`);

  const version = spawnSync(go, ['env', 'GOVERSION'], { encoding: 'utf8' });
  if (version.error?.code === 'ENOENT')
    fail(
      `"${go}" not found: building Temporal's server needs Go ${pin.minGo ?? '1.26.8'} or newer (https://go.dev/dl; Debian: the golang package if recent enough), on PATH or named by GO=<path>`,
    );
  if (version.status !== 0) fail(`"${go} env GOVERSION" failed: ${(version.stderr || '').trim()}`);
  const have = versionParts(version.stdout);
  const want = versionParts(`go${pin.minGo}`);
  if (have && want && !atLeast(have, want))
    fail(`Go ${version.stdout.trim()} is too old: Temporal server v${pin.version} needs go${pin.minGo} or newer (its go.mod); install a newer Go`);

  // Build into a fresh sibling and swap it in, so an interrupted or failed build never leaves binaries that look usable.
  const staging = `${target}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(join(staging, 'bin'), { recursive: true });
  const started = Date.now();
  say(`building Temporal server v${pin.version} with ${version.stdout.trim()} (a few minutes on a cold Go cache) ...`);
  const build = spawnSync(go, ['install', ...pin.packages.map((pkg) => `${pkg}@v${pin.version}`)], {
    stdio: ['ignore', 'inherit', 'inherit'],
    // GOTOOLCHAIN=local: build with this Go, never download another toolchain (see the pin's comment above).
    env: {
      ...process.env,
      GOBIN: join(staging, 'bin'),
      GOTOOLCHAIN: 'local',
      GOFLAGS: [process.env.GOFLAGS, '-buildvcs=false'].filter(Boolean).join(' '),
    },
  });
  if (build.status !== 0 || !BINARIES.every((bin) => existsSync(join(staging, 'bin', bin)))) {
    rmSync(staging, { recursive: true, force: true });
    fail(`go install of Temporal server v${pin.version} failed (exit ${build.status ?? build.signal ?? build.error?.message}); see the output above`);
  }
  writeFileSync(join(staging, '.built'), stamp);
  rmSync(target, { recursive: true, force: true });
  renameSync(staging, target);
  say(`built ${BINARIES.join(', ')} v${pin.version} into ${join(target, 'bin')} in ${Math.round((Date.now() - started) / 1000)} s`);
}

main();
