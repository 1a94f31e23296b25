/** `node(id:)` and `nodes(ids:)`: refetch any object by global ID, with the read permission of its type. */
import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import { HomeroomError, ErrorCode } from '../errors.js';
import type { GraphQLContext } from './context.js';
import { fromGlobalId, parseRowId } from '../global-id.js';
import { Node } from '../schema/node.type.js';
import { Permission } from '../permissions.js';
import { can } from '../platform/request-context.js';
import type { Services } from '../services/services.js';
import { ApiKeyType } from './api-key.type.js';
import { AssignmentJobType, AssignmentOutcomeType } from './assignment.type.js';
import { AuditEventType } from './audit-event.type.js';
import { DeviceType } from './device.type.js';
import { profileType } from './profile.type.js';
import { MdmPushCertificateType } from './push-certificate.type.js';
import { RehearsalType } from './rehearsal.type.js';
import { SyncRunType } from './sync.type.js';
import { EncryptionPublicKeyType, EnrollmentProgramTokenType } from './token.type.js';
import { UserImportJobType } from './user-import.type.js';
import { UserType } from './user.type.js';

/** How `node(id:)` finds each type, and what reading it needs. Every Node type is listed. */
interface NodeLoader {
  readonly permission: Permission;
  load(services: Services, key: string): Promise<Node | null>;
}

/** A loader for types whose row keys are integers; any other key names nothing. */
function byIntegerKey(find: (services: Services, id: number) => Promise<Node | null>): NodeLoader['load'] {
  return async (services, key) => {
    const id = parseRowId(key);
    return id === null ? null : find(services, id);
  };
}

/** A row's GraphQL type, or null for no row. */
function nodeOf<R>(row: R | null, from: (row: R) => Node): Node | null {
  return row === null ? null : from(row);
}

export const NODE_LOADERS: Record<string, NodeLoader> = {
  ApiKey: {
    permission: Permission.API_KEY_MANAGE,
    load: byIntegerKey(async (s, id) => nodeOf(await s.apiKeys.findById(id), ApiKeyType.from)),
  },
  AuditEvent: {
    permission: Permission.AUDIT_READ,
    load: byIntegerKey(async (s, id) => nodeOf(await s.audit.findById(id), AuditEventType.from)),
  },
  MdmPushCertificate: {
    permission: Permission.TOKEN_READ,
    load: byIntegerKey(async (s, id) => nodeOf(await s.pushCertificates.findById(id), MdmPushCertificateType.from)),
  },
  EncryptionPublicKey: {
    permission: Permission.TOKEN_READ,
    load: byIntegerKey(async (s, id) => nodeOf(await s.tokens.findEncryptionKeyById(id), EncryptionPublicKeyType.from)),
  },
  EnrollmentProgramToken: {
    permission: Permission.TOKEN_READ,
    load: byIntegerKey(async (s, id) => nodeOf(await s.tokens.findById(id), EnrollmentProgramTokenType.from)),
  },
  EnrollmentProfile: {
    permission: Permission.PROFILE_READ,
    load: byIntegerKey(async (s, id) => profileType(s, await s.profiles.findById(id))),
  },
  SyncRun: { permission: Permission.DEVICE_READ, load: byIntegerKey(async (s, id) => nodeOf(await s.sync.findRun(id), SyncRunType.from)) },
  Device: {
    permission: Permission.DEVICE_READ,
    load: byIntegerKey(async (s, id) => nodeOf(await s.devices.findById(id), DeviceType.from)),
  },
  AssignmentJob: {
    permission: Permission.DEVICE_READ,
    load: byIntegerKey(async (s, id) => nodeOf(await s.assignments.findJob(id), AssignmentJobType.from)),
  },
  AssignmentOutcome: {
    permission: Permission.DEVICE_READ,
    load: byIntegerKey(async (s, id) => nodeOf(await s.assignments.findOutcome(id), AssignmentOutcomeType.from)),
  },
  User: { permission: Permission.USER_MANAGE, load: byIntegerKey(async (s, id) => nodeOf(await s.users.findById(id), UserType.from)) },
  UserImportJob: {
    permission: Permission.USER_MANAGE,
    load: byIntegerKey(async (s, id) => nodeOf(await s.userImports.findJob(id), UserImportJobType.from)),
  },
  // Kept in memory under a UUID, not in a table (services/rehearsal/rehearsal.service.ts).
  Rehearsal: { permission: Permission.DEVICE_READ, load: async (s, key) => nodeOf(s.rehearsals.find(key), RehearsalType.from) },
};

@Resolver()
export class NodeResolver {
  constructor(private readonly services: Services) {}

  @Authorized()
  @Query(() => Node, {
    nullable: true,
    description: 'Fetches any object by its global ID; null when nothing has that ID. FORBIDDEN when your role cannot read that type.',
  })
  node(
    @Ctx() ctx: GraphQLContext,
    @Arg('id', () => ID, { description: 'A global ID this API returned.' }) id: string,
  ): Promise<Node | null> {
    return this.load(ctx, id);
  }

  @Authorized()
  @Query(() => [Node], {
    nullable: 'items',
    description: 'Fetches several objects by global ID, in the order given (null where nothing has the ID). At most 100.',
  })
  nodes(
    @Ctx() ctx: GraphQLContext,
    @Arg('ids', () => [ID], { description: 'Global IDs this API returned (at most 100).' }) ids: string[],
  ): Promise<Array<Node | null>> {
    if (ids.length > 100) throw new HomeroomError(ErrorCode.BAD_USER_INPUT, 'ids: at most 100 at a time.', { field: 'ids' });
    return Promise.all(ids.map((id) => this.load(ctx, id)));
  }

  private async load(ctx: GraphQLContext, id: string): Promise<Node | null> {
    const decoded = fromGlobalId(id);
    const loader = decoded ? NODE_LOADERS[decoded.typeName] : undefined;
    if (!decoded || !loader) return null;
    if (!can(ctx.actor, loader.permission)) {
      throw new HomeroomError(ErrorCode.FORBIDDEN, `Reading ${decoded.typeName} needs ${loader.permission}.`, {
        missingPermissions: [loader.permission],
      });
    }
    return loader.load(this.services, decoded.key);
  }
}
