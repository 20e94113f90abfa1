import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Client } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import { DataKeyring, readDataKeys } from '@tsunagu/crypto';
import { errorForLog, readRetentionDays } from '@tsunagu/persistence';
import { ensureRetentionSchedule, readTemporalConfig, readWorkerTuning, RETENTION_SCHEDULE_ID, tsunaguDataConverter } from '@tsunagu/temporal';
import { createTransport } from 'nodemailer';
import { createActivities } from './activities';
import { readMailConfig } from './mail/mail-config';
import { MailSender } from './mail/mail-sender';
import { createReferralWorker } from './referral-worker';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  // Validate all configuration before connecting to anything.
  const temporal = readTemporalConfig(process.env);
  const tuning = readWorkerTuning(process.env);
  const dataConverter = tsunaguDataConverter(readDataKeys(process.env));
  const retentionDays = readRetentionDays(process.env);
  const mail = readMailConfig(process.env);
  const app = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error', 'warn'] });
  const connection = await NativeConnection.connect({ address: temporal.address });
  const activities = createActivities({ db: app.get(DataSource), dataKeys: app.get(DataKeyring), retentionDays });
  const worker = await createReferralWorker({ connection, config: temporal, tuning, activities, dataConverter });

  // Retention runs from a Temporal Schedule; each worker start makes sure it exists. Referrals do not wait for it.
  try {
    const client = new Client({ connection, namespace: temporal.namespace, dataConverter });
    const outcome = await ensureRetentionSchedule(client, temporal.taskQueue);
    console.log(`worker: schedule ${RETENTION_SCHEDULE_ID} ${outcome}: personal data is erased ${retentionDays} days after a referral closes`);
  } catch (error) {
    console.error(
      `worker: could not create or update the schedule ${RETENTION_SCHEDULE_ID}; retention waits for the next start:\n${errorForLog(error)}`,
    );
  }

  // Mail from the outbox (docs/NOTIFICATIONS.md): beside the Temporal worker, never in a move's path. Without SMTP_URL
  // the rows wait; nobody gets an error.
  let sender: MailSender | undefined;
  if (mail.smtpUrl) {
    const transport = createTransport({ url: mail.smtpUrl, pool: true, maxConnections: mail.concurrency, socketTimeout: 30_000 });
    sender = new MailSender(app.get(DataSource), transport, mail);
    sender.start();
    console.log(`worker: sending mail to ${new URL(mail.smtpUrl).host} as ${mail.from}`);
  } else {
    console.log('worker: mail: SMTP_URL is not set: notifications stay queued');
  }

  // The Temporal runtime shuts the worker down on SIGINT and SIGTERM, letting running activities finish.
  console.log(`worker: polling ${temporal.address} namespace ${temporal.namespace} queue ${temporal.taskQueue}`);
  await worker.run();
  await sender?.stop();
  await app.close();
  await connection.close();
}

main().catch((error) => {
  console.error(`worker: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
