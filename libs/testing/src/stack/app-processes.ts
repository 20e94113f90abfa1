// Starts Tsunagu's own processes (api, worker) from the compiled build, as production runs them.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ServerProcess, spawnServerProcess } from '../servers/child-process';
import { repoRoot } from '../tools';

const READY_TIMEOUT_MS = 90_000;

export function builtEntry(app: 'api' | 'worker'): string {
  const entry = join(repoRoot(), 'dist', 'apps', app, 'src', 'main.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first`);
  return entry;
}

/** Starts the worker and resolves once it polls its task queue. */
export async function startWorkerProcess(env: NodeJS.ProcessEnv, logFile?: string): Promise<ServerProcess> {
  const worker = spawnServerProcess(process.execPath, [builtEntry('worker')], { name: 'worker', env, logFile });
  let polling = false;
  const watch = (chunk: Buffer) => {
    if (chunk.toString('utf8').includes('worker: polling')) polling = true;
  };
  worker.child.stdout?.on('data', watch);
  await waitFor('worker', worker, async () => polling);
  worker.child.stdout?.off('data', watch);
  return worker;
}

/** Starts the api and resolves once GET /health answers 200 (PostgreSQL and Temporal reachable). */
export async function startApiProcess(env: NodeJS.ProcessEnv, port: number, logFile?: string): Promise<ServerProcess> {
  const api = spawnServerProcess(process.execPath, [builtEntry('api')], { name: 'api', env: { ...env, PORT: String(port) }, logFile });
  await waitFor('api', api, async () => {
    const response = await fetch(`http://127.0.0.1:${port}/health`).catch(() => null);
    return response?.status === 200;
  });
  return api;
}

async function waitFor(name: string, server: ServerProcess, ready: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.hasExited()) throw new Error(`${name} exited while starting:\n${server.outputTail()}`);
    if (await ready()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await server.stop();
  throw new Error(`${name} was not ready after ${READY_TIMEOUT_MS / 1000}s:\n${server.outputTail()}`);
}
