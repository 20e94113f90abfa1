import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { OrganizationModel } from '../../directory/models/organization.model';
import { PageInfoModel } from '../../common/pagination/page-info.model';

@ObjectType('ProvisionConsent', { description: 'The resident’s consent to sharing with partners, as it stood when the data was given.' })
export class ProvisionConsentModel {
  @Field()
  obtained: boolean;

  @Field(() => String, { nullable: true, description: 'How: 書面, 口頭, ...' })
  method: string | null;

  @Field(() => Date, { nullable: true })
  obtainedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Who consented: 本人, 家族(長女), ... Null when the form did not say.' })
  givenBy: string | null;
}

@ObjectType('ProvisionRecord', {
  description: 'One offer of a resident’s personal data to a partner organisation: who received which items about whom, when, under which consent.',
})
export class ProvisionRecordModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { description: 'The referral whose subject the data is about.' })
  referralId: string;

  /** Resolved by ProvisionRecordFieldsResolver. */
  @Field(() => OrganizationModel, { description: 'The organisation that received the data.' })
  recipientOrganization?: OrganizationModel;

  @Field(() => [String], { description: 'The items given, named as the fields of ReferralSubject: ageBand; displayName, nameKana, contact.' })
  items: string[];

  @Field(() => ProvisionConsentModel)
  consent: ProvisionConsentModel;

  @Field(() => Int, { description: 'The handoff that gave the data (Handoff.seq of the referral).' })
  handoffSeq: number;

  @Field()
  at: Date;

  recipientOrganizationId: string;
}

@ObjectType('ProvisionRecordEdge')
export class ProvisionRecordEdgeModel {
  @Field()
  cursor: string;

  @Field(() => ProvisionRecordModel)
  node: ProvisionRecordModel;
}

@ObjectType('ProvisionRecordConnection')
export class ProvisionRecordConnectionModel {
  @Field(() => [ProvisionRecordEdgeModel])
  edges: ProvisionRecordEdgeModel[];

  @Field(() => PageInfoModel)
  pageInfo: PageInfoModel;

  @Field(() => Int)
  totalCount: number;
}
