import { Module } from '@nestjs/common';
import { PersistenceModule } from '@tsunagu/persistence';

/** Dependencies of the activities (the DataSource and the data keyring; main.ts hands them to createActivities). Workflow code never sees Nest. */
@Module({
  imports: [PersistenceModule.forRoot('tsunagu-worker')],
})
export class WorkerModule {}
