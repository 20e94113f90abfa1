import { createUnionType, Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  DETAIL_LABELS_JA,
  GatheringPlaceKind,
  HomeHelpTask,
  Mobility,
  NeedCategory,
  NeedFrequency,
  ShoppingScope,
  StoredReferralDetails,
  TransportPurpose,
  VolunteerSkill,
  WatchOverMethod,
  Weekday,
  WorkPreference,
} from '@tsunagu/domain';

// Referral.details: one object type per category, as the union ReferralDetails (a client picks the fields of its
// category with `... on TransportDetails`). The enums carry their Japanese words as descriptions (docs/API.md).

function register<E extends Record<string, string>>(values: E, name: keyof typeof DETAIL_LABELS_JA, description: string): void {
  const labels = DETAIL_LABELS_JA[name] as Record<string, string>;
  registerEnumType(values, {
    name,
    description,
    valuesMap: Object.fromEntries(Object.keys(values).map((key) => [key, { description: labels[key] }])) as Partial<
      Record<keyof E, { description: string }>
    >,
  });
}

register(Weekday, 'Weekday', 'A day of the week (月..日).');
register(NeedFrequency, 'NeedFrequency', 'How often a need recurs.');
register(TransportPurpose, 'TransportPurpose', 'What an outing is for.');
register(Mobility, 'Mobility', 'How the person gets about (health-related: docs/SECURITY.md, "Need details").');
register(ShoppingScope, 'ShoppingScope', 'A shopping need of one person or of a place.');
register(VolunteerSkill, 'VolunteerSkill', 'What a supporter can do.');
register(WorkPreference, 'WorkPreference', 'Paid work or volunteering.');
register(HomeHelpTask, 'HomeHelpTask', 'A household task.');
register(GatheringPlaceKind, 'GatheringPlaceKind', 'A kind of gathering place (居場所).');
register(WatchOverMethod, 'WatchOverMethod', 'How watching over happens.');

@ObjectType('TransportDetails')
export class TransportDetailsModel {
  @Field(() => TransportPurpose)
  purpose: TransportPurpose;

  @Field(() => NeedFrequency, { nullable: true })
  frequency: NeedFrequency | null;

  @Field(() => [Weekday], { description: 'Monday first.' })
  days: Weekday[];

  @Field(() => Mobility, { nullable: true })
  mobility: Mobility | null;

  @Field(() => Boolean, { nullable: true })
  escortNeeded: boolean | null;
}

@ObjectType('ShoppingDetails')
export class ShoppingDetailsModel {
  @Field(() => ShoppingScope)
  scope: ShoppingScope;

  @Field(() => String, { nullable: true })
  location: string | null;

  @Field(() => String, { nullable: true })
  nearestShop: string | null;

  @Field(() => Boolean, { nullable: true })
  mobileSalesWanted: boolean | null;

  @Field(() => NeedFrequency, { nullable: true })
  frequency: NeedFrequency | null;
}

@ObjectType('VolunteerInterestDetails')
export class VolunteerInterestDetailsModel {
  @Field(() => [VolunteerSkill])
  skills: VolunteerSkill[];

  @Field(() => [Weekday])
  days: Weekday[];

  @Field(() => [String], { description: 'Area codes.' })
  areaCodes: string[];

  @Field(() => Boolean, { nullable: true })
  supporterTrainingCompleted: boolean | null;

  @Field(() => WorkPreference, { nullable: true })
  workPreference: WorkPreference | null;
}

@ObjectType('HomeHelpDetails')
export class HomeHelpDetailsModel {
  @Field(() => [HomeHelpTask])
  tasks: HomeHelpTask[];

  @Field(() => NeedFrequency, { nullable: true })
  frequency: NeedFrequency | null;
}

@ObjectType('GatheringPlaceDetails')
export class GatheringPlaceDetailsModel {
  @Field(() => GatheringPlaceKind)
  placeKind: GatheringPlaceKind;

  @Field(() => [Weekday])
  days: Weekday[];

  @Field(() => Boolean, { nullable: true })
  transportNeeded: boolean | null;
}

@ObjectType('WatchOverDetails')
export class WatchOverDetailsModel {
  @Field(() => NeedFrequency, { nullable: true })
  frequency: NeedFrequency | null;

  @Field(() => [WatchOverMethod])
  methods: WatchOverMethod[];
}

@ObjectType('OtherDetails')
export class OtherDetailsModel {
  @Field()
  note: string;
}

const MODEL_OF = {
  [NeedCategory.TRANSPORT]: TransportDetailsModel,
  [NeedCategory.SHOPPING]: ShoppingDetailsModel,
  [NeedCategory.VOLUNTEER_INTEREST]: VolunteerInterestDetailsModel,
  [NeedCategory.HOME_HELP]: HomeHelpDetailsModel,
  [NeedCategory.GATHERING_PLACE]: GatheringPlaceDetailsModel,
  [NeedCategory.WATCH_OVER]: WatchOverDetailsModel,
  [NeedCategory.OTHER]: OtherDetailsModel,
} as const;

export const ReferralDetailsUnion = createUnionType({
  name: 'ReferralDetails',
  description: "What the coordinator recorded for the referral's category: one type per category.",
  types: () => Object.values(MODEL_OF),
  resolveType: (value: StoredReferralDetails) => MODEL_OF[value.category],
});

/** The stored value is what the union resolves on (its `category`); the version and category are not fields. */
export type ReferralDetailsModel = StoredReferralDetails;
