import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Role } from '@tsunagu/domain';
import { clientAddressOf } from '../auth/auth.resolver';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import { AllowedWithTemporaryPassword, AnyRole, Roles } from '../auth/roles.decorator';
import { auditTemporaryPassword, TEMPORARY_PASSWORD_REPLACED } from '../auth/temporary-password-audit';
import type { Viewer } from '../common/viewer';
import { toConnection } from '../common/pagination/connection';
import type { RequestContext } from '../common/request-context';
import { toUserModel } from '../directory/directory.mappers';
import { UserModel } from './models/user.model';
import { ChangeMyPasswordArgs } from './dto/change-my-password.args';
import { CreateUserInput } from './dto/create-user.input';
import { UserIdArgs, UsersArgs } from './dto/users.args';
import { CreateUserPayloadModel, ResetPasswordPayloadModel } from './models/password-payloads.model';
import { UserConnectionModel } from './models/user-connection.model';
import { encodeUserCursor, UsersService } from './users.service';

/** Keeping user accounts: administrators manage them; every signed-in user changes their own password. */
@Resolver(() => UserModel)
export class UsersResolver {
  constructor(private readonly accounts: UsersService) {}

  @Roles(Role.ADMIN)
  @Query(() => UserConnectionModel, { description: 'Users in email order.' })
  async users(@Args() { filter, first, after }: UsersArgs): Promise<UserConnectionModel> {
    const page = await this.accounts.page(filter, first, after);
    return toConnection(page, encodeUserCursor, toUserModel);
  }

  @Roles(Role.ADMIN)
  @Query(() => UserModel, { nullable: true })
  async user(@Args() { id }: UserIdArgs): Promise<UserModel> {
    return toUserModel(await this.accounts.get(id));
  }

  @Roles(Role.ADMIN)
  @Mutation(() => CreateUserPayloadModel, { description: 'Creates a user with a temporary password, shown once, that they must change.' })
  async createUser(@CurrentViewer() viewer: Viewer, @Args('input') input: CreateUserInput): Promise<CreateUserPayloadModel> {
    const { user, temporaryPassword } = await this.accounts.create(viewer, input);
    return { user: toUserModel(user), temporaryPassword };
  }

  @Roles(Role.ADMIN)
  @Mutation(() => UserModel, { description: 'The user can no longer sign in and their tokens stop working at once. Not yourself.' })
  async deactivateUser(@CurrentViewer() viewer: Viewer, @Args() { id }: UserIdArgs): Promise<UserModel> {
    return toUserModel(await this.accounts.deactivate(viewer, id));
  }

  @Roles(Role.ADMIN)
  @Mutation(() => UserModel, { description: 'The user may sign in again with their password; old tokens stay void.' })
  async reactivateUser(@Args() { id }: UserIdArgs): Promise<UserModel> {
    return toUserModel(await this.accounts.reactivate(id));
  }

  @Roles(Role.ADMIN)
  @Mutation(() => ResetPasswordPayloadModel, { description: 'Replaces the password with a temporary one; the user’s tokens stop working.' })
  async resetUserPassword(@CurrentViewer() viewer: Viewer, @Args() { id }: UserIdArgs): Promise<ResetPasswordPayloadModel> {
    const { user, temporaryPassword } = await this.accounts.resetPassword(viewer, id);
    return { user: toUserModel(user), temporaryPassword };
  }

  @AnyRole()
  @AllowedWithTemporaryPassword()
  @Mutation(() => Boolean, {
    description:
      'Any signed-in user. The new password: at least 12 characters, not blank, not a very common password, not the email, not the current one. Afterwards every token of the user, this one too, stops working: sign in again.',
  })
  async changeMyPassword(
    @CurrentViewer() viewer: Viewer,
    @Args() { currentPassword, newPassword }: ChangeMyPasswordArgs,
    @Context() ctx: RequestContext,
  ): Promise<boolean> {
    const before = await this.accounts.changeMyPassword(viewer, currentPassword, newPassword, clientAddressOf(ctx.req));
    if (before.mustChangePassword) auditTemporaryPassword(ctx, TEMPORARY_PASSWORD_REPLACED, before);
    return true;
  }

  @ResolveField(() => Boolean, { nullable: true, description: 'Whether the user may sign in. Null unless you are an administrator or this user.' })
  async active(@Parent() user: UserModel, @Context() ctx: RequestContext): Promise<boolean | null> {
    return (await accountOf(user, ctx))?.active ?? null;
  }

  @ResolveField(() => Boolean, {
    nullable: true,
    description: 'The password is a temporary one an administrator gave out. Null unless you are an administrator or this user.',
  })
  async mustChangePassword(@Parent() user: UserModel, @Context() ctx: RequestContext): Promise<boolean | null> {
    return (await accountOf(user, ctx))?.mustChangePassword ?? null;
  }
}

/** The account row behind a User, for an administrator or the user themself; null for anyone else. */
async function accountOf(user: UserModel, ctx: RequestContext) {
  const viewer = ctx.req.viewer;
  if (!viewer || (viewer.role !== Role.ADMIN && viewer.id !== user.id)) return null;
  return ctx.loaders.user.load(user.id);
}
