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
import { SchoolManagerApiAccountType } from './school-manager.type.js';
import { UserType } from './user.type.js';
import { DeviceMigrationType } from './migration.type.js';

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

/** A loader for a type whose rows have integer keys and map to their GraphQL type one by one. */
function byRow<R>(permission: Permission, find: (services: Services, id: number) => Promise<R | null>, from: (row: R) => Node): NodeLoader {
  return {
    permission,
    load: byIntegerKey(async (services, id) => {
      const row = await find(services, id);
      return row === null ? null : from(row);
    }),
  };
}

export const NODE_LOADERS: Record<string, NodeLoader> = {
  ApiKey: byRow(Permission.API_KEY_MANAGE, (s, id) => s.apiKeys.findById(id), ApiKeyType.from),
  AuditEvent: byRow(Permission.AUDIT_READ, (s, id) => s.audit.findById(id), AuditEventType.from),
  MdmPushCertificate: byRow(Permission.TOKEN_READ, (s, id) => s.pushCertificates.findById(id), MdmPushCertificateType.from),
  EncryptionPublicKey: byRow(Permission.TOKEN_READ, (s, id) => s.tokens.findEncryptionKeyById(id), EncryptionPublicKeyType.from),
  EnrollmentProgramToken: byRow(Permission.TOKEN_READ, (s, id) => s.tokens.findById(id), EnrollmentProgramTokenType.from),
  // A profile's GraphQL object reads its facts (default, device count) too.
  EnrollmentProfile: {
    permission: Permission.PROFILE_READ,
    load: byIntegerKey(async (s, id) => profileType(s, await s.profiles.findById(id))),
  },
  // Kept in memory under a UUID, not in a table (services/rehearsal/rehearsal.service.ts).
  Rehearsal: {
    permission: Permission.DEVICE_READ,
    load: async (s, key) => {
      const rehearsal = s.rehearsals.find(key);
      return rehearsal ? RehearsalType.from(rehearsal) : null;
    },
  },
  SyncRun: byRow(Permission.DEVICE_READ, (s, id) => s.sync.findRun(id), SyncRunType.from),
  Device: byRow(Permission.DEVICE_READ, (s, id) => s.devices.findById(id), DeviceType.from),
  AssignmentJob: byRow(Permission.DEVICE_READ, (s, id) => s.assignments.findJob(id), AssignmentJobType.from),
  AssignmentOutcome: byRow(Permission.DEVICE_READ, (s, id) => s.assignments.findOutcome(id), AssignmentOutcomeType.from),
  SchoolManagerApiAccount: byRow(Permission.TOKEN_READ, (s, id) => s.schoolManager.findAccountById(id), SchoolManagerApiAccountType.from),
  DeviceMigration: byRow(Permission.DEVICE_READ, (s, id) => s.migrations.findById(id), DeviceMigrationType.from),
  User: byRow(Permission.USER_MANAGE, (s, id) => s.users.findById(id), UserType.from),
  UserImportJob: byRow(Permission.USER_MANAGE, (s, id) => s.userImports.findJob(id), UserImportJobType.from),
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
