import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Role } from '@tsunagu/domain';
import type { AuditEventEntity } from '@tsunagu/persistence';
import { Roles } from '../auth/roles.decorator';
import { toConnection } from '../common/pagination/connection';
import type { RequestContext } from '../common/request-context';
import { toUserModel } from '../directory/directory.mappers';
import { UserModel } from '../users/models/user.model';
import { AuditEventsArgs } from './dto/audit-events.args';
import { AuditEventConnectionModel, AuditEventModel } from './models/audit-event.model';
import { AuditService, encodeAuditCursor } from './audit.service';

/** The audit log, for administrators only (everyone else: FORBIDDEN). */
@Resolver(() => AuditEventModel)
export class AuditEventsResolver {
  constructor(private readonly audit: AuditService) {}

  @Roles(Role.ADMIN)
  @Query(() => AuditEventConnectionModel, { description: 'The audit log, newest first. ADMIN only.' })
  async auditEvents(@Args() { filter, first, after }: AuditEventsArgs): Promise<AuditEventConnectionModel> {
    const page = await this.audit.page(filter, first, after);
    return toConnection(page, encodeAuditCursor, toAuditEventModel);
  }

  @ResolveField(() => UserModel, { nullable: true })
  async actor(@Parent() event: AuditEventModel, @Context() ctx: RequestContext): Promise<UserModel | null> {
    const user = event.actorUserId ? await ctx.loaders.user.load(event.actorUserId) : null;
    return user ? toUserModel(user) : null;
  }
}

function toAuditEventModel(row: AuditEventEntity): AuditEventModel {
  return {
    id: row.id,
    at: row.at,
    actorUserId: row.actorUserId,
    actorRole: row.actorRole,
    operation: row.operation,
    objectType: row.objectType,
    objectId: row.objectId,
    result: row.result,
    clientAddress: row.clientAddress,
    requestId: row.requestId,
    details: JSON.stringify(row.details ?? {}),
  };
}
