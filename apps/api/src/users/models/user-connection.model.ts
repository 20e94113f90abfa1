import { Field, Int, ObjectType } from '@nestjs/graphql';
import { UserModel } from './user.model';
import { PageInfoModel } from '../../common/pagination/page-info.model';

@ObjectType('UserEdge')
export class UserEdgeModel {
  @Field()
  cursor: string;

  @Field(() => UserModel)
  node: UserModel;
}

@ObjectType('UserConnection')
export class UserConnectionModel {
  @Field(() => [UserEdgeModel])
  edges: UserEdgeModel[];

  @Field(() => PageInfoModel)
  pageInfo: PageInfoModel;

  @Field(() => Int)
  totalCount: number;
}
