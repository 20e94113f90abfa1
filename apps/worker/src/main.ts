import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Client } from '@temporalio/client';
import { makeTelemetryFilterString, NativeConnection, Runtime } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import { DataKeyring, readDataKeys } from '@tsunagu/crypto';
import { createMetricsRegistry, readMetricsConfig, registerOutboxBacklog } from '@tsunagu/observability';
import { countPendingNotifications, errorForLog, readRetentionDays, setLogSink } from '@tsunagu/persistence';
import { ensureRetentionSchedule, readTemporalConfig, readWorkerTuning, RETENTION_SCHEDULE_ID, tsunaguDataConverter } from '@tsunagu/temporal';
import { createActivities } from './activities';
import { createWorkerLogger, nestLogger, temporalRuntimeLogger } from './observability/worker-log';
import { freeLoopbackPort, startWorkerOps } from './observability/worker-ops';
import { readMailConfig } from './mail/mail-config';
import { SenderProcess, startSenderProcess } from './mail/sender-process';
import { createReferralWorker } from './referral-worker';
import { WorkerModule } from './worker.module';

const log = createWorkerLogger();

async function main(): Promise<void> {
  // Validate all configuration before connecting to anything.
  const temporal = readTemporalConfig(process.env);
  const tuning = readWorkerTuning(process.env);
  const metrics = readMetricsConfig(process.env);
  const dataConverter = tsunaguDataConverter(readDataKeys(process.env));
  const retentionDays = readRetentionDays(process.env);
  const mail = readMailConfig(process.env);

  // Before any connection: the Temporal runtime logs through our JSON logger (Core's own lines from WARN), and, when
  // metrics are on, exports the SDK's metrics on a loopback port that the worker's /metrics re-serves.
  const coreMetricsPort = metrics.port === null ? null : await freeLoopbackPort();
  Runtime.install({
    logger: temporalRuntimeLogger(log),
    telemetryOptions: {
      logging: { filter: makeTelemetryFilterString({ core: 'WARN' }), forward: {} },
      ...(coreMetricsPort === null ? {} : { metrics: { prometheus: { bindAddress: `127.0.0.1:${coreMetricsPort}`, useSecondsForDurations: true } } }),
    },
  });

  // TypeORM's failed queries (without parameters) and Nest's warnings as JSON lines too.
  setLogSink({ error: (message) => log.error({ context: 'typeorm' }, message), warn: (message) => log.warn({ context: 'typeorm' }, message) });
  const app = await NestFactory.createApplicationContext(WorkerModule, { logger: nestLogger(log) });
  const connection = await NativeConnection.connect({ address: temporal.address });
  const db = app.get(DataSource);
  const activities = createActivities({ db, dataKeys: app.get(DataKeyring), retentionDays });
  const worker = await createReferralWorker({ connection, config: temporal, tuning, activities, dataConverter });
  // Retention runs from a Temporal Schedule; each worker start makes sure it exists. Referrals do not wait for it.
  try {
    const client = new Client({ connection, namespace: temporal.namespace, dataConverter });
    const outcome = await ensureRetentionSchedule(client, temporal.taskQueue);
    log.info(`worker: schedule ${RETENTION_SCHEDULE_ID} ${outcome}: personal data is erased ${retentionDays} days after a referral closes`);
  } catch (error) {
    log.error(
      { error: errorForLog(error) },
      `worker: could not create or update the schedule ${RETENTION_SCHEDULE_ID}; retention waits for the next start`,
    );
  }
  const ops =
    metrics.port === null
      ? null
      : await startWorkerOps({
          config: { ...metrics, port: metrics.port },
          registry: createMetricsRegistry('worker'),
          db,
          connection,
          worker,
          coreMetricsUrl: `http://127.0.0.1:${coreMetricsPort}/metrics`,
        });
  registerOutboxBacklog(() => countPendingNotifications(db));
  if (ops) log.info(`worker: metrics at ${ops.url}/metrics, probes at ${ops.url}/health/live and /health/ready`);

  // Mail from the outbox (docs/NOTIFICATIONS.md): in a process of its own at a lower CPU priority, never in a move's
  // path nor competing with the moves' activities. Without SMTP_URL the rows wait; nobody gets an error.
  let sender: SenderProcess | undefined;
  if (mail.smtpUrl) {
    sender = startSenderProcess(log);
    log.info(`worker: sending mail to ${new URL(mail.smtpUrl).host} as ${mail.from} (a child process at nice ${mail.senderNice})`);
  } else {
    log.info('worker: mail: SMTP_URL is not set: notifications stay queued');
  }

  // The Temporal runtime shuts the worker down on SIGINT and SIGTERM, letting running activities finish.
  log.info(`worker: polling ${temporal.address} namespace ${temporal.namespace} queue ${temporal.taskQueue}`);
  await worker.run();
  await sender?.stop();
  await ops?.close();
  await app.close();
  await connection.close();
}

main().catch((error) => {
  // pino's stdout is asynchronous: the last line is written directly, like the api's, before the process ends.
  process.stderr.write(
    `${JSON.stringify({ level: 60, time: new Date().toISOString(), service: 'worker', msg: `worker: ${error instanceof Error ? error.message : error}` })}\n`,
  );
  process.exit(1);
});
