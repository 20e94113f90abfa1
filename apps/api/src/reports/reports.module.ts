import { Module } from '@nestjs/common';
import { ReportsResolver } from './reports.resolver';
import { ReportsService } from './reports.service';

/** The 見える化 figures (docs/REPORTS.md): read-only queries of the read model. */
@Module({
  providers: [ReportsService, ReportsResolver],
  // The report exports (apps/api/src/exports/) read the same figures.
  exports: [ReportsService],
})
export class ReportsModule {}
