/**
 * The GraphQL face of user imports (issue 14, item 11): the `UserImportJob` Node type, its rows
 * (`UserImportRow`, a value object of the job), the live `UserImportJobProgress` the subscription
 * sends, and the `importUsers` payload. Nothing here can carry a password: rows are read without
 * their sealed passwords and have no field for one.
 */
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { UserImportJob } from '../entities/user-import-job.entity.js';
import type { UserImportRow } from '../entities/user-import-row.entity.js';
import { ErrorCode } from '../errors.js';
import { toGlobalId } from '../global-id.js';
import type { UserImportJobProgressed } from '../platform/events/event-bus.js';
import { Connection } from '../schema/connection.type.js';
import { describedEnum } from '../schema/enums.js';
import { Node } from '../schema/node.type.js';
import {
  FINAL_IMPORT_STATUSES,
  IMPORT_CHUNK,
  importPendingCountOf,
  USER_IMPORT_JOB_TYPE,
  type UserImportJobStatus,
  type UserImportRowResult,
  type UserImportRowStatus,
} from '../services/user/user-import.service.js';

/** How an import runs, in the words the schema shows (numbers from the runner, so they cannot drift). */
export const USER_IMPORT_RULES = `The file is checked as a whole when it is sent (rows refused then are FAILED at once); the other rows are created in the background, ${IMPORT_CHUNK} users a transaction, as a stored job that survives a restart (an interrupted job resumes with the rows not yet created, and never creates a user twice). Passwords wait sealed with the server's secret key, never in clear, and are wiped as soon as their user is created.`;

export const UserImportJobStatusEnum = describedEnum<UserImportJobStatus>(
  'UserImportJobStatus',
  'How a user import stands or ended. SUCCEEDED and FAILED are final.',
  {
    PENDING: 'Stored with its rows, not started yet (a server takes it at once, or when it starts again).',
    RUNNING: 'Creating users, one chunk of rows after another.',
    SUCCEEDED: 'Ended: every row was dealt with, created or reported FAILED with its reason (`rows(statuses: [FAILED])` lists them).',
    FAILED:
      'Stopped on an error (`errorCode`, `errorMessage`): users already created stay, and the rows not reached are FAILED with INTERNAL_SERVER_ERROR; import those again.',
  },
);

export const UserImportRowStatusEnum = describedEnum<UserImportRowStatus>(
  'UserImportRowStatus',
  'What became of one data row of a user import.',
  {
    PENDING: 'Waiting for its chunk: the user does not exist yet.',
    CREATED: 'The user was created.',
    FAILED: 'Nothing was created for this row; `code` and `message` say why.',
  },
);

/** Share of the rows dealt with, 0 to 100: 100 only once the job has ended. */
function percentDone(rowCount: number, pendingCount: number, status: string): number {
  if (FINAL_IMPORT_STATUSES.has(status)) return 100;
  if (rowCount <= 0) return 0;
  return Math.min(99.9, Math.floor(((rowCount - pendingCount) * 1000) / rowCount) / 10);
}

@ObjectType(USER_IMPORT_JOB_TYPE, {
  implements: Node,
  description: `One CSV import of directory users (\`importUsers\`): how far it got, how it ended, and what became of each row. ${USER_IMPORT_RULES} ADMIN only.`,
})
export class UserImportJobType extends Node {
  id!: number;

  @Field(() => UserImportJobStatusEnum, { description: 'PENDING, RUNNING, or how the import ended.' })
  status!: UserImportJobStatus;

  @Field(() => Int, { description: 'Every data row of the file (the total), whatever became of it.' })
  rowCount!: number;

  @Field(() => Int, { description: 'Users created so far.' })
  createdCount!: number;

  @Field(() => Int, {
    description:
      'Rows that created nothing: refused when the file was checked, found taken when their chunk ran, or not reached by a FAILED job.',
  })
  failedCount!: number;

  @Field(() => Int, { description: 'Rows still waiting for their chunk.' })
  pendingCount!: number;

  @Field(() => Float, { description: 'Share of the rows dealt with, 0 to 100; 100 only once the import has ended.' })
  percent!: number;

  @Field(() => String, { description: 'Who asked, as the audit log names them (an API key’s name).' })
  requestedBy!: string;

