/** Inputs and arguments of user imports. */
import { ArgsType, Field, InputType } from 'type-graphql';
import { ConnectionArgs } from '../schema/connection.type.js';
import { MAX_IMPORT_ROWS } from '../services/user/user-csv.js';
import type { UserImportRowStatus } from '../services/user/user-import.service.js';
import { UserImportRowStatusEnum } from './user-import.type.js';

@InputType('ImportUsersInput', { description: 'A CSV file of users to create.' })
export class ImportUsersInput {
  @Field(() => String, {
    description: `The file's text: a header line \`username,displayName,role,password\` (any order, any case; other columns are ignored), then one user a line, at most ${MAX_IMPORT_ROWS} rows. Fields with commas, quotes or line breaks are quoted, with quotes doubled; CRLF or LF; blank lines are skipped. The request body may be at most 5 MB.`,
  })
  csv!: string;
}

@ArgsType()
export class UserImportRowsArgs extends ConnectionArgs {
  @Field(() => [UserImportRowStatusEnum], {
    nullable: true,
    description: 'Only rows with one of these statuses (e.g. FAILED, to see what to fix); every row when omitted or empty.',
  })
  statuses?: UserImportRowStatus[] | null;
}
