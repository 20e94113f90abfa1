import { Field, Int, ObjectType } from '@nestjs/graphql';
import { HandoffKind } from '@tsunagu/domain';
import { OrganizationModel } from '../../directory/models/organization.model';
import { UserModel } from '../../users/models/user.model';

@ObjectType('Handoff', { description: 'One step of a referral’s append-only history.' })
export class HandoffModel {
  @Field(() => Int)
  seq: number;

  @Field(() => HandoffKind)
  kind: HandoffKind;

  @Field(() => OrganizationModel, { nullable: true })
  fromOrganization?: OrganizationModel | null;

  @Field(() => OrganizationModel, { nullable: true })
  toOrganization?: OrganizationModel | null;

  @Field(() => UserModel, { nullable: true, description: 'Null for moves the system made (routing).' })
  actor?: UserModel | null;

  @Field({ description: 'True when a tier-2 coordinator recorded a partner’s answer on its behalf.' })
  proxy: boolean;

  @Field(() => String, { nullable: true, description: 'Decline reason, withdrawal reason or outcome.' })
  reason: string | null;

  @Field(() => String, { nullable: true })
  note: string | null;

  @Field()
  at: Date;

  // `regionalIssue` and `policyProposal` are declared by their @ResolveFields (referral-fields.resolver.ts): the policy
  // track's models point at referrals, so referrals' models do not import them back (libs/testing/src/architecture).

  fromOrganizationId: string | null;
  toOrganizationId: string | null;
  actorId: string | null;
  regionalIssueId: string | null;
  policyProposalId: string | null;
}