  @Field(() => Date, { description: 'When the file was sent and checked.' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When a server first took the job; null while PENDING.' })
  startedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the import ended; null until then.' })
  finishedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why a FAILED import stopped (an ErrorCode value); null otherwise.' })
  errorCode!: string | null;

  @Field(() => String, { nullable: true, description: 'The reason in words; null unless FAILED.' })
  errorMessage!: string | null;

  override get globalId(): string {
    return toGlobalId(USER_IMPORT_JOB_TYPE, this.id);
  }

  static from(job: UserImportJob): UserImportJobType {
    const pendingCount = importPendingCountOf(job);
    return Object.assign(new UserImportJobType(), {
      id: job.id,
      status: job.status as UserImportJobStatus,
      rowCount: job.rowCount,
      createdCount: job.createdCount,
      failedCount: job.failedCount,
      pendingCount,
      percent: percentDone(job.rowCount, pendingCount, job.status),
      requestedBy: job.requestedBy,
      createdAt: job.createdAt,
      startedAt: job.startedAt,
      finishedAt: job.finishedAt,
      errorCode: job.errorCode,
      errorMessage: job.errorMessage,
    });
  }
}

@ObjectType('UserImportRow', { description: 'What became of one data row of a user import (no password in any form).' })
export class UserImportRowType {
  @Field(() => Int, {
    description: 'Number of the row among the data rows, from 1 (the header and blank lines are not counted).',
  })
  row!: number;

  @Field(() => String, { nullable: true, description: "The row's username (lower-cased); null when the row has none." })
  username!: string | null;

  @Field(() => UserImportRowStatusEnum, { description: 'Pending, created, or failed.' })
  status!: UserImportRowStatus;

  @Field(() => ErrorCode, {
    nullable: true,
    description:
      'Why the row failed: BAD_USER_INPUT (a cell is invalid; the message names it), ALREADY_EXISTS (the username is in the directory, or earlier in the file) or INTERNAL_SERVER_ERROR (the import stopped before the row, or its stored password could not be opened). Null unless FAILED.',
  })
  code!: ErrorCode | null;

  @Field(() => String, { nullable: true, description: 'The reason in words, naming the column; null unless FAILED.' })
  message!: string | null;

  static fromResult(result: UserImportRowResult): UserImportRowType {
    return Object.assign(new UserImportRowType(), result);
  }

  static from(row: UserImportRow): UserImportRowType {
    return Object.assign(new UserImportRowType(), {
      row: row.rowNumber,
      username: row.username,
      status: row.status as UserImportRowStatus,
      code: (row.errorCode as ErrorCode | null) ?? null,
      message: row.errorMessage,
    });
  }
}

export const UserImportRowConnection = Connection(UserImportRowType, 'UserImportRow');

@ObjectType('UserImportJobProgress', {
  description: 'Where a user import stands: sent after every chunk of users created, then once with the final status.',
})
export class UserImportJobProgressType {
  /** Row id, shown as a global ID. */
  jobRowId!: number;

  @Field(() => ID, { description: 'Global ID of the import (`userImportJob(id:)` or the `job` field read it as it is now).' })
  get jobId(): string {
    return toGlobalId(USER_IMPORT_JOB_TYPE, this.jobRowId);
  }

  @Field(() => Boolean, {
    description: 'True on the first event only: the import as it stood when the subscription started, not a chunk just done.',
  })
  snapshot!: boolean;

  @Field(() => UserImportJobStatusEnum, { description: 'PENDING or RUNNING, or the final status on the last event of the import.' })
  status!: UserImportJobStatus;

  @Field(() => Int, {
    description: `Rows the chunk this event reports dealt with (at most ${IMPORT_CHUNK}); 0 on the first event (a snapshot) and the final one.`,
  })
  chunkSize!: number;

  @Field(() => Int, { description: 'Every data row of the file.' })
  rowCount!: number;

  @Field(() => Int, { description: 'Users created so far.' })
  createdCount!: number;

  @Field(() => Int, { description: 'Rows that created nothing so far.' })
  failedCount!: number;

  @Field(() => Int, { description: 'Rows still waiting.' })
  pendingCount!: number;

  @Field(() => Float, { description: 'Share of the rows dealt with, 0 to 100; 100 on the final event.' })
  percent!: number;

  @Field(() => Date, { description: 'When this happened, on the server clock.' })
  at!: Date;

  static from(event: UserImportJobProgressed, snapshot = false): UserImportJobProgressType {
    return Object.assign(new UserImportJobProgressType(), {
      jobRowId: event.jobId,
      snapshot,
      status: event.status as UserImportJobStatus,
      chunkSize: event.chunkSize,
      rowCount: event.rowCount,
      createdCount: event.createdCount,
      failedCount: event.failedCount,
      pendingCount: event.pendingCount,
      percent: percentDone(event.rowCount, event.pendingCount, event.status),
      at: new Date(event.at),
    });
  }
}

@ObjectType('ImportUsersPayload', { description: 'The import stored from the file, and the rows the file check refused.' })
export class ImportUsersPayload {
  @Field(() => UserImportJobType, {
    description:
      'The import: PENDING while users remain to be created in the background (follow it with `userImportJobProgressed` or `userImportJob`), or already SUCCEEDED when no row was left to create.',
  })
  job!: UserImportJobType;

  @Field(() => [UserImportRowType], {
    description: "Rows refused when the file was checked, in file order, with their code and reason; also among the job's `rows`.",
  })
  refusedRows!: UserImportRowType[];
}
