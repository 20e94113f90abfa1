// Starts Temporal's time-skipping test server (the one TestWorkflowEnvironment uses) as a server the real api and worker
// processes connect to, so an e2e test can let business-day timers fire: `skip()` unlocks time skipping for a span of
// server time (the test service's unlockTimeSkippingWithSleep). Until then time runs at wall-clock speed.
import { Connection, type ConnectionOptions } from '@temporalio/client';
import { msToTs, tsToMs } from '@temporalio/common/lib/time';
import { InternalConnectionOptionsSymbol } from '@temporalio/client/lib/connection';
import { temporalTestServerPath } from '../tools';
import { spawnServerProcess } from './child-process';
import { freePort } from './free-port';

export interface RunningTemporalTestServer {
  /** host:port, for TEMPORAL_ADDRESS. */
  address: string;
  /** The server's clock. */
  now(): Promise<Date>;
  /** Lets `ms` of server time pass, skipping ahead whenever no workflow task or activity is running. */
  skip(ms: number): Promise<void>;
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';
const STARTUP_TIMEOUT_MS = 60_000;

export async function startTemporalTestServer(opts: { logFile?: string } = {}): Promise<RunningTemporalTestServer> {
  const port = await freePort(HOST);
  const address = `${HOST}:${port}`;
  const server = spawnServerProcess(temporalTestServerPath(), [String(port)], { name: 'temporal-test-server', logFile: opts.logFile });
  let connection: Connection | undefined;
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (!connection) {
    if (server.hasExited() || Date.now() > deadline) {
      await server.stop();
      throw new Error(`Temporal test server on ${address} did not start:\n${server.outputTail()}`);
    }
    // The test service is only on connections that ask for it (as TestWorkflowEnvironment's do).
    const options = { address, connectTimeout: 2_000, [InternalConnectionOptionsSymbol]: { supportsTestService: true } };
    connection = await Connection.connect(options as ConnectionOptions).catch(() => undefined);
    if (!connection) await new Promise((ok) => setTimeout(ok, 200));
  }
  const testService = connection.testService!;
  const open = connection;
  return {
    address,
    now: async () => {
      const { time } = await testService.getCurrentTime({});
      return new Date(tsToMs(time));
    },
    skip: async (ms: number) => {
      await testService.unlockTimeSkippingWithSleep({ duration: msToTs(ms) });
    },
    stop: async () => {
      await open.close().catch(() => undefined);
      await server.stop();
    },
  };
}
