import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Destination, NeedCategory, ReferralOutcome, ReferralStatus, SubjectKind } from '@tsunagu/domain';
import { AreaModel } from '../../directory/models/area.model';
import { OrganizationModel } from '../../directory/models/organization.model';
import { UserModel } from '../../users/models/user.model';
import { HandoffModel } from './handoff.model';
import { ReferralDetailsModel, ReferralDetailsUnion } from './referral-details.model';
import { ReferralConsentModel } from './referral-consent.model';
import { ReferralSubjectModel } from './referral-subject.model';

@ObjectType('Referral', { description: 'One need found by a tier-2 coordinator and handed on.' })
export class ReferralModel {
  @Field(() => ID)
  id: string;

  @Field(() => ReferralStatus)
  status: ReferralStatus;

  @Field(() => NeedCategory)
  category: NeedCategory;

  @Field(() => AreaModel)
  area?: AreaModel;

  @Field()
  summary: string;

  @Field(() => SubjectKind)
  subjectKind: SubjectKind;

  @Field(() => ReferralDetailsUnion, {
    nullable: true,
    description: 'The category’s details; null when submitted without. Seen by whoever sees the summary (no personal data).',
  })
  details: ReferralDetailsModel | null;

  @Field(() => ReferralSubjectModel, { nullable: true, description: 'Personal data: null for callers not entitled to it.' })
  subject: ReferralSubjectModel | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The subject’s age band (80代): for coordinators, and for the partner the referral is offered to or held by, which may decide on the summary and this. Null otherwise.',
  })
  subjectAgeBand: string | null;

  @Field(() => ReferralConsentModel, {
    nullable: true,
    description:
      'The consent recorded for a PERSON referral (null for AREA ones and for callers who see none of the subject); method and givenBy only with the whole subject.',
  })
  consent: ReferralConsentModel | null;

  @Field(() => Destination)
  destination: Destination;

  @Field(() => UserModel)
  submittedBy?: UserModel;

  @Field(() => OrganizationModel, {
    nullable: true,
    description: 'The organisation holding it or being offered it; null for a partner it has left (which sees it as it was then).',
  })
  currentOrganization?: OrganizationModel | null;

  @Field(() => Date, { nullable: true, description: 'Deadline of the current offer.' })
  responseDueAt: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'While ON_HOLD: the day (YYYY-MM-DD, Japan time) the coordinator means to resume it; a reminder goes out at 09:00 that day.',
  })
  resumeOn: string | null;

  @Field(() => ReferralStatus, { nullable: true, description: 'While ON_HOLD: the status resumeReferral returns it to.' })
  resumesToStatus: ReferralStatus | null;

  @Field(() => ReferralOutcome, { nullable: true })
  outcome: ReferralOutcome | null;

  @Field(() => [HandoffModel], {
    description: 'Oldest first. Partners do not see the policy track’s entries; a partner it has left sees only its own part, up to then.',
  })
  handoffs?: HandoffModel[];

  // `regionalIssues` is declared by its @ResolveField (referral-fields.resolver.ts): the policy track's models point at
  // referrals, so referrals' models do not import them back (libs/testing/src/architecture).

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;

  areaId: string;
  submittedById: string;
  currentOrganizationId: string | null;
  /** Whether the resident consented to sharing with partners (PERSON); what availableActions needs of the consent. */
  consentObtained: boolean | null;
  /** For a partner the referral has left: the seq of the handoff that took it away (its history ends there). */
  leftAtSeq: number | null;
}
