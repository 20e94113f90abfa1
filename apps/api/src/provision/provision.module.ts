import { Module } from '@nestjs/common';
import { ProvisionRecordsResolver } from './provision-records.resolver';
import { ProvisionRecordsService } from './provision-records.service';

/** Provision records: the audit trail of personal data given to partners (written by the worker, read here). */
@Module({
  providers: [ProvisionRecordsService, ProvisionRecordsResolver],
})
export class ProvisionModule {}
