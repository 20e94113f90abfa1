import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { readTemporalConfig, readWorkerTuning } from '@tsunagu/temporal';
import { ReferralActivitiesService } from './activities/referral.activities';
import { createReferralWorker } from './referral-worker';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  // Validate all configuration before connecting to anything.
  const temporal = readTemporalConfig(process.env);
  const tuning = readWorkerTuning(process.env);
  const app = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error', 'warn'] });
  const worker = await createReferralWorker(temporal, tuning, app.get(ReferralActivitiesService));

  // The Temporal runtime shuts the worker down on SIGINT and SIGTERM, letting running activities finish.
  console.log(`worker: polling ${temporal.address} namespace ${temporal.namespace} queue ${temporal.taskQueue}`);
  await worker.run();
  await app.close();
}

main().catch((error) => {
  console.error(`worker: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
