import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { UserModel } from '../../users/models/user.model';
import { PageInfoModel } from '../../common/pagination/page-info.model';

@ObjectType('AuditEvent', { description: 'One entry of the append-only audit log: a mutation or a read of personal data.' })
export class AuditEventModel {
  @Field(() => ID)
  id: string;

  @Field()
  at: Date;

  @Field(() => UserModel, { nullable: true, description: 'Null when nobody was signed in (a failed login).' })
  actor?: UserModel | null;

  @Field(() => ID, { nullable: true })
  actorUserId: string | null;

  @Field({ description: 'The actor’s role then, or ANONYMOUS.' })
  actorRole: string;

  @Field({ description: 'The mutation (acceptReferral) or read (read:Referral.subject).' })
  operation: string;

  @Field(() => String, { nullable: true })
  objectType: string | null;

  @Field(() => String, { nullable: true })
  objectId: string | null;

  @Field({ description: 'OK, or the error code the caller got.' })
  result: string;

  @Field(() => String, { nullable: true })
  clientAddress: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The request it came from (X-Request-Id), as in the api log; null before request ids were recorded and outside requests.',
  })
  requestId: string | null;

  @Field({ description: 'Safe details as a JSON object: enum, number, boolean and id arguments; never personal data.' })
  details: string;
}

@ObjectType('AuditEventEdge')
export class AuditEventEdgeModel {
  @Field()
  cursor: string;

  @Field(() => AuditEventModel)
  node: AuditEventModel;
}

@ObjectType('AuditEventConnection')
export class AuditEventConnectionModel {
  @Field(() => [AuditEventEdgeModel])
  edges: AuditEventEdgeModel[];

  @Field(() => PageInfoModel)
  pageInfo: PageInfoModel;

  @Field(() => Int)
  totalCount: number;
}
