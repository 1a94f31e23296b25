/**
 * User imports over GraphQL (ADMIN, `USER_MANAGE`): the `importUsers` mutation, which answers at
 * once with a stored job, `userImportJob(id:)`, the job's `rows`, and the
 * `userImportJobProgressed` subscription (the stream is in `user-import-live.ts`). The rules are
 * the service's; the descriptions say them.
 */
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { Page } from '../entities/pagination.js';
import { notFound } from '../errors.js';
import { integerKeyOf } from '../global-id.js';
import { Permission } from '../permissions.js';
import { mapPage } from '../schema/connection.type.js';
import type { Services } from '../services/services.js';
import { USER_IMPORT_JOB_TYPE } from '../services/user/user-import.service.js';
import type { GraphQLContext } from './context.js';
import { importProgressFromNow } from './user-import-live.js';
import { ImportUsersInput, UserImportRowsArgs } from './user-import.input.js';
import {
  ImportUsersPayload,
  USER_IMPORT_RULES,
  UserImportJobProgressType,
  UserImportJobType,
  UserImportRowConnection,
  UserImportRowType,
} from './user-import.type.js';

/** What the subscription's `subscribe` receives (type-graphql passes raw GraphQL arguments). */
interface SubscribeData {
  readonly args: { readonly jobId: string };
  readonly context: GraphQLContext;
}

@Resolver(() => UserImportJobType)
export class UserImportResolver {
  constructor(private readonly services: Services) {}

  @Authorized(Permission.USER_MANAGE)
  @Mutation(() => ImportUsersPayload, {
    description: `Imports users from a CSV file: checks the whole file and answers at once with the stored import (\`job\`) and the rows refused by the check (\`refusedRows\`: an invalid cell is BAD_USER_INPUT, a username already in the directory or repeated in the file ALREADY_EXISTS). ${USER_IMPORT_RULES} Follow the job with \`userImportJobProgressed\` or \`userImportJob(id:)\`; each row's result is in its \`rows\`. ADMIN only; audited with the counts. Errors: BAD_USER_INPUT (field \`csv\`: no usable header, a quote left open, too many rows; nothing stored).`,
  })
  async importUsers(
    @Ctx() ctx: GraphQLContext,
    @Arg('input', () => ImportUsersInput, { description: 'The CSV file.' }) input: ImportUsersInput,
  ): Promise<ImportUsersPayload> {
    const { job, refused, done } = await this.services.userImports.importCsv(ctx, input.csv);
    // `done` never rejects by contract; should it ever, the job's failure is logged, not lost.
    done.catch((error: unknown) => ctx.logger.error({ err: error, jobId: job.id }, 'user import job failed unexpectedly'));
    return { job: UserImportJobType.from(job), refusedRows: refused.map(UserImportRowType.fromResult) };
  }

  @Authorized(Permission.USER_MANAGE)
  @Query(() => UserImportJobType, {
    nullable: true,
    description: 'A user import by global ID, as it is now; null when no import has that ID (or it is not a UserImportJob ID). ADMIN only.',
  })
  async userImportJob(@Arg('id', () => ID, { description: 'Global ID of the import.' }) id: string): Promise<UserImportJobType | null> {
    const jobId = integerKeyOf(id, USER_IMPORT_JOB_TYPE);
    const job = jobId === null ? null : await this.services.userImports.findJob(jobId);
    return job && UserImportJobType.from(job);
  }

  @Authorized(Permission.USER_MANAGE)
  @FieldResolver(() => UserImportRowConnection, {
    description: 'Every data row of the file in file order, with what became of it; `statuses` keeps only some (e.g. FAILED). ADMIN only.',
  })
  async rows(
    @Root() job: UserImportJobType,
    @Args(() => UserImportRowsArgs) { statuses, ...page }: UserImportRowsArgs,
  ): Promise<Page<UserImportRowType>> {
    return mapPage(await this.services.userImports.listRows(job.id, { statuses: statuses ?? null }, page), UserImportRowType.from);
  }

  @Authorized(Permission.USER_MANAGE)
  @Subscription(() => UserImportJobProgressType, {
    subscribe: async ({ args, context }: SubscribeData) => {
      const jobId = integerKeyOf(args.jobId, USER_IMPORT_JOB_TYPE);
      if (jobId === null) throw notFound('user import job', args.jobId);
      return importProgressFromNow(context.services, jobId, args.jobId);
    },
    description:
      "A user import's progress as it happens: first, at once, a snapshot of where it stands (`snapshot: true`), then an event after every chunk of users created, then one with the final status (SUCCEEDED or FAILED), after which the subscription completes. An import that has already ended sends its final state as the snapshot and completes. ADMIN only. Errors: NOT_FOUND.",
  })
  userImportJobProgressed(
    @Root() event: UserImportJobProgressType,
    @Arg('jobId', () => ID, { description: 'Global ID of the import to follow.' }) _jobId: string,
  ): UserImportJobProgressType {
    return event;
  }
}

@Resolver(() => UserImportJobProgressType)
export class UserImportJobProgressResolver {
  constructor(private readonly services: Services) {}

  @FieldResolver(() => UserImportJobType, {
    nullable: true,
    description: 'The import as it is now (it may have moved on since this event); null when it no longer exists.',
  })
  async job(@Root() event: UserImportJobProgressType): Promise<UserImportJobType | null> {
    const job = await this.services.userImports.findJob(event.jobRowId);
    return job && UserImportJobType.from(job);
  }
}
