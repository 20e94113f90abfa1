import { Module } from '@nestjs/common';
import { PolicySharedModule } from '../shared/policy-shared.module';
import { AgendaItemFieldsResolver, SubcommitteeMeetingFieldsResolver, SubcommitteeMeetingsResolver } from './subcommittee-meetings.resolver';
import { SubcommitteeMeetingsService } from './subcommittee-meetings.service';

@Module({
  imports: [PolicySharedModule],
  providers: [SubcommitteeMeetingsService, SubcommitteeMeetingsResolver, SubcommitteeMeetingFieldsResolver, AgendaItemFieldsResolver],
})
export class SubcommitteeMeetingsModule {}
