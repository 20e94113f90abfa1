import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { ReferralReadModule } from '../referrals/referral-read.module';
import { ExportsController } from './exports.controller';
import { ReferralExportService } from './referral-export.service';

/** File exports (CSV, .xlsx) over plain HTTP GET: the referral list (docs/API.md, "Exports"). */
@Module({
  imports: [AuthModule, AuditModule, ReferralReadModule],
  controllers: [ExportsController],
  providers: [ReferralExportService],
})
export class ExportsModule {}
