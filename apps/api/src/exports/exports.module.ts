import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { ReferralReadModule } from '../referrals/referral-read.module';
import { ReportsModule } from '../reports/reports.module';
import { ExportsController } from './exports.controller';
import { ReferralExportService } from './referral-export.service';
import { ReportExportsController } from './report-exports.controller';

/** File exports (CSV, .xlsx) over plain HTTP GET: the referral list and the reports (docs/API.md, "Exports"). */
@Module({
  imports: [AuthModule, AuditModule, ReferralReadModule, ReportsModule],
  controllers: [ExportsController, ReportExportsController],
  providers: [ReferralExportService],
})
export class ExportsModule {}
