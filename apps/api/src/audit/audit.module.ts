import { Module } from '@nestjs/common';
import { AuditEventsResolver } from './audit-events.resolver';
import { AuditService } from './audit.service';

/** The audit log: its writer (used by the audit plugin in app.module) and the admin query. */
@Module({
  providers: [AuditService, AuditEventsResolver],
  exports: [AuditService],
})
export class AuditModule {}
