import { InitialSchema1764460800000 } from './1764460800000-initial-schema';
import { DirectoryRouting1764547200000 } from './1764547200000-directory-routing';
import { DeadlineRules1764633600000 } from './1764633600000-deadline-rules';
import { UserSecurity1764720000000 } from './1764720000000-user-security';
import { AuditLog1764806400000 } from './1764806400000-audit-log';
import { PersonalDataRetention1764892800000 } from './1764892800000-personal-data-retention';
import { ProvisionRecords1764979200000 } from './1764979200000-provision-records';
import { PolicyTrack1765065600000 } from './1765065600000-policy-track';
import { TemporaryPasswords1765152000000 } from './1765152000000-temporary-passwords';
import { AuditRequestId1765238400000 } from './1765238400000-audit-request-id';
import { ClosingTheLoops1765324800000 } from './1765324800000-closing-the-loops';
import { DeadlinesAndHolds1765411200000 } from './1765411200000-deadlines-and-holds';
import { PolicyLoop1765497600000 } from './1765497600000-policy-loop';
import { ConsoleReads1765670400000 } from './1765670400000-console-reads';
import { ReportIndexes1765756800000 } from './1765756800000-report-indexes';
import { Notifications1765757000000 } from './1765757000000-notifications';
import { ReferralReportRows1765843200000 } from './1765843200000-referral-report-rows';

/** Every migration, oldest first. Listed, not globbed, so compiled and test runs find the same set. */
export const MIGRATIONS = [
  InitialSchema1764460800000,
  DirectoryRouting1764547200000,
  DeadlineRules1764633600000,
  UserSecurity1764720000000,
  AuditLog1764806400000,
  PersonalDataRetention1764892800000,
  ProvisionRecords1764979200000,
  PolicyTrack1765065600000,
  TemporaryPasswords1765152000000,
  AuditRequestId1765238400000,
  ClosingTheLoops1765324800000,
  DeadlinesAndHolds1765411200000,
  PolicyLoop1765497600000,
  ConsoleReads1765670400000,
  ReportIndexes1765756800000,
  Notifications1765757000000,
  ReferralReportRows1765843200000,
];
