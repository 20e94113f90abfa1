import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('ReferralConsent', {
  description:
    'The resident’s consent to sharing with partners, as recorded on submission. Whether and when: for whoever may see any of the subject (a partner on offer too); method and givenBy: only for those who see the whole subject (docs/SECURITY.md, "Consent").',
})
export class ReferralConsentModel {
  @Field({ description: 'Whether the resident consented to sharing with partners.' })
  obtained: boolean;

  @Field(() => Date, { nullable: true, description: 'When the consent was given (or refused).' })
  obtainedAt: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'How: 書面, 口頭, ... Personal data: null for a partner on offer, and after retention erased it.',
  })
  method: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Who consented: 本人, 家族(長女), 成年後見人, ... Personal data like method; null when none was recorded.',
  })
  givenBy: string | null;
}
