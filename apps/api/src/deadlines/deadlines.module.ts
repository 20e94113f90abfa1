import { Module } from '@nestjs/common';
import { DeadlineRulesResolver } from './deadline-rules.resolver';
import { DeadlineRulesService } from './deadline-rules.service';

@Module({
  providers: [DeadlineRulesService, DeadlineRulesResolver],
  exports: [DeadlineRulesService],
})
export class DeadlinesModule {}
