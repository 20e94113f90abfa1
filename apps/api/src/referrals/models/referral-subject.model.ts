import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('ReferralSubject', { description: 'Personal data of the resident a referral is about.' })
export class ReferralSubjectModel {
  @Field({ description: 'Display name or initials' })
  displayName: string;

  @Field(() => String, { nullable: true, description: 'ふりがな, in hiragana.' })
  nameKana: string | null;

  @Field(() => String, { nullable: true })
  ageBand: string | null;

  @Field(() => String, { nullable: true })
  contact: string | null;
}
