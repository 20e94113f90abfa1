import { Module } from '@nestjs/common';
import { PolicySharedModule } from '../shared/policy-shared.module';
import { PolicyProposalCommandsService } from './policy-proposal-commands.service';
import { PolicyProposalFieldsResolver, PolicyProposalsResolver } from './policy-proposals.resolver';

@Module({
  imports: [PolicySharedModule],
  providers: [PolicyProposalCommandsService, PolicyProposalsResolver, PolicyProposalFieldsResolver],
})
export class PolicyProposalsModule {}
